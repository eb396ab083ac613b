package dev.chainbreaker.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.server.http.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir
  Path data;

  @Test
  void demoLoadsTheSharedScenariosOnceAndPrintsTheFirstKeyOnce() throws Exception {
    String shared = System.getProperty("chainbreaker.shared");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "scenarios")),
        "shared fixtures absent (system property chainbreaker.shared = " + shared + "): --demo test skipped");
    long lines = 0;
    try (Stream<Path> files = Files.list(Path.of(shared, "scenarios"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        lines += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
      }
    }
    List<String> args = List.of("--port", "0", "--data", data.toString(), "--demo", "--shared", shared);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Server s = ServeCommand.start(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err)) {
      assertEquals(lines, s.ledger().store().lastSequence());
    }
    String first = out.toString(StandardCharsets.UTF_8);
    assertTrue(first.contains("admin API key (shown only this once"), first);
    assertTrue(first.lines().anyMatch(l -> l.strip().startsWith("cb_")), first);
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    try (Server s = ServeCommand.start(args, Map.of(), new PrintStream(again, true, StandardCharsets.UTF_8), System.err)) {
      assertEquals(lines, s.ledger().store().lastSequence(), "a second --demo start adds nothing (retries)");
    }
    assertTrue(again.toString(StandardCharsets.UTF_8).lines().noneMatch(l -> l.strip().startsWith("cb_")), "the key is shown once");
  }

  @Test
  void badArgumentsAreRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertNull(ServeCommand.start(List.of("--port", "x"), Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertNull(ServeCommand.start(List.of("--bogus"), Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option"));
  }

  @Test
  void anOutOfRangePortIsBadUsageExitingTwo() {
    CliRun r = CliRun.of("serve", "--port", "99999", "--data", data.toString());
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("port must be 0..65535"), r.toString());
  }

  @Test
  void aMissingConfigFileIsUnreadableInputExitingTwo() {
    CliRun r = CliRun.of("serve", "--config", data.resolve("nonexistent.yaml").toString(), "--data", data.toString());
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("cannot read"), r.toString());
  }

  @Test
  void aBadDurabilityInTheConfigFileExitsTwo() throws Exception {
    Path yaml = data.resolve("bad.yaml");
    Files.writeString(yaml, "durability: sometimes\n");
    CliRun r = CliRun.of("serve", "--config", yaml.toString(), "--data", data.toString());
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("sometimes"), r.toString());
  }

  @Test
  void aBadDurabilityInTheEnvironmentIsRefusedAsBadArguments() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // null is what run() turns into exit 2; before, the exception escaped and Main exited 1
    assertNull(ServeCommand.start(List.of("--data", data.toString()), Map.of("CHAINBREAKER_DURABILITY", "bogus"), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("environment"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsTheUsageAndExitsZeroWithoutStarting() {
    CliRun r = CliRun.of("serve", "--data", data.toString(), "--help");
    assertEquals(0, r.rc(), r.toString());
    assertTrue(r.out().startsWith("usage: ./chainbreaker serve"), r.toString());
  }

  /** An admin key too short to be safe is the user's input: exit 2, and the data directory is left untouched. */
  @Test
  void aShortAdminKeyInTheEnvironmentIsRefusedAsBadInput() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertNull(ServeCommand.start(List.of("--port", "0", "--data", data.resolve("d").toString()),
        Map.of("CHAINBREAKER_ADMIN_KEY", "short"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("at least 16 characters"), err.toString(StandardCharsets.UTF_8));
    assertTrue(!Files.exists(data.resolve("d").resolve("rocksdb")), "nothing opened before the key was checked");
  }
}
