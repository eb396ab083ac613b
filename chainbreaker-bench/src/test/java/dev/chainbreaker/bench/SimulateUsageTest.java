package dev.chainbreaker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulateUsageTest {
  private static String[] run(List<String> args, int expectedRc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = Simulate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String[] r = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    assertEquals(expectedRc, rc, args + ": " + r[0] + r[1]);
    return r;
  }

  @Test
  void badUsageNamesTheCommandUsersRunNotTheJavaClass() throws Exception {
    String err = run(List.of("--bogus"), 2)[1];
    assertTrue(err.contains("usage: ./chainbreaker simulate "), err);
    assertFalse(err.contains("usage: Simulate"), err);
  }

  @Test
  void anOptionWithoutItsValueSaysItNeedsOne() throws Exception {
    String err = run(List.of("--phones"), 2)[1];
    assertTrue(err.contains("--phones needs a value"), err);
  }

  @Test
  void helpPrintsTheUsageOnStdoutAndExitsZero() throws Exception {
    String out = run(List.of("--help"), 0)[0];
    assertTrue(out.startsWith("usage: ./chainbreaker simulate "), out);
  }
}
