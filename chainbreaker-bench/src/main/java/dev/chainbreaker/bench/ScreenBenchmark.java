package dev.chainbreaker.bench;

import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.Verdict;
import dev.chainbreaker.screen.model.Datasets;
import dev.chainbreaker.screen.model.LabeledMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Screener.standard().screen(text, sender)} on one thread over a fixed, realistic message
 * mix: every message of the shared dev split ({@code datasets/dev.jsonl}, mostly ham, in file
 * order), cycled. The texts are read at setup from the shared fixtures, never copied into the
 * repository: the folder is the system property {@code chainbreaker.shared} (pass it to the fork
 * with {@code -jvmArgsAppend -Dchainbreaker.shared=...}), else {@code ../shared} or {@code shared}
 * from the working directory. Without it the benchmark stops at setup with a message saying so,
 * and JMH goes on with the others.
 *
 * <p>{@code -p file=sms-handwritten-dev.jsonl} measures the hand-written set (mostly fraud) instead.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ScreenBenchmark {

  /** File under {@code <shared>/datasets/}. */
  @Param("dev.jsonl")
  public String file;

  private Screener screener;
  private String[] texts;
  private String[] senders;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path data = locate(file);
    List<LabeledMessage> set = Datasets.read(data);
    if (set.isEmpty()) {
      throw new IllegalStateException("ScreenBenchmark skipped: no messages in " + data);
    }
    texts = new String[set.size()];
    senders = new String[set.size()];
    for (int i = 0; i < set.size(); i++) {
      texts[i] = set.get(i).text();
      senders[i] = set.get(i).sender();
    }
    screener = Screener.standard();
    next = 0;
  }

  static Path locate(String name) {
    String prop = System.getProperty("chainbreaker.shared");
    List<Path> bases = prop != null && !prop.isBlank()
        ? List.of(Path.of(prop))
        : List.of(Path.of("../shared"), Path.of("shared"), Path.of("../../shared"));
    for (Path b : bases) {
      Path p = b.resolve("datasets").resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("ScreenBenchmark skipped: datasets/" + name + " not found under "
        + bases + "; set -Dchainbreaker.shared=<folder with datasets/> (JMH: -jvmArgsAppend)");
  }

  private Verdict step() {
    int i = next;
    next = i + 1 == texts.length ? 0 : i + 1;
    return screener.screen(texts[i], senders[i]);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Verdict throughput() {
    return step();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Verdict latency() {
    return step();
  }
}
