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

  /**
   * What {@link #readCounting} found: the usable rows and how many non-blank lines were skipped, by
   * cause, so that a command can tell the user why a file gave fewer rows than it has lines.
   */
  public record Read(List<LabeledMessage> rows, int notJson, int missingTextOrLabel) {
    public int skipped() {
      return notJson + missingTextOrLabel;
    }
  }

  public static List<LabeledMessage> read(Path file) throws IOException {
    return readCounting(file).rows();
  }

  /** Like {@link #read}, counting the skipped lines (blank lines are not counted: they carry nothing). */
  public static Read readCounting(Path file) throws IOException {
    List<LabeledMessage> out = new ArrayList<>();
    int notJson = 0;
    int missing = 0;
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
          notJson++;
          continue;
        }
        String text = j.path("text").asString(null);
        String label = j.path("label").asString(null);
        if (text == null || label == null) {
          missing++;
          continue;
        }
        out.add(new LabeledMessage(j.path("id").asString("line-" + n), text,
            j.path("sender").asString(null), label, j.path("category").asString(""),
            j.path("lang").asString(""), j.path("source").asString("")));
      }
    }
    return new Read(out, notJson, missing);
  }
}
