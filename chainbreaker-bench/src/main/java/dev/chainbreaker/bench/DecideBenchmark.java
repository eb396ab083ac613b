package dev.chainbreaker.bench;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
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
 * {@code Engine.decide()} on one thread over a pre-parsed {@link EventMix} (parsing excluded).
 *
 * <p>Every event is fed once to an engine: a retry (same source and id) would return a cached
 * decision, so when the list is exhausted the benchmark switches to a fresh engine (built from the
 * already loaded pack and screener, which is cheap) and starts over. Each measurement iteration also
 * starts on a fresh engine. With the default 20,000 phones over 7 days (about 250k events) state
 * grows to the full population many times per iteration.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
// Six warm-up iterations: with three, the first measured iterations on a 2-vCPU VM were still
// compiling (2026-12-02: 121k-235k events/s, then 380k-473k in the same fork); with six, every
// measured iteration is within 5% of the others (BENCHMARKS.md).
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 5)
public class DecideBenchmark {
  @Param("20000")
  public int phones;

  @Param("7")
  public int days;

  @Param("42")
  public long seed;

  /** Remembered (source, id) pairs for retries: 1 as in {@code replay --stats}, 1,000,000 is the engine's default. */
  @Param({"1", "1000000"})
  public int dedupCapacity;

  private Mix mix;
  private Event[] events;
  private Engine engine;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    mix = new Mix(phones, days, seed);
    events = mix.events;
  }

  @Setup(Level.Iteration)
  public void freshEngine() {
    engine = mix.engine(dedupCapacity);
    next = 0;
  }

  private Decision step() {
    if (next == events.length) {
      engine = mix.engine(dedupCapacity);
      next = 0;
    }
    return engine.decide(events[next++]);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Decision throughput() {
    return step();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Decision latency() {
    return step();
  }
}
