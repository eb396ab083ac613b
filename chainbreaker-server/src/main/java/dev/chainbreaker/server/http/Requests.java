package dev.chainbreaker.server.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reading requests safely: bodies (content type first, then at most the size limit, then strict
 * UTF-8) and query parameters (strict percent-decoding: a malformed one is a 400, never dropped).
 */
final class Requests {
  private Requests() {}

  /** The media type without parameters, lower case; empty when absent. */
  static String mediaType(Context ctx) {
    String ct = ctx.header("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  static String requireType(Context ctx, Set<String> allowed) {
    String type = mediaType(ctx);
    if (!allowed.contains(type)) {
      throw new Problem(415, "unsupported-media-type", "Unsupported media type",
          (type.isEmpty() ? "no Content-Type" : "Content-Type " + type) + "; expected one of " + new java.util.TreeSet<>(allowed), "Content-Type");
    }
    return type;
  }

  /**
   * Bodies up to this many bytes over the limit are read and discarded before the 413 is sent: a
   * client still writing its body would otherwise see a reset connection instead of the answer.
   * Beyond it the connection is closed on the sender.
   */
  static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  /** The body as text, at most {@code max} bytes (413 beyond), valid UTF-8 (400 otherwise). */
  static String body(Context ctx, long max) {
    byte[] bytes = bytes(ctx, max);
    if (ascii(bytes)) {
      // Most bodies are ASCII (identifiers, times, amounts): one copy, no decoder and its buffers.
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return strictUtf8(bytes).toString();
  }

  /**
   * The body's bytes, at most {@code max} (413 beyond), checked to be valid UTF-8 without a NUL byte
   * (400 otherwise), for a JSON parser that reads bytes. JSON never holds a raw NUL, and without one
   * a parser's encoding detection (UTF-16 and UTF-32 start with zero bytes) can only find UTF-8.
   */
  static byte[] utf8Body(Context ctx, long max) {
    byte[] bytes = bytes(ctx, max);
    boolean ascii = true;
    for (byte b : bytes) {
      if (b == 0) {
        throw Problem.invalid("body", "malformed JSON: a NUL byte (JSON allows control characters only as escapes)");
      }
      ascii &= b > 0;
    }
    if (!ascii) {
      strictUtf8(bytes);
    }
    return bytes;
  }

  private static CharBuffer strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw Problem.invalid("body", "the request body is not valid UTF-8");
    }
  }

  /** The body's bytes, at most {@code max} (413 beyond), not empty. */
  private static byte[] bytes(Context ctx, long max) {
    String length = ctx.header("Content-Length");
    long announced = -1;
    if (length != null) {
      try {
        announced = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw Problem.invalid("Content-Length", "not a number");
      }
      if (announced < 0) {
        throw Problem.invalid("Content-Length", "negative");
      }
      if (announced > max) {
        if (announced <= DRAIN_LIMIT) {
          drain(ctx);
        }
        throw tooLarge(max);
      }
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      if (announced >= 0) {
        // The usual case: one array of the announced size, no intermediate copies.
        bytes = in.readNBytes((int) announced);
        if (bytes.length < announced) {
          throw Problem.invalid("body", "the request body is shorter than its Content-Length");
        }
      } else {
        bytes = readChunked(ctx, in, max);
      }
    } catch (IOException e) {
      throw Problem.invalid("body", "the request body could not be read");
    }
    if (bytes.length == 0) {
      throw Problem.invalid("body", "the request body is empty");
    }
    return bytes;
  }

  /** A body without Content-Length, read up to {@code max} bytes. */
  private static byte[] readChunked(Context ctx, InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        drain(ctx); // read on (bounded) to answer cleanly
        throw tooLarge(max);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Before an error answer: reads what is left of a body of bounded size, so that a client still
   * sending it gets the answer instead of a reset (a 415 or 401 is decided before the body is read).
   */
  static void drainUnread(Context ctx) {
    String length = ctx.header("Content-Length");
    try {
      if (length != null && Long.parseLong(length.strip()) > DRAIN_LIMIT) {
        return;
      }
    } catch (NumberFormatException e) {
      return;
    }
    drain(ctx);
  }

  static void drain(Context ctx) {
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buf = new byte[65536];
      long total = 0;
      int n;
      while (total < DRAIN_LIMIT && (n = in.read(buf)) > 0) {
        total += n;
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private static Problem tooLarge(long max) {
    return new Problem(413, "content-too-large", "Content too large", "the request body exceeds " + max + " bytes", "body");
  }

  private static final String QUERY_ATTRIBUTE = "chainbreaker.query";

  /**
   * The query parameters, decoded strictly (application/x-www-form-urlencoded, UTF-8). Javalin's own
   * {@code ctx.queryParam} drops a parameter whose percent-encoding is malformed ({@code subject=%ZZ}),
   * which silently widens a filtered read to everyone's data; here it is a 400 naming the parameter,
   * or the query string itself when the name cannot be decoded. Parsed once per request.
   */
  static Map<String, List<String>> queryParams(Context ctx) {
    String query = ctx.queryString();
    if (query == null || query.isEmpty()) {
      return Map.of(); // the events endpoint's every request: nothing to parse or to keep
    }
    @SuppressWarnings("unchecked")
    Map<String, List<String>> cached = (Map<String, List<String>>) ctx.attribute(QUERY_ATTRIBUTE);
    if (cached != null) {
      return cached;
    }
    Map<String, List<String>> params = parseQuery(query);
    ctx.attribute(QUERY_ATTRIBUTE, params);
    return params;
  }

  /** The first value of a query parameter, strictly decoded; null when absent. */
  static String queryParam(Context ctx, String name) {
    List<String> values = queryParams(ctx).get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static Map<String, List<String>> parseQuery(String query) {
    if (query == null || query.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue; // "a=1&&b=2": an empty pair carries nothing
      }
      int eq = pair.indexOf('=');
      String name = decodeComponent(eq < 0 ? pair : pair.substring(0, eq));
      if (name == null) {
        throw Problem.invalid("query", "the query string is malformed: a parameter name is not valid percent-encoded UTF-8");
      }
      String value = eq < 0 ? "" : decodeComponent(pair.substring(eq + 1));
      if (value == null) {
        throw Problem.invalid(name.length() > 64 ? "query" : name, "not valid percent-encoded UTF-8 (a '%' must be followed by two hex digits)");
      }
      params.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    params.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(params);
  }

  /** Form-decodes one name or value ('+' is a space); null when a '%' escape or the UTF-8 it spells is malformed. */
  private static String decodeComponent(String s) {
    if (s.indexOf('%') < 0) {
      return s.replace('+', ' ');
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          return null;
        }
        int hi = hex(s.charAt(i + 1));
        int lo = hex(s.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+') {
        out.write(' ');
      } else if (c < 0x80) {
        out.write(c);
      } else {
        // already text (a raw non-ASCII character in the request line): kept as its UTF-8 bytes
        int cp = s.codePointAt(i);
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** An ASCII hex digit's value, else -1 (Character.digit would accept other scripts' digits). */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = queryParam(ctx, name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw Problem.invalid(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw Problem.invalid(name, "must be an integer");
    }
  }

  static long longParam(Context ctx, String name, long dflt) {
    String v = queryParam(ctx, name);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < 1) {
        throw Problem.invalid(name, "must be a positive integer");
      }
      return n;
    } catch (NumberFormatException e) {
      throw Problem.invalid(name, "must be an integer");
    }
  }
}
