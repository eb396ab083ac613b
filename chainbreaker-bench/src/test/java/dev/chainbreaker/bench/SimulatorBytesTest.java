package dev.chainbreaker.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.bench.Simulator.Config;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator writes its lines as UTF-8 bytes: the same as the Strings it hands to a {@link Simulator.Sink}. */
class SimulatorBytesTest {

  private static final Config SMALL = new Config(2_000, 3, 5, 0.05, Config.DEFAULT_WEIGHTS, 0.01);

  @Test
  void bytesAreTheUtf8OfTheStringsAndCharsTheirLength() {
    ByteArrayOutputStream fromStrings = new ByteArrayOutputStream();
    long[] chars = {0};
    long n = new Simulator(SMALL).run((json, t, phone, actor, tag) -> {
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      fromStrings.write(b, 0, b.length);
      fromStrings.write('\n');
      chars[0] += json.length();
    });
    ByteArrayOutputStream fromBytes = new ByteArrayOutputStream();
    Simulator sim = new Simulator(SMALL);
    long m = sim.run((utf8, off, len, t, phone, actor, tag) -> {
      fromBytes.write(utf8, off, len);
      fromBytes.write('\n');
    });
    assertEquals(n, m);
    assertArrayEquals(fromStrings.toByteArray(), fromBytes.toByteArray());
    assertEquals(chars[0], sim.chars());
    assertTrue(new String(fromBytes.toByteArray(), StandardCharsets.UTF_8).contains("【"), "no CJK text in the sample");
  }

  @Test
  void simulateWritesTheSinksLines() throws Exception {
    Path dir = Files.createTempDirectory("sim-bytes");
    Path out = dir.resolve("pop.jsonl");
    assertEquals(0, Simulate.run(List.of("--phones", "2000", "--days", "3", "--seed", "5", "--attack-rate", "0.05",
        "--phish-rate", "0.01", "--out", out.toString()), System.out, System.err));
    StringBuilder expected = new StringBuilder();
    new Simulator(SMALL).run((json, t, phone, actor, tag) -> expected.append(json).append('\n'));
    assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
  }

  /** Free text the generator does not produce today: escapes, 2- and 4-byte UTF-8, lone surrogates. */
  @Test
  void freeTextIsEscapedAndEncodedAsStringsWere() {
    String text = "say \"hi\" \\ \u0001 café 中文【】 \ud83d\ude00 lone \ud800 and \udc00.";
    // what the String builder made of it before, then encoded by the writer (a lone surrogate becomes '?')
    String quoted = "\"say \\\"hi\\\" \\\\ \\u0001 café 中文【】 \ud83d\ude00 lone \ud800 and \udc00.\"";
    Simulator sim = new Simulator(new Config(1, 1, 1, 0, Config.DEFAULT_WEIGHTS, 0));
    sim.new Ev().start(Simulator.EPOCH_MS + 3_600_000L, "/test/free-text", "message.received", "+8613900000000", 0)
        .text("text", text).list("list", "a\"b", "é").end(Simulator.OWNER, 0);
    List<byte[]> lines = new ArrayList<>();
    sim.run((utf8, off, len, t, phone, actor, tag) -> {
      byte[] line = Arrays.copyOfRange(utf8, off, off + len);
      if (new String(line, StandardCharsets.UTF_8).contains("/test/free-text")) {
        lines.add(line);
      }
    });
    assertEquals(1, lines.size());
    String data = "\"data\":{\"text\":" + quoted + ",\"list\":[\"a\\\"b\",\"é\"]}}";
    byte[] tail = data.getBytes(StandardCharsets.UTF_8);
    byte[] got = lines.get(0);
    assertArrayEquals(tail, Arrays.copyOfRange(got, got.length - tail.length, got.length));
  }
}
