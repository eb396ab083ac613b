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
 * log order with the phone's new state and the identity-graph nodes it changed, and is acknowledged
 * only once the write is durable. On open the engine is loaded from those stored states and nodes,
 * so a restart takes time in proportion to the phones kept, not to the log. A replay (on request,
 * or once for a store written before the graph was stored) rebuilds it from the log instead, with
 * each rule version re-applied at the position it was swapped in, and checks it against the stored
 * decisions, states and nodes.
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

  private Ledger(Store store, Sensitive sensitive, RulePack initial, boolean replay, Consumer<String> log) {
    this.store = store;
    this.sensitive = sensitive;
    List<RuleVersion> versions = store.ruleVersions();
    if (versions.isEmpty()) {
      RulePack pack = initial == null ? RulePackLoader.defaultPack() : initial;
      store.putRules(pack.name(), pack.version(), pack.source(), "system", System.currentTimeMillis(), Map.of());
      versions = store.ruleVersions();
    }
    RuleVersion last = versions.get(versions.size() - 1);
    this.currentRuleVersion = last.version();
    boolean graphStored = store.graphComplete();
    long first = store.firstSequence();
    if (first > 1 && !graphStored) {
      throw new StoreException("the event log starts at sequence " + first + " (older events were deleted) and there"
          + " is no stored identity graph: the engine can be neither loaded nor replayed", null);
    }
    if (replay && first > 1) {
      log.accept("storage.recovery: replay needs the whole event log, but retention deleted the events before sequence "
          + first + "; the stored state is loaded instead");
      replay = false;
    }
    if (replay || !graphStored) {
      Opened r = replay(versions);
      this.engine = r.engine;
      this.recovery = r.recovery;
      if (!graphStored || recovery.stateMismatches() > 0 || recovery.entityMismatches() > 0) {
        // The log is the truth: store what it rebuilt, so that the next start loads it. A store
        // written before the graph had its own family gets its graph here, once.
        Map<String, byte[]> states = new HashMap<>(); // null: a stored state the log does not explain
        store.forEachState((phone, bytes) -> states.put(phone, engine.encodeState(phone)));
        Map<Long, byte[]> graph = new HashMap<>();
        engine.forEachEncodedEntity(graph::put);
        store.putSnapshot(states, graph);
      }
      if (!recovery.consistent()) {
        log.accept("WARNING: recovery rebuilt " + recovery.decisionMismatches() + " different decisions, "
            + recovery.stateMismatches() + " different phone states and " + recovery.entityMismatches()
            + " different identity-graph nodes from the log (of " + recovery.events() + " events, "
            + recovery.phones() + " phones); the in-memory state is the replayed one, and the stored states and"
            + " graph are replaced by it");
      }
    } else {
      Opened r = load(last, versions.size());
      this.engine = r.engine;
      this.recovery = r.recovery;
    }
    engine.drainGraphChanges((hash, bytes) -> { }); // what the replay or load touched is stored already
    this.decidedSeq = store.lastSequence();
  }

  /**
   * The fast restart: every phone's state and every identity-graph node as the last write left them
   * (each written with its event, in one batch), under the pack in force. Time grows with the
   * phones and nodes kept, not with the length of the log.
   */
  private Opened load(RuleVersion last, int ruleVersions) {
    long t0 = System.nanoTime();
    Engine e = newEngine(RulePackLoader.load(last.yaml()));
    long[] n = new long[2];
    try {
      store.forEachState((phone, bytes) -> {
        e.restoreState(phone, bytes);
        n[0]++;
      });
      store.forEachEntity(bytes -> {
        e.restoreEntity(bytes);
        n[1]++;
      });
    } catch (RuntimeException ex) {
      long first = store.firstSequence();
      throw new StoreException("a stored phone state or identity-graph node cannot be read (" + ex + "); " + (first > 1
          ? "the event log starts at sequence " + first + " (retention deleted older events), so it cannot rebuild them:"
              + " start from a backup (POST /v1/backups)"
          : "start once with storage.recovery: replay to rebuild them from the event log"), ex);
    }
    return new Opened(e, Recovery.loaded(store.lastSequence(), ruleVersions, n[0], n[1], (System.nanoTime() - t0) / 1_000_000));
  }

  /** The engine an open starts with, and how it was made. */
  private record Opened(Engine engine, Recovery recovery) {}

  /**
   * Replays the whole log through a fresh engine, switching rule packs at the sequence each version
   * was swapped in, and compares what it rebuilds with what is stored: every decision, every
   * phone's state and (when stored) every identity-graph node.
   */
  private Opened replay(List<RuleVersion> versions) {
    long t0 = System.nanoTime();
    Engine e = newEngine(RulePackLoader.load(versions.get(0).yaml()));
    long[] counts = new long[2]; // events, decision mismatches
    int[] next = {1};
    store.forEachEvent(1, se -> {
      while (next[0] < versions.size() && versions.get(next[0]).fromSeq() <= se.seq()) {
        e.use(RulePackLoader.load(versions.get(next[0]++).yaml()));
      }
      Decision d = e.decide(se.event());
      counts[0]++;
      StoredDecision stored = store.decision(se.event().dedupKey());
      if (stored == null || !stored.json().equals(DecisionJson.toJson(d))) {
        counts[1]++;
      }
    });
    while (next[0] < versions.size()) {
      e.use(RulePackLoader.load(versions.get(next[0]++).yaml()));
    }
    long[] phones = new long[2]; // phones, state mismatches
    store.forEachState((phone, bytes) -> {
      phones[0]++;
      if (!Arrays.equals(bytes, e.encodeState(phone))) {
        phones[1]++;
      }
    });
    long[] entities = new long[2]; // nodes, node mismatches
    boolean graphStored = store.graphComplete();
    e.forEachEncodedEntity((hash, bytes) -> {
      entities[0]++;
      if (graphStored && !Arrays.equals(bytes, store.entity(hash))) {
        entities[1]++;
      }
    });
    if (graphStored) {
      store.forEachEntityHash(hash -> {
        if (e.graph().get(hash) == null) {
          entities[1]++; // stored, but not what the log builds
        }
      });
    }
    Recovery r = new Recovery("replayed", counts[0], versions.size(), counts[1], phones[1], phones[0], entities[0],
        entities[1], graphStored, (System.nanoTime() - t0) / 1_000_000);
    return new Opened(e, r);
  }

  /**
   * Replays the whole log into a fresh engine and compares it with the store, as a replay-mode open
   * does, without replacing the live engine: what an operator runs to check that the stored states
   * are what the log says. Events wait while it runs. Throws {@link IllegalStateException} once
   * retention has deleted the log's first events.
   */
  public Recovery verify() {
    long first = store.firstSequence();
    if (first > 1) {
      throw new IllegalStateException("a replay needs the whole event log; retention deleted the events before sequence " + first);
    }
    synchronized (this) {
      appendLock.lock();
      try {
        Recovery r = replay(store.ruleVersions()).recovery;
        if (store.firstSequence() > 1) {
          // retention does not wait for this: a pass that ran meanwhile leaves a replay of half a log
          throw new IllegalStateException("retention deleted events during the replay; run it again between passes");
        }
        return r;
      } finally {
        appendLock.unlock();
      }
    }
  }

  /**
   * Opens the ledger on a store, loading the stored phone states and identity graph (a store
   * written before the graph was stored is replayed instead, once). {@code initial} is the pack of
   * a new store (null: the default).
   */
  public static Ledger open(Store store, Sensitive sensitive, RulePack initial, Consumer<String> log) {
    return new Ledger(store, sensitive, initial, false, log);
  }

  /**
   * As {@link #open(Store, Sensitive, RulePack, Consumer)}; with {@code replay}, rebuilds the engine
   * by replaying the whole log and checks it against the stored decisions, states and graph.
   */
  public static Ledger open(Store store, Sensitive sensitive, RulePack initial, boolean replay, Consumer<String> log) {
    return new Ledger(store, sensitive, initial, replay, log);
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
    return Engine.builder().rules(pack).sensitive(sensitive).dedupCapacity(DEDUP_CAPACITY).recordGraphChanges().build();
  }

  /** A fresh engine with the same identifier hashing, for dry runs. */
  public Engine freshEngine(RulePack pack) {
    return Engine.builder().rules(pack).sensitive(sensitive).dedupCapacity(DEDUP_CAPACITY).build();
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

  /** True after a write or a decision failed: memory is ahead of the log, and the process should be restarted. */
  public boolean failed() {
    return failed;
  }

  /**
   * Decides and durably records events (already validated), in order, as one atomic write. Retries
   * of an event already decided return the stored decision and write nothing.
   */
  public List<Submitted> submit(List<Event> events) {
    if (failed) {
      throw new StoreException("an earlier write or decision failed; restart to reload the stored state", null);
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
    Map<Long, byte[]> changedEntities = new HashMap<>();
    Map<String, byte[]> mine = null;
    synchronized (this) {
      if (failed) {
        throw new StoreException("an earlier write or decision failed; restart to reload the stored state", null);
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
        Decision d;
        byte[] json;
        byte[] state;
        try {
          d = engine.decide(e);
          json = DecisionJson.toUtf8(d);
          state = engine.encodeState(e.subject());
        } catch (RuntimeException ex) {
          // The engine has changed states and graph nodes for events this batch will not write: memory
          // is ahead of the log, as after a failed write, and only a restart (which loads the stored
          // state) is safe. Without this, the next batch would store graph changes of unlogged events.
          failed = true;
          // the class and the frame only: an engine's message could quote the event, and this one is logged
          throw new StoreException("deciding an event failed (" + ex.getClass().getName()
              + (ex.getStackTrace().length > 0 ? " at " + ex.getStackTrace()[0] : "") + "); restart to reload the stored state", ex);
        }
        accepted.add(new Accepted(e, stored[i], d, json, state));
        out.add(new Submitted(e, json, false, ++decidedSeq));
      }
      if (!accepted.isEmpty()) {
        engine.drainGraphChanges(changedEntities::put);
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
        throw new StoreException("an earlier write or decision failed; restart to reload the stored state", null);
      }
      try {
        waitFor = accepted.isEmpty() ? store.lastSequence() : store.append(accepted, changedEntities);
      } catch (RuntimeException ex) {
        failed = true; // the engine has decided what the log does not hold: only a restart (a load) is safe
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
