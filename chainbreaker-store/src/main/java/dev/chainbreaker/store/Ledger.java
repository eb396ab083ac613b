package dev.chainbreaker.store;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventBinary;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The engine made durable: every decision goes through here, is written to the {@link Store} in
 * log order, and is acknowledged only once the write is durable. On open the engine is rebuilt by
 * replaying the log through a fresh engine, with each rule version re-applied at the position it
 * was swapped in, and checked against the stored decisions and states.
 *
 * <p>Two stages, each one batch at a time: the engine decides a batch under the ledger's monitor,
 * then the store writes it under the append lock, which is taken before the monitor is released. So
 * the log order is the order the engine saw, and the next batch is decided while this one is
 * written: a batch waits for the longer of the two stages, not for both. The wait for the WAL sync
 * (power-loss mode) happens after both, which is what lets syncs be shared.
 */
public final class Ledger implements AutoCloseable {
  private final Store store;
  private final Sensitive sensitive;
  private final Engine engine;
  private final Recovery recovery;
  private volatile long currentRuleVersion;
  private volatile boolean failed;
  /** Held while a batch is written; taken while holding the ledger's monitor, in decision order. */
  private final ReentrantLock appendLock = new ReentrantLock();
  /** The dedup keys and decisions of the batch being written (empty when none). */
  private volatile Map<String, byte[]> appending = Map.of();
  /** The sequence of the last event decided (guarded by this); the store's catches up when it is written. */
  private long decidedSeq;

  private Ledger(Store store, Sensitive sensitive, RulePack initial, Consumer<String> log) {
    this.store = store;
    this.sensitive = sensitive;
    List<RuleVersion> versions = store.ruleVersions();
    if (versions.isEmpty()) {
      RulePack pack = initial == null ? RulePackLoader.defaultPack() : initial;
      store.putRules(pack.name(), pack.version(), pack.source(), "system", System.currentTimeMillis(), Map.of());
      versions = store.ruleVersions();
    }
    long t0 = System.nanoTime();
    RuleVersion first = versions.get(0);
    this.engine = newEngine(RulePackLoader.load(first.yaml()));
    this.currentRuleVersion = first.version();
    long[] counts = new long[2]; // events, decision mismatches
    int[] next = {1};
    List<RuleVersion> vs = versions;
    store.forEachEvent(1, se -> {
      while (next[0] < vs.size() && vs.get(next[0]).fromSeq() <= se.seq()) {
        RuleVersion rv = vs.get(next[0]++);
        engine.use(RulePackLoader.load(rv.yaml()));
        currentRuleVersion = rv.version();
      }
      Decision d = engine.decide(se.event());
      counts[0]++;
      StoredDecision stored = store.decision(se.event().dedupKey());
      if (stored == null || !stored.json().equals(DecisionJson.toJson(d))) {
        counts[1]++;
      }
    });
    while (next[0] < vs.size()) {
      RuleVersion rv = vs.get(next[0]++);
      engine.use(RulePackLoader.load(rv.yaml()));
      currentRuleVersion = rv.version();
    }
    long[] phones = new long[2]; // phones, state mismatches
    store.forEachState((phone, bytes) -> {
      phones[0]++;
      if (!Arrays.equals(bytes, engine.encodeState(phone))) {
        phones[1]++;
      }
    });
    this.decidedSeq = store.lastSequence();
    this.recovery = new Recovery(counts[0], versions.size(), counts[1], phones[1], phones[0], (System.nanoTime() - t0) / 1_000_000);
    if (!recovery.consistent()) {
      log.accept("WARNING: recovery rebuilt " + recovery.decisionMismatches() + " different decisions and "
          + recovery.stateMismatches() + " different phone states from the log (of " + recovery.events() + " events, "
          + recovery.phones() + " phones); the in-memory state is the replayed one");
    }
  }

  /** Opens the ledger on a store, replaying its log. {@code initial} is the pack of a new store (null: the default). */
  public static Ledger open(Store store, Sensitive sensitive, RulePack initial, Consumer<String> log) {
    return new Ledger(store, sensitive, initial, log);
  }

  /**
   * How many (source, id) pairs the engine itself remembers: enough for duplicates inside a batch and
   * immediate retries. Older retries are answered from the store's decision index (one RocksDB read,
   * a Bloom-filter miss for a new event). A larger in-memory cache keeps every decision alive for
   * minutes, and the young collections that copy them were the server's latency stalls: with
   * 1,000,000 entries, 40 MB survived each young GC at 20,000 events/s and pauses took 70-150 ms.
   */
  static final int DEDUP_CAPACITY = 4096;

  private Engine newEngine(RulePack pack) {
    return Engine.builder().rules(pack).sensitive(sensitive).dedupCapacity(DEDUP_CAPACITY).build();
  }

  /** A fresh engine with the same identifier hashing, for dry runs. */
  public Engine freshEngine(RulePack pack) {
    return newEngine(pack);
  }

  public Engine engine() {
    return engine;
  }

  public Store store() {
    return store;
  }

  public Recovery recovery() {
    return recovery;
  }

