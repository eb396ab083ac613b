package dev.chainbreaker.bench;

import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.store.Ledger;
import dev.chainbreaker.store.Recovery;
import dev.chainbreaker.store.Store;
import dev.chainbreaker.store.StoreOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The end-to-end replay benchmark at population scale: a simulated population is generated, parsed
 * from its JSON and decided event by event, and the run reports what an operator sizing a machine
 * needs: events per second, peak and retained heap, encoded state bytes per tracked phone, and
 * (with {@code --log}) the cost of the durable write path and the time a restart takes, loading the stored
 * state and replaying the whole log.
 *
 * <pre>
 * java -Xmx16g -cp chainbreaker-bench.jar dev.chainbreaker.bench.PopulationReplay --phones 10000000 --days 1
 * java -Xmx16g -cp chainbreaker-bench.jar dev.chainbreaker.bench.PopulationReplay --phones 1000000 --days 1 --log /tmp/cb-log
 * </pre>
 *
 * <p>Without {@code --log} the engine alone decides ({@code Engine.decide}, the embedded path without
 * storage). With it every event goes through {@link Ledger#submit} in batches of {@code --batch}
 * (the server's write path without HTTP: decide, encode, one RocksDB write batch per batch, in the
 * default {@code process-crash} durability), the ledger is closed, and reopening it is timed: that
 * replays the whole log and checks every decision and phone state against the stored ones.
 *
 * <p>Generation runs on the same thread and is included in the wall-clock rate; its own cost is
 * reported separately by {@code Simulate --null} (about a tenth of the total).
 */
public final class PopulationReplay {
  private PopulationReplay() {}

  static final String USAGE = "usage: PopulationReplay [--phones N] [--days D] [--seed S] [--attack-rate R] [--log DIR] [--batch B]";

  record Options(int phones, int days, long seed, double attackRate, Path log, int batch) {}

  static Options parse(String[] args) {
    int phones = 1_000_000;
    int days = 1;
    long seed = 42;
    double attackRate = 0.005;
    Path log = null;
    int batch = 256;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      switch (a) {
        case "--phones" -> phones = Integer.parseInt(args[++i].replace("_", ""));
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--attack-rate" -> attackRate = Double.parseDouble(args[++i]);
        case "--log" -> log = Path.of(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new Options(phones, days, seed, attackRate, log, batch);
  }

  public static void main(String[] args) throws IOException {
    Options o;
    try {
      o = parse(args);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(o, System.out, System.err));
  }

  static int run(Options o, PrintStream out, PrintStream err) throws IOException {
    Sensitive sensitive = new Sensitive("population-replay-benchmark-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (o.log() != null && Files.exists(o.log())) {
      try (Stream<Path> s = Files.list(o.log())) {
        if (s.findAny().isPresent()) {
          err.println("the log folder " + o.log() + " is not empty: give a new or empty folder");
          return 2;
        }
      }
    }
    StringBuilder json = new StringBuilder();
    long events = live(o, sensitive, json, err);
    if (o.log() != null) {
      // The live engine is unreachable now: the heap holds one engine at a time.
      recover(o, sensitive, events, json, err);
    }
    out.println(json.append('}'));
    return 0;
  }

  /** Generates, parses and decides (and with a log, stores) the population; returns the event count. */
  private static long live(Options o, Sensitive sensitive, StringBuilder json, PrintStream err) {
    Simulator.Config defaults = Simulator.Config.of(o.phones(), o.days(), o.seed());
    Simulator sim = new Simulator(new Simulator.Config(o.phones(), o.days(), o.seed(), o.attackRate(),
        Simulator.Config.DEFAULT_WEIGHTS, defaults.phishIgnoredRate()));
    Ledger ledger = o.log() == null ? null : Ledger.open(Store.open(StoreOptions.defaults(o.log())), sensitive, null, err::println);
    Engine engine = ledger != null ? ledger.engine()
        : Engine.builder().sensitive(sensitive).dedupCapacity(EvalPopulation.DEDUP).build();
    resetPeaks();
    long start = System.nanoTime();
    long cpu0 = Simulate.cpuNanos();
    List<Event> pending = new ArrayList<>(o.batch());
    long[] seen = {0};
    long events = sim.run((line, timeMs, phone, actor, tag) -> {
      Event e = engine.codec().parse(line);
      if (ledger == null) {
        engine.decide(e);
      } else {
        pending.add(e);
        if (pending.size() == o.batch()) {
          ledger.submit(pending);
          pending.clear();
        }
      }
      if (++seen[0] % 5_000_000 == 0) {
        err.printf(Locale.ROOT, "... %,d events, %.0f s%n", seen[0], (System.nanoTime() - start) / 1e9);
      }
    });
    if (ledger != null && !pending.isEmpty()) {
      ledger.submit(pending);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    double cpu = (Simulate.cpuNanos() - cpu0) / 1e9;
    long peakHeap = peakHeap();
    long retained = usedAfterGc();
    int phones = engine.phoneCount();
    double encodedPerPhone = phones == 0 ? 0 : (double) engine.stateBytes() / phones;
    int entities = engine.graph().size();
    json.append(String.format(Locale.ROOT,
        "{\"phones\":%d,\"days\":%d,\"logged\":%s,\"events\":%d,\"seconds\":%.1f,\"eventsPerSec\":%.0f,\"cpuSeconds\":%.1f,"
            + "\"trackedPhones\":%d,\"graphEntities\":%d,\"encodedBytesPerPhone\":%.1f,\"peakHeapMb\":%d,"
            + "\"retainedHeapMb\":%d,\"retainedBytesPerPhone\":%.0f,\"maxHeapMb\":%d",
        o.phones(), o.days(), ledger != null, events, secs, events / secs, cpu, phones, entities, encodedPerPhone, peakHeap >> 20,
        retained >> 20, phones == 0 ? 0.0 : (double) retained / phones, Runtime.getRuntime().maxMemory() >> 20));
    err.printf(Locale.ROOT, "%,d events for %,d phones over %d day(s) in %.1f s: %,.0f events/s (thread CPU %.1f s)%n",
        events, o.phones(), o.days(), secs, events / secs, cpu);
    err.printf(Locale.ROOT, "tracked phones %,d, graph entities %,d, encoded state %.1f B/phone, heap peak %,d MB, retained %,d MB (%.0f B/phone)%n",
        phones, entities, encodedPerPhone, peakHeap >> 20, retained >> 20, phones == 0 ? 0.0 : (double) retained / phones);
    if (ledger != null) {
      ledger.close();
    }
    return events;
  }

  /**
   * Reopens the log twice, as restarts after a crash: first as {@code serve} does (loading the
   * stored phone states and identity graph), then replaying the whole log and checking every
   * decision, state and graph node against the stored ones; times both.
   */
  private static void recover(Options o, Sensitive sensitive, long events, StringBuilder json, PrintStream err) throws IOException {
    long logBytes = sizeOf(o.log());
    usedAfterGc();
    resetPeaks();
    long t0 = System.nanoTime();
    try (Ledger loaded = Ledger.open(Store.open(StoreOptions.defaults(o.log())), sensitive, null, false, err::println)) {
      double secs = (System.nanoTime() - t0) / 1e9;
      Recovery r = loaded.recovery();
      json.append(String.format(Locale.ROOT, ",\"logBytes\":%d,\"loadSeconds\":%.1f,\"loadedPhones\":%d,\"loadedEntities\":%d",
          logBytes, secs, r.phones(), r.entities()));
      err.printf(Locale.ROOT, "log on disk %,d MB (%.0f B/event); a restart loaded %,d phone states and %,d graph nodes in %.1f s%n",
          logBytes >> 20, (double) logBytes / Math.max(1, events), r.phones(), r.entities(), secs);
    }
    usedAfterGc();
    resetPeaks();
    t0 = System.nanoTime();
    try (Ledger replayed = Ledger.open(Store.open(StoreOptions.defaults(o.log())), sensitive, null, true, err::println)) {
      double secs = (System.nanoTime() - t0) / 1e9;
      Recovery r = replayed.recovery();
      json.append(String.format(Locale.ROOT,
          ",\"replaySeconds\":%.1f,\"replayEventsPerSec\":%.0f,\"replayConsistent\":%s,"
              + "\"decisionMismatches\":%d,\"stateMismatches\":%d,\"entityMismatches\":%d,\"replayPeakHeapMb\":%d",
          secs, r.events() / secs, r.consistent(), r.decisionMismatches(), r.stateMismatches(), r.entityMismatches(), peakHeap() >> 20));
      err.printf(Locale.ROOT, "a verifying restart replayed %,d events in %.1f s (%,.0f events/s): %s%n",
          r.events(), secs, r.events() / secs, r.consistent() ? "every decision, state and graph node identical"
              : r.decisionMismatches() + " decisions, " + r.stateMismatches() + " states and " + r.entityMismatches() + " graph nodes differ");
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: what the run needed at most, garbage included. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
