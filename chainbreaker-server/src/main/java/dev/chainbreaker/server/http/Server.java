package dev.chainbreaker.server.http;

import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.server.auth.ApiKeys;
import dev.chainbreaker.server.auth.Role;
import dev.chainbreaker.server.config.IdentifierSecret;
import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.store.Ledger;
import dev.chainbreaker.store.Recovery;
import dev.chainbreaker.store.Retention;
import dev.chainbreaker.store.Store;
import dev.chainbreaker.store.StoreOptions;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A running ChainBreaker service: storage opened and recovered, keys loaded (the first admin key
 * created on a new data directory), the HTTP API listening. {@link #close()} stops it cleanly.
 */
public final class Server implements AutoCloseable {
  static {
    // Jetty and Javalin log through SLF4J's simple binding: warnings and errors only, on stderr.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  private final ServerConfig config;
  private final Ledger ledger;
  private final Services services;
  private final Api api;
  private final Javalin app;
  private final ApiKeys keys;
  /** The first admin key to create once listening (the environment's, or null for a new one); null when keys exist. */
  private final FirstAdmin firstAdmin;
  private volatile boolean closed;
  /** Retention passes, one background thread (each pass paces itself); started once listening. */
  private final java.util.concurrent.ScheduledExecutorService housekeeping;
  private final Retention retention;
  private final PrintStream err;

  private record FirstAdmin(String fromEnv) {}

  private Server(ServerConfig config, Map<String, String> env, PrintStream out, PrintStream err) {
    this.config = config;
    // The environment's admin key is checked before anything is opened: a bad one is the user's input.
    FirstAdmin pendingAdmin = firstAdminKey(env);
    boolean fresh = !Files.isDirectory(config.data().resolve("rocksdb"));
    IdentifierSecret.Resolved secret = IdentifierSecret.resolve(config, env, fresh);
    RulePack initial = fresh && config.rules() != null ? loadPack(config.rules()) : null;
    Store store = Store.open(new StoreOptions(config.data(), config.durability(), config.writeBufferMb(), config.maxWalMb()));
    if (store.migratedEntries() > 0) {
      err.println("chainbreaker: moved the data directory to store format 2 (" + store.migratedEntries()
          + " phone states and timeline entries)");
    }
    try {
      this.ledger = Ledger.open(store, new Sensitive(secret.secret()), initial, config.replayOnStart(), err::println);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    Recovery r = ledger.recovery();
    if (r.events() > 0 && r.replayed()) {
      err.println("chainbreaker: replayed " + r.events() + " events, " + r.phones() + " phones, " + r.entities()
          + " identity-graph nodes, " + r.ruleVersions() + " rule versions in " + r.millis() + " ms"
          + (!r.consistent() ? "" : r.graphCompared() ? " (decisions, states and graph identical to the stored ones)"
          : " (decisions and states identical to the stored ones; the graph is stored now, and loaded on the next start)"));
    } else if (r.events() > 0) {
      err.println("chainbreaker: loaded " + r.phones() + " phone states and " + r.entities() + " identity-graph nodes in "
          + r.millis() + " ms (the log's last sequence " + r.events() + "; storage.recovery: replay checks them against it)");
    }
    ApiKeys keys = new ApiKeys(store);
    // The first admin key is made once the port is ours (start): made before, a start that then
    // failed (the port in use) printed a key and spent the first start, and CHAINBREAKER_ADMIN_KEY
    // was ignored from then on.
    this.firstAdmin = keys.isEmpty() ? pendingAdmin : null;
    this.keys = keys;
    Metrics metrics = new Metrics();
    metrics.gauge("chainbreaker_phones_tracked", () -> ledger.engine().phoneCount());
    metrics.gauge("chainbreaker_event_log_sequence", () -> ledger.store().lastSequence());
    metrics.gauge("chainbreaker_store_disk_bytes", () -> ledger.store().diskBytes());
    // stored state size from RocksDB's own estimate: Engine.stateBytes() would re-encode every phone under the engine lock
    metrics.gauge("chainbreaker_state_bytes", new CachedGauge(() -> ledger.store().stateBytesEstimate(), 10_000));
    metrics.gauge("chainbreaker_rule_version", ledger::currentRuleVersion);
    // a restart that replayed the log into other decisions or states than were stored: worth an alert
    metrics.gauge("chainbreaker_recovery_decision_mismatches", r::decisionMismatches);
    metrics.gauge("chainbreaker_recovery_state_mismatches", r::stateMismatches);
    metrics.gauge("chainbreaker_recovery_entity_mismatches", r::entityMismatches);
    java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    metrics.gauge("chainbreaker_jvm_heap_used_bytes", () -> memory.getHeapMemoryUsage().getUsed());
    metrics.gauge("chainbreaker_jvm_heap_max_bytes", () -> memory.getHeapMemoryUsage().getMax());
    var collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
    metrics.gauge("chainbreaker_jvm_gc_collections", () -> collectors.stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum());
    metrics.gauge("chainbreaker_jvm_gc_milliseconds", () -> collectors.stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum());
    // Load the screener's model and lists now: loaded on the first message instead, it stalled every
    // request queued behind that message for about a second.
    Screener.standard();
    if (r.phones() > 0) {
      // What the loaded engine takes of the heap: a fixed heap that the phones alone half fill leaves
      // the collector no room for traffic, and a growing customer base would end in an OutOfMemoryError.
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      long max = memory.getHeapMemoryUsage().getMax();
      err.println("chainbreaker: " + r.phones() + " phones and " + r.entities() + " identity-graph nodes in memory; heap in use "
          + (used >> 20) + " MB of " + (max >> 20) + " MB");
      String advice = heapAdvice(used, max);
      if (advice != null) {
        err.println(advice);
      }
    }
    this.err = err;
    this.retention = new Retention(ledger.store(), config.retentionDays());
    metrics.gauge("chainbreaker_event_log_first_sequence", () -> ledger.store().firstSequence());
    metrics.gauge("chainbreaker_retention_deleted_events", retention::deletedEvents); // rises during a pass
    this.housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, "chainbreaker-retention");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
    this.services = new Services(config, ledger, keys, metrics, lazyScreener());
    this.api = new Api(services, err);
    this.app = api.create();
  }

  /** Opens storage, recovers, and starts listening; prints the URL. */
  public static Server start(ServerConfig config, Map<String, String> env, PrintStream out, PrintStream err) {
    Server s = new Server(config, env, out, err);
    try {
      s.app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      s.ledger.close();
      throw e;
    }
    if (s.firstAdmin != null) {
      s.createFirstAdmin(out);
    }
    s.housekeeping.scheduleWithFixedDelay(s::retentionPass, 0, RETENTION_INTERVAL_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
    String url = "http://" + ("0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host()) + ":" + s.port();
    out.println("listening on " + url);
    out.println("analyst console: " + url + "/ (sign in with an analyst or admin key)");
    out.flush();
    return s;
  }

  /**
   * A warning when more than half the heap is in use once the engine is loaded (the launcher asks ZGC
   * to keep half of it free for bursts of traffic), with the setting that gives more; null otherwise.
   */
  static String heapAdvice(long usedBytes, long maxBytes) {
    if (maxBytes <= 0 || usedBytes * 2 <= maxBytes) {
      return null;
    }
    long suggestGb = Math.max(2, (usedBytes * 4 + (1L << 30) - 1) >> 30); // room to double, in whole GB
    return "WARNING: the loaded engine fills " + (usedBytes * 100 / maxBytes) + "% of the heap; the server needs room for"
        + " traffic and for new phones (about 2.5 KB each): restart with CHAINBREAKER_HEAP=" + suggestGb + "g or more";
  }

  /** How often a retention pass marks the clock and deletes what has aged out. */
  static final int RETENTION_INTERVAL_MINUTES = 10;

  private void retentionPass() {
    try {
      long deleted = retention.run(System.currentTimeMillis());
      if (deleted > 0) {
        err.println("chainbreaker: retention deleted " + deleted + " events older than " + config.retentionDays()
            + " days; the log now starts at sequence " + ledger.store().firstSequence());
      }
    } catch (RuntimeException e) {
      // the next pass tries again; an error here must not end the schedule
      err.println("chainbreaker: retention pass failed: " + e.getMessage());
    }
  }

  private static RulePack loadPack(Path p) {
    try {
      return RulePackLoader.load(Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the rule pack " + p + ": " + e.getMessage(), e);
    }
  }

  private static FirstAdmin firstAdminKey(Map<String, String> env) {
    String fromEnv = env.get("CHAINBREAKER_ADMIN_KEY");
    if (fromEnv != null && !fromEnv.isBlank()) {
      if (fromEnv.strip().length() < 16) {
        throw new IllegalArgumentException("CHAINBREAKER_ADMIN_KEY must be at least 16 characters");
      }
      return new FirstAdmin(fromEnv.strip());
    }
    return new FirstAdmin(null);
  }

  private void createFirstAdmin(PrintStream out) {
    String fromEnv = firstAdmin.fromEnv();
    long now = System.currentTimeMillis();
    if (fromEnv != null) {
      keys.add(fromEnv, Role.ADMIN, "first admin", "system", now);
      out.println("first start: the admin API key is the value of CHAINBREAKER_ADMIN_KEY (send it as 'Authorization: Bearer KEY')");
    } else {
      String secret = ApiKeys.newSecret();
      keys.add(secret, Role.ADMIN, "first admin", "system", now);
      out.println("first start: admin API key (shown only this once; store it now, it is kept only as a hash):");
      out.println("  " + secret);
      out.println("  use it as 'Authorization: Bearer KEY'; create ingest and analyst keys with POST /v1/keys");
    }
  }

  private static Supplier<Screener> lazyScreener() {
    return new Supplier<>() {
      private volatile Screener screener;

      @Override
      public Screener get() {
        Screener s = screener;
        if (s == null) {
          synchronized (this) {
            if (screener == null) {
              screener = Screener.standard();
            }
            s = screener;
          }
        }
        return s;
      }
    };
  }

  public int port() {
    return app.port();
  }

  public Ledger ledger() {
    return ledger;
  }

  public Services services() {
    return services;
  }

  public Api api() {
    return api;
  }

  public ServerConfig config() {
    return config;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    app.stop();
    // a pass in progress stops after its current write; a compaction it has begun (seconds, after a
    // large backlog) runs to its end
    housekeeping.shutdownNow();
    // The store is closed only once the pass has ended: closing it under a running write or
    // compaction would free native memory RocksDB is still using.
    boolean interrupted = false;
    while (!housekeeping.isTerminated()) {
      try {
        housekeeping.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    ledger.close();
  }
}