  public long currentRuleVersion() {
    return currentRuleVersion;
  }

  /** True after a write failed: memory is ahead of the log, and the process should be restarted. */
  public boolean failed() {
    return failed;
  }

  /**
   * Decides and durably records events (already validated), in order, as one atomic write. Retries
   * of an event already decided return the stored decision and write nothing.
   */
  public List<Submitted> submit(List<Event> events) {
    if (failed) {
      throw new StoreException("an earlier write failed; restart to recover from the log", null);
    }
    // Encode first: an event that cannot be stored is rejected before the engine has seen it.
    byte[][] stored = new byte[events.size()][];
    for (int i = 0; i < stored.length; i++) {
      try {
        stored[i] = EventBinary.encode(events.get(i));
      } catch (RuntimeException ex) {
        throw new UnstorableEventException(i, "the event cannot be stored: a field value is too long", ex);
      }
    }
    List<Submitted> out = new ArrayList<>(events.size());
    List<Accepted> accepted = new ArrayList<>(events.size());
    Map<String, byte[]> mine = null;
    synchronized (this) {
      if (failed) {
        throw new StoreException("an earlier write failed; restart to recover from the log", null);
      }
      Map<String, byte[]> earlierBatch = appending;
      for (int i = 0; i < stored.length; i++) {
        Event e = events.get(i);
        Decision earlier = engine.decisionFor(e.source(), e.id());
        if (earlier != null) {
          out.add(new Submitted(e, DecisionJson.toUtf8(earlier), true, -1));
          continue;
        }
        // Decided by the batch still being written, so not yet in the store. The engine's retry memory
        // holds it too, unless batches are larger than half that memory (maxBatch is configurable).
        String key = e.dedupKey();
        byte[] inFlight = earlierBatch.isEmpty() ? null : earlierBatch.get(key);
        if (inFlight != null) {
          out.add(new Submitted(e, inFlight, true, -1));
          continue;
        }
        // older than the engine's retry memory
        StoredDecision old = decidedSeq > 0 ? store.decision(key) : null;
        if (old != null) {
          out.add(new Submitted(e, old.utf8(), true, old.seq()));
          continue;
        }
        Decision d = engine.decide(e);
        byte[] json = DecisionJson.toUtf8(d);
        accepted.add(new Accepted(e, stored[i], d, json, engine.encodeState(e.subject())));
        out.add(new Submitted(e, json, false, ++decidedSeq));
      }
      if (!accepted.isEmpty()) {
        mine = new HashMap<>(accepted.size() * 2);
        for (Accepted a : accepted) {
          mine.put(a.event().dedupKey(), a.decisionUtf8());
        }
      }
      // Taken before the engine is released: batches reach the log in the order the engine decided
      // them, while the next batch is decided during this one's write (a two-stage pipeline).
      appendLock.lock();
      if (mine != null) {
        appending = mine;
      }
    }
    long waitFor;
    try {
      if (failed) {
        // a batch decided before this one was not written: the log no longer follows the engine
        throw new StoreException("an earlier write failed; restart to recover from the log", null);
      }
      try {
        waitFor = accepted.isEmpty() ? store.lastSequence() : store.append(accepted);
      } catch (RuntimeException ex) {
        failed = true; // the engine has decided what the log does not hold: only a restart (replay) is safe
        throw ex instanceof StoreException ? ex : new StoreException("write failed: " + ex.getMessage(), ex);
      }
    } finally {
      if (mine != null) {
        appending = Map.of(); // after the write: a retry now finds the decision in the store
      }
      appendLock.unlock();
    }
    // A retry may answer with a decision whose write is not yet synced: wait for it as well. Every
    // batch decided before this one is written by now (the append lock is taken in decision order).
    try {
      store.awaitDurable(waitFor);
    } catch (StoreException ex) {
      failed = true; // the WAL can no longer be synced: nothing more can be acknowledged
      throw ex;
    }
    return out;
  }

  /**
   * Validates and swaps in a new rule pack; the swap, the re-encoded states and the audit entry are
   * one write. Throws {@link dev.chainbreaker.core.rules.RulePackException} for a bad pack.
   */
  public synchronized RuleVersion useRules(String yaml, String who, long whenMs) {
    // Wait for the batch being written: its events were decided under the old pack and must be in
    // the log before the new version's first sequence, its states before the re-encoded ones.
    appendLock.lock();
    try {
      return swapRules(yaml, who, whenMs);
    } finally {
      appendLock.unlock();
    }
  }

  private RuleVersion swapRules(String yaml, String who, long whenMs) {
    RulePack pack = RulePackLoader.load(yaml);
    engine.use(pack);
    Map<String, byte[]> reencoded = new HashMap<>();
    store.forEachState((phone, bytes) -> {
      byte[] now = engine.encodeState(phone);
      if (now != null) {
        reencoded.put(phone, now);
      }
    });
    RuleVersion rv = store.putRules(pack.name(), pack.version(), yaml, who, whenMs, reencoded);
    currentRuleVersion = rv.version();
    return rv;
  }

  @Override
  public void close() {
    store.close();
  }
}
