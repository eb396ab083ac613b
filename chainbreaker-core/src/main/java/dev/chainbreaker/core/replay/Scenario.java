package dev.chainbreaker.core.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scenario file ({@code NAME.jsonl}) with its ground truth ({@code NAME.truth.json}): who did
 * each event, the owner, the thief or an institution.
 */
public record Scenario(String name, Path events, String subject, Map<String, String> actors) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static Scenario load(Path jsonl) {
    String file = jsonl.getFileName().toString();
    String name = file.substring(0, file.length() - ".jsonl".length());
    Path truth = jsonl.resolveSibling(name + ".truth.json");
    try {
      JsonNode t = JSON.readTree(Files.readString(truth));
      Map<String, String> actors = new HashMap<>();
      t.get("actors").properties().forEach(e -> actors.put(e.getKey(), e.getValue().stringValue()));
      return new Scenario(t.path("scenario").asString(name), jsonl, t.path("subject").asString(""), Map.copyOf(actors));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + truth + ": " + e.getMessage(), e);
    }
  }

  /** Every scenario in a directory that has a truth file, by name. */
  public static List<Scenario> all(Path dir) {
    try (var files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .filter(p -> Files.exists(p.resolveSibling(p.getFileName().toString().replace(".jsonl", ".truth.json"))))
          .sorted()
          .map(Scenario::load)
          .toList();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  public boolean hasThief() {
    return actors.containsValue("thief");
  }

  public String actor(String eventId) {
    return actors.getOrDefault(eventId, "unknown");
  }
}
