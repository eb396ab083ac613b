package dev.chainbreaker.server.cli;

import dev.chainbreaker.screen.LinkFinding;
import dev.chainbreaker.screen.Reason;
import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.Verdict;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code screen [--json] [--sender S] "TEXT"} or {@code screen [--json] --file FILE.jsonl}: judges
 * text messages (contract: shared/spec/cli.md). The file form streams one result per input line, in
 * order; a line that cannot be read yields {@code {"id": ..., "error": ...}} and screening goes on.
 */
public final class ScreenCommand {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Longest input line read; longer lines get an error line instead of exhausting memory. */
  private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

  private ScreenCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    boolean json = false;
    String sender = null;
    String file = null;
    String text = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        case "--json" -> json = true;
        case "--sender", "--file" -> {
          if (i + 1 == args.size()) {
            err.println("screen: " + a + " needs a value");
            return usage(err);
          }
          if (a.equals("--sender")) {
            sender = args.get(++i);
          } else {
            file = args.get(++i);
          }
        }
        default -> {
          if (a.startsWith("--")) {
            err.println("screen: unknown option " + a);
            return usage(err);
          }
          if (text != null) {
            err.println("screen: give the text as one argument (quote it)");
            return usage(err);
          }
          text = a;
        }
      }
    }
    if ((file == null) == (text == null)) {
      return usage(err);
    }
    Screener screener = Screener.standard();
    if (text != null) {
      Verdict v = screener.screen(text, sender);
      if (json) {
        out.println(JSON.writeValueAsString(toJson(null, v)));
      } else {
        printHuman(out, text, v);
      }
      return 0;
    }
    Path p = Path.of(file);
    if (!Files.isReadable(p) || Files.isDirectory(p)) {
      err.println("screen: cannot read " + file);
      return 2;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
      streamFile(in, screener, json, out);
    } catch (IOException e) {
      err.println("screen: error reading " + file + ": " + e.getMessage());
      return 2;
    }
    return 0;
  }

  static final String USAGE = "usage: ./chainbreaker screen [--json] [--sender S] \"TEXT\"\n"
      + "       ./chainbreaker screen [--json] --file FILE.jsonl";

  private static int usage(PrintStream err) {
    err.println(USAGE);
    return 2;
  }

  private static void streamFile(InputStream in, Screener screener, boolean json, PrintStream out)
      throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    boolean tooLong = false;
    int lineNo = 0;
    int b;
    while (true) {
      b = in.read();
      if (b == '\n' || b < 0) {
        if (b < 0 && line.size() == 0 && !tooLong) {
          break;
        }
        lineNo++;
        handleLine(line.toByteArray(), tooLong, lineNo, screener, json, out);
        line.reset();
        tooLong = false;
        if (b < 0) {
          break;
        }
        continue;
      }
      if (line.size() < MAX_LINE_BYTES) {
        line.write(b);
      } else {
        tooLong = true;
      }
    }
    out.flush();
  }

  private static void handleLine(byte[] bytes, boolean tooLong, int lineNo, Screener screener,
      boolean json, PrintStream out) {
    String fallbackId = "line-" + lineNo;
    if (tooLong) {
      error(out, json, null, fallbackId, "line longer than " + MAX_LINE_BYTES + " bytes");
      return;
    }
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      error(out, json, null, fallbackId, "line is not valid UTF-8");
      return;
    }
    if (s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isBlank()) {
      error(out, json, null, fallbackId, "empty line");
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(s);
    } catch (RuntimeException e) {
      error(out, json, null, fallbackId, "line is not JSON");
      return;
    }
    if (node == null || !node.isObject()) {
      error(out, json, null, fallbackId, "line is not a JSON object");
      return;
    }
    JsonNode id = node.get("id");
    JsonNode text = node.get("text");
    JsonNode sender = node.get("sender");
    if (text == null || !text.isString()) {
      error(out, json, id, fallbackId, "missing or non-string \"text\"");
      return;
    }
    if (sender != null && !sender.isNull() && !sender.isString()) {
      error(out, json, id, fallbackId, "\"sender\" must be a string");
      return;
    }
    Verdict v;
    try {
      v = screener.screen(text.asString(), sender == null || sender.isNull() ? null : sender.asString());
    } catch (RuntimeException e) {
      error(out, json, id, fallbackId, "screening failed: " + e.getClass().getSimpleName());
      return;
    }
    if (json) {
      // every result of the file form carries "id", null when the line has none, like the error
      // lines do (cli.md): a consumer matches results to inputs by it
      ObjectNode o = toJson(id == null ? JSON.getNodeFactory().nullNode() : id, v);
      out.println(JSON.writeValueAsString(o));
    } else {
      out.printf(Locale.ROOT, "%s\t%s\t%.2f\t%s%n", id == null ? fallbackId : id.asString(),
          v.verdict(), v.score(), v.category());
    }
  }

  private static void error(PrintStream out, boolean json, JsonNode id, String fallbackId, String message) {
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      if (id == null) {
        o.putNull("id");
      } else {
        o.set("id", id);
      }
      o.put("error", message);
      out.println(JSON.writeValueAsString(o));
    } else {
      out.println((id == null ? fallbackId : id.asString()) + "\tERROR\t" + message);
    }
  }

  /** The result object; {@code id} null leaves the key out (the single-text form has no id). */
  static ObjectNode toJson(JsonNode id, Verdict v) {
    ObjectNode o = JSON.createObjectNode();
    if (id != null) {
      o.set("id", id);
    }
    o.put("verdict", v.verdict().name());
    o.put("score", v.score());
    o.put("category", v.category());
    ArrayNode links = o.putArray("links");
    for (LinkFinding l : v.links()) {
      ObjectNode ln = links.addObject();
      ln.put("text", l.text());
      ln.put("host", l.host());
      ln.put("registrableDomain", l.registrableDomain());
      ln.put("risk", l.risk());
      ArrayNode span = ln.putArray("span");
      span.add(l.start());
      span.add(l.end());
    }
    ArrayNode reasons = o.putArray("reasons");
    for (Reason r : v.reasons()) {
      ObjectNode rn = reasons.addObject();
      rn.put("code", r.code());
      rn.put("message", r.message());
      rn.put("messageZh", r.messageZh());
      if (r.start() < 0) {
        rn.putNull("span");
      } else {
        ArrayNode span = rn.putArray("span");
        span.add(r.start());
        span.add(r.end());
      }
    }
    ArrayNode advice = o.putArray("advice");
    v.advice().forEach(advice::add);
    return o;
  }

  private static void printHuman(PrintStream out, String text, Verdict v) {
    out.printf(Locale.ROOT, "%s  score %.2f  category %s%n", v.verdict(), v.score(), v.category());
    for (LinkFinding l : v.links()) {
      out.printf(Locale.ROOT, "  link %-40s host %s  domain %s  risk %s%n", l.text(), l.host(),
          l.registrableDomain(), l.risk());
    }
    for (Reason r : v.reasons()) {
      String span = r.start() >= 0 ? "  «" + text.substring(r.start(), r.end()) + "»" : "";
      out.printf(Locale.ROOT, "  - %s: %s / %s%s%n", r.code(), r.message(), r.messageZh(), span);
    }
    for (String a : v.advice()) {
      out.println("  advice: " + a);
    }
  }
}
