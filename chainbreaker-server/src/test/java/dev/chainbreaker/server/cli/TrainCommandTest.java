package dev.chainbreaker.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainCommandTest {
  @Test
  void anOptionWithoutItsValueSaysItNeedsOne() {
    CliRun r = CliRun.of("train", "--out");
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("--out needs a value"), r.toString());
  }

  @Test
  void aStrayArgumentIsStillUnexpected() {
    CliRun r = CliRun.of("train", "model.bin");
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("unexpected argument model.bin"), r.toString());
  }
}
