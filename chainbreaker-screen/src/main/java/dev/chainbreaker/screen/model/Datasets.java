package dev.chainbreaker.screen.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads the JSON Lines data sets; a line that cannot be read is counted and skipped. */
public final class Datasets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Datasets() {}

  public static List<LabeledMessage> read(Path file) throws IOException {
    List<LabeledMessage> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode j;
        try {
          j = JSON.readTree(line);
        } catch (RuntimeException e) {
          continue;
        }
        String text = j.path("text").asString(null);
        String label = j.path("label").asString(null);
        if (text == null || label == null) {
          continue;
        }
        out.add(new LabeledMessage(j.path("id").asString("line-" + n), text,
            j.path("sender").asString(null), label, j.path("category").asString(""),
            j.path("lang").asString(""), j.path("source").asString("")));
      }
    }
    return out;
  }
}
