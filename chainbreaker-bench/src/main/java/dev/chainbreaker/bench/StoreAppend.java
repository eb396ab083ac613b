package dev.chainbreaker.bench;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventBinary;
import dev.chainbreaker.store.Accepted;
import dev.chainbreaker.store.Store;
import dev.chainbreaker.store.StoreOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The store's share of an event, without HTTP or the engine: {@code Store.append} of pre-decided
 * batches of 20 into a fresh store, reported as process CPU per event (foreground write plus
 * RocksDB's flushes and compactions, which run on their own threads) and wall time per batch.
 *
 * <p>The events are an {@link EventMix} decided once by an engine; each pass re-appends them with
 * fresh ids, so every decision key is new, as with real traffic.
 *
 * <p>{@code java -cp chainbreaker-bench/target/chainbreaker-bench.jar dev.chainbreaker.bench.StoreAppend [passes]}
 */
public final class StoreAppend {
  private StoreAppend() {}

  public static void main(String[] args) throws IOException {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Mix mix = new Mix(20_000, 7, 42);
    Engine engine = mix.engine(1);
    List<Accepted> decided = new ArrayList<>(mix.events.length);
    for (Event e : mix.events) {
      Decision d = engine.decide(e);
      decided.add(new Accepted(e, EventBinary.encode(e), d, DecisionJson.toUtf8(d), engine.encodeState(e.subject())));
    }
    long storedBytes = 0;
    long decisionBytes = 0;
    long stateBytes = 0;
    for (Accepted a : decided) {
      storedBytes += a.stored().length;
      decisionBytes += a.decisionUtf8().length;
      stateBytes += a.state() == null ? 0 : a.state().length;
    }
    int n = decided.size();
    System.out.printf(Locale.ROOT, "bytes per event: stored %d, decision %d, state %d%n", storedBytes / n, decisionBytes / n, stateBytes / n);
    Path dir = Files.createTempDirectory("store-append");
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Store store = Store.open(StoreOptions.defaults(dir))) {
      for (int pass = 0; pass < passes; pass++) {
        List<Accepted> fresh = new ArrayList<>(decided.size());
        for (Accepted a : decided) {
          Event e = a.event();
          Event renamed = new Event(e.id() + "-" + pass, e.source(), e.sourceKind(), e.type(), e.timeMs(), e.offsetSeconds(), e.subject(), e.data());
          fresh.add(new Accepted(renamed, a.stored(), a.decision(), a.decisionUtf8(), a.state()));
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < fresh.size(); i += 20) {
          store.append(fresh.subList(i, Math.min(i + 20, fresh.size())));
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf(Locale.ROOT, "pass %d: %d events, process CPU %.2f us/event, append wall %.2f us/event%n",
            pass, fresh.size(), cpu / 1e3 / fresh.size(), wall / 1e3 / fresh.size());
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
