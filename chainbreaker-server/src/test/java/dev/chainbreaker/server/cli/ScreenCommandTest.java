package dev.chainbreaker.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ScreenCommandTest {
  @TempDir
  Path dir;

  @Test
  void everyResultOfTheFileFormCarriesAnIdNullWhenTheLineHasNone() throws Exception {
    Path f = dir.resolve("in.jsonl");
    Files.writeString(f, "{\"id\":\"m1\",\"text\":\"see you at dinner\"}\n{\"text\":\"see you at dinner\"}\nnot json\n");
    CliRun r = CliRun.of("screen", "--json", "--file", f.toString());
    assertEquals(0, r.rc(), r.toString());
    List<JsonNode> lines = r.out().lines().map(l -> new ObjectMapper().readTree(l)).toList();
    assertEquals(3, lines.size(), r.toString());
    for (JsonNode n : lines) {
      assertTrue(n.has("id"), "no id key: " + n);
    }
    assertEquals("m1", lines.get(0).get("id").asString());
    assertTrue(lines.get(1).get("id").isNull(), lines.get(1).toString());
    assertTrue(lines.get(1).has("verdict"), lines.get(1).toString());
  }
}
