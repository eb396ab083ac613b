package dev.chainbreaker.core.replay;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Feeds {@code .jsonl} files through an engine in file order and collects the decisions. */
public final class Replay {
  private Replay() {}

  /** One decided event. */
  public record Step(Event event, Decision decision) {}

  /** Reads and validates every line of a file; a bad line is an error naming the file and line. */
  public static List<Event> read(Engine engine, Path file) throws IOException {
    List<Event> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(engine.codec().parse(line));
        } catch (EventException e) {
          throw new EventException(e.field(), file + ":" + n + ": " + e.detail());
        }
      }
    }
    return out;
  }

  public static List<Step> run(Engine engine, List<Event> events) {
    List<Step> out = new ArrayList<>(events.size());
    for (Event e : events) {
      out.add(new Step(e, engine.decide(e)));
    }
    return out;
  }
}
