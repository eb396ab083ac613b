package dev.chainbreaker.bench;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Replays an {@link EventMix} once (after a warm-up pass on another engine) and reports encoded
 * state bytes per phone, the heap the engine retains, decision counts, and a per-event latency
 * histogram (HdrHistogram) as a cross-check of the JMH numbers; {@code --per-type} adds the latency
 * and the share of decide() time of each event type.
 *
 * <pre>java -cp chainbreaker-bench.jar dev.chainbreaker.bench.StateSize --phones 20000 --days 7 --seed 42</pre>
 */
public final class StateSize {
  private StateSize() {}

  public static void main(String[] args) {
    int phones = 20_000;
    int days = 7;
    long seed = 42;
    int warmPasses = 3;
    boolean perType = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--phones" -> phones = Integer.parseInt(args[++i]);
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--warm" -> warmPasses = Integer.parseInt(args[++i]);
        case "--per-type" -> perType = true;
        default -> {
          System.err.println("usage: StateSize [--phones N] [--days D] [--seed S] [--warm PASSES] [--per-type]");
          System.exit(2);
        }
      }
    }
    Mix mix = new Mix(phones, days, seed);
    Event[] events = mix.events;
    for (int p = 0; p < warmPasses; p++) {
      Engine warm = mix.engine(1);
      for (Event e : events) {
        warm.decide(e);
      }
    }
    long before = usedAfterGc();
    Engine engine = mix.engine(1);
    Histogram h = new Histogram(3_600_000_000L, 3);
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    Map<EventType, Histogram> byType = new EnumMap<>(EventType.class);
    long start = System.nanoTime();
    for (Event e : events) {
      long t0 = System.nanoTime();
      Decision d = engine.decide(e);
      long took = System.nanoTime() - t0;
      h.recordValue(took);
      byType.computeIfAbsent(e.type(), k -> new Histogram(3_600_000_000L, 3)).recordValue(took);
      outcomes.merge(d.decision(), 1, Integer::sum);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = usedAfterGc();
    int count = engine.phoneCount();
    long bytes = engine.stateBytes();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT,
        "{\"events\":%d,\"phones\":%d,\"stateBytes\":%d,\"stateBytesPerPhone\":%.1f,\"retainedHeapBytesPerPhone\":%.0f,"
            + "\"seconds\":%.3f,\"eventsPerSec\":%.0f,\"p50us\":%.2f,\"p99us\":%.2f,\"p999us\":%.2f,\"maxus\":%.1f,"
            + "\"decisions\":%s,\"peakHeapMB\":%.1f}%n",
        events.length, count, bytes, count == 0 ? 0.0 : bytes / (double) count, count == 0 ? 0.0 : (after - before) / (double) count,
        seconds, events.length / seconds, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
        h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, outcomes, peak / 1048576.0);
    if (perType) {
      long totalNanos = 0;
      for (Histogram th : byType.values()) {
        totalNanos += (long) (th.getMean() * th.getTotalCount());
      }
      System.out.printf(Locale.ROOT, "%-34s %8s %9s %9s %9s %7s%n", "type", "events", "p50us", "p99us", "meanus", "time%");
      for (Map.Entry<EventType, Histogram> en : byType.entrySet()) {
        Histogram th = en.getValue();
        System.out.printf(Locale.ROOT, "%-34s %8d %9.2f %9.2f %9.2f %6.1f%%%n", en.getKey().wire(), th.getTotalCount(),
            th.getValueAtPercentile(50) / 1e3, th.getValueAtPercentile(99) / 1e3, th.getMean() / 1e3,
            100.0 * th.getMean() * th.getTotalCount() / totalNanos);
      }
    }
    // keep the engine reachable until after the measurement above
    if (engine.phoneCount() < 0) {
      System.out.println(engine);
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
