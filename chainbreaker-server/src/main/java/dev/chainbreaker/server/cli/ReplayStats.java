package dev.chainbreaker.server.cli;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.rules.RulePack;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * {@code replay --stats}: throughput and per-event decision latency on the calling thread, parsing
 * excluded, after a warm-up pass on a separate engine (cli.md).
 */
final class ReplayStats {
  private static final int WARM_UP = 500_000;

  private ReplayStats() {}

  static int run(RulePack pack, List<Event> events, PrintStream out) {
    Engine warm = Engine.builder().rules(pack).dedupCapacity(1).build();
    int warmCount = Math.min(WARM_UP, events.size());
    for (int i = 0; i < warmCount; i++) {
      warm.decide(events.get(i));
    }
    Engine engine = Engine.builder().rules(pack).dedupCapacity(1).build();
    long[] nanos = new long[events.size()];
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    long start = System.nanoTime();
    for (int i = 0; i < events.size(); i++) {
      long t0 = System.nanoTime();
      Decision d = engine.decide(events.get(i));
      nanos[i] = System.nanoTime() - t0;
      outcomes.merge(d.decision(), 1, Integer::sum);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    int phones = engine.phoneCount();
    StringBuilder decisions = new StringBuilder("{");
    outcomes.forEach((k, v) -> decisions.append(decisions.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    decisions.append('}');
    out.printf(Locale.ROOT,
        "{\"events\":%d,\"seconds\":%.3f,\"eventsPerSec\":%.0f,\"p50us\":%.2f,\"p99us\":%.2f,\"p999us\":%.2f,"
            + "\"decisions\":%s,\"phones\":%d,\"stateBytesPerPhone\":%.1f,\"peakHeapMB\":%.1f}%n",
        events.size(), seconds, events.size() / seconds, pct(nanos, 0.50), pct(nanos, 0.99), pct(nanos, 0.999),
        decisions, phones, phones == 0 ? 0.0 : engine.stateBytes() / (double) phones, peak / 1048576.0);
    return 0;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1000.0;
  }
}
