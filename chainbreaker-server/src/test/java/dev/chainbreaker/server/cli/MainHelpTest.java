package dev.chainbreaker.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainHelpTest {
  @Test
  void helpListsEveryCommandWithItsOptions() {
    CliRun r = CliRun.of("help");
    assertEquals(0, r.rc(), r.toString());
    for (String s : new String[] {"serve", "verify [--config FILE] [--data DIR]", "replay", "eval-scenarios", "screen", "simulate",
        "train [--data FILE.jsonl] [--out MODEL] [--bits N] [--c C] [--fraud-weight W]",
        "eval [--model MODEL] [--json] [--errors] [FILE.jsonl...]"}) {
      assertTrue(r.out().contains("  " + s), "help lacks '" + s + "':\n" + r.out());
    }
  }

  @Test
  void helpAfterAnyCommandPrintsItsUsageAndExitsZero() {
    for (String cmd : new String[] {"replay", "eval-scenarios", "screen", "train", "eval", "simulate", "serve", "verify"}) {
      for (String flag : new String[] {"--help", "-h"}) {
        CliRun r = CliRun.of(cmd, flag);
        assertEquals(0, r.rc(), cmd + " " + flag + ": " + r);
        assertTrue(r.out().startsWith("usage: ./chainbreaker " + cmd + " "), cmd + " " + flag + ": " + r);
      }
    }
  }
}
