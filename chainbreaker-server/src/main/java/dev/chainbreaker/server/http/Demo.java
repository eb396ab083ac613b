package dev.chainbreaker.server.http;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.replay.Replay;
import dev.chainbreaker.store.Ledger;
import dev.chainbreaker.store.Submitted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code serve --demo}: posts the shared scenarios ({@code SHARED/scenarios/*.jsonl}) through the
 * ledger, as an institution would, so the console has a story to show. Loading twice is harmless:
 * the second time every event is a retry.
 */
public final class Demo {
  private Demo() {}

  /** Returns how many new events were loaded. */
  public static int load(Ledger ledger, Path scenarios) {
    List<Path> files;
    try (Stream<Path> s = Files.list(scenarios)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + scenarios + ": " + e.getMessage(), e);
    }
    int loaded = 0;
    for (Path f : files) {
      try {
        List<Event> events = Replay.read(ledger.engine(), f);
        if (!events.isEmpty()) {
          for (Submitted r : ledger.submit(events)) {
            loaded += r.retry() ? 0 : 1;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    return loaded;
  }
}
