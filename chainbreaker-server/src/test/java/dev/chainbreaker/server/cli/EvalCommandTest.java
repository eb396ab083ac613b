package dev.chainbreaker.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir
  Path dir;

  private Path data(String... lines) throws Exception {
    Path f = dir.resolve("set.jsonl");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  @Test
  void aMissingModelIsUnreadableInputExitingTwo() throws Exception {
    Path set = data("{\"text\":\"hello\",\"label\":\"ham\"}");
    CliRun r = CliRun.of("eval", "--model", dir.resolve("nonexistent.bin").toString(), set.toString());
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("cannot read the model"), r.toString());
  }

  @Test
  void aFileThatIsNotAModelIsRefusedAsSuchExitingTwo() throws Exception {
    Path set = data("{\"text\":\"hello\",\"label\":\"ham\"}");
    CliRun r = CliRun.of("eval", "--model", set.toString(), set.toString());
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("not a ChainBreaker model: " + set), r.toString());
  }

  @Test
  void aFileWithNoUsableLinesSaysWhyAndExitsTwo() throws Exception {
    Path set = data("not json", "{\"text\":\"no label\"}", "{\"text\":\"hi\",\"label\":\"bogus\"}", "");
    CliRun r = CliRun.of("eval", set.toString());
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("skipped 3 lines"), r.toString());
    assertTrue(r.err().contains("1 not JSON"), r.toString());
    assertTrue(r.err().contains("no usable labelled messages"), r.toString());
    assertEquals("", r.out(), "no report for nothing");
  }

  @Test
  void skippedLinesAreReportedBesideAResult() throws Exception {
    Path set = data("{\"text\":\"hello, see you at dinner\",\"label\":\"ham\"}", "garbage");
    CliRun r = CliRun.of("eval", "--json", set.toString());
    assertEquals(0, r.rc(), r.toString());
    assertTrue(r.err().contains("skipped 1 line: 1 not JSON"), r.toString());
    assertTrue(r.out().contains("\"messages\":1"), r.toString());
  }

  @Test
  void modelWithoutAValueSaysItNeedsOne() {
    CliRun r = CliRun.of("eval", "--model");
    assertEquals(2, r.rc(), r.toString());
    assertTrue(r.err().contains("--model needs a value"), r.toString());
  }
}
