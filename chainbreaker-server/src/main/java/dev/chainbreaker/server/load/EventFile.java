package dev.chainbreaker.server.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Contract events for the load generator from an NDJSON file, one event per line, as
 * {@code chainbreaker simulate --out FILE} writes a population's traffic. Each event is sent once, in
 * file order, whichever connection takes it: the server sees the population's mix and each phone's
 * events in time order, not a synthetic stress mix. Read as the run goes (such a file is hundreds of
 * megabytes); a run that needs more events than the file holds fails instead of sending retries.
 */
final class EventFile implements AutoCloseable {
  private final Path path;
  private final BufferedReader reader;
  private long taken;

  /** Opens {@code path}, skipping its first {@code skip} events (those a warm-up run already sent). */
  EventFile(Path path, long skip) throws IOException {
    this.path = path;
    this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
    for (long i = 0; i < skip; i++) {
      if (line() == null) {
        reader.close();
        throw new IllegalArgumentException("--events " + path + " has only " + i + " events, fewer than --skip " + skip);
      }
    }
  }

  /** The next {@code n} events, in file order. */
  synchronized List<String> next(int n) throws IOException {
    List<String> out = new ArrayList<>(n);
    while (out.size() < n) {
      String line = line();
      if (line == null) {
        throw new IOException("--events " + path + " ran out after " + taken + " events of this run; generate a larger file"
            + " (chainbreaker simulate --phones N --days D --out FILE)");
      }
      out.add(line);
      taken++;
    }
    return out;
  }

  /** The next non-blank line, or null at the end. */
  private String line() throws IOException {
    String line;
    do {
      line = reader.readLine();
    } while (line != null && line.isBlank());
    return line;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
