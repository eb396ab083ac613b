package dev.chainbreaker.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainbreaker.core.replay.ScenarioScore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalScenariosCommandTest {
  @Test
  void theOwnerColumnHeaderNamesAsManyNumbersAsEachRowShows() {
    ScenarioScore s = new ScenarioScore("benign-day", false, false, -1, false, 1, 1, 0, 9, 2, 1, 0, List.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EvalScenariosCommand.print(List.of(s), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    String[] header = lines.get(0).trim().split("\\s+");
    String[] row = lines.get(1).trim().split("\\s+");
    assertEquals(header.length, row.length + 1, "header \"owner X\" is two words: " + lines);
    String ownerHeader = header[header.length - 2];
    String ownerCell = row[row.length - 2];
    assertEquals("2/1", ownerCell, lines.toString());
    assertEquals(ownerCell.split("/").length, ownerHeader.split("/").length, lines.toString());
  }
}
