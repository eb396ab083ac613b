package dev.chainbreaker.store;

import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactionStyle;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.Priority;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The durable side of ChainBreaker, in one RocksDB database with one column family per kind of
 * record:
 *
 * <ul>
 *   <li>{@code events}: 8-byte big-endian sequence → {@link EventBinary} (hashed and masked
 *       identifiers only; the raw JSON is never stored);
 *   <li>{@code decisions}: {@code source \0 id} → sequence + decision JSON (what a retry gets back);
 *   <li>{@code state}: a phone's state and its timeline, side by side: {@code phone \1} → the engine's
 *       one byte encoding of the phone's state, and {@code phone \0 sequence} → empty for each of the
 *       phone's events, in log order. Kept in one family because random-key memtable inserts are the
 *       store's largest cost: written one phone at a time, a phone's new timeline entries and its state
 *       land next to each other, and RocksDB's insert finds the place of each after the first without a
 *       search from the top of the skiplist. In three paired {@code StoreAppend} runs that took the
 *       store's CPU per event from 20-25 µs to 17-21, and the append itself from 13-15 µs to 9-12
 *       (LOAD.md);
 *   <li>{@code timeline}: where timelines were kept before format 2; emptied into {@code state} on
 *       open (see {@link #FORMAT});
 *   <li>{@code rules}: version → the pack's YAML, who swapped it in, when, from which sequence;
 *   <li>{@code audit}: sequence → who changed rules or keys, and when;
 *   <li>{@code keys}: SHA-256 of an API key → its record (role, name, creation);
 *   <li>{@code cases}: phone → the analyst's label of its case (JSON: label, note, who, when), kept
 *       for export as tuning ground truth; opened as {@code open} with the opening evidence when the
 *       line first becomes COMPROMISED, in the same write as that event;
 *   <li>{@code entities}: 8-byte hash → the identity-graph node ({@link
 *       dev.chainbreaker.core.graph.EntityCodec}), written with the event that changed it. With every
 *       phone's state beside it, this is all the engine holds, so a restart loads it instead of
 *       replaying the log; {@link #GRAPH_KEY} in the default family says the family is complete
 *       (a store written before it existed is replayed once, then completed).
 * </ul>
 *
 * <p>Event, decision and state of a request are written in one {@link WriteBatch}, so they commit
 * together or not at all.
 */
public final class Store implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] FAMILIES = {"default", "events", "decisions", "state", "timeline", "rules", "audit", "keys", "cases", "entities"};
  private static final byte[] EMPTY = new byte[0];
  static final double DECISIONS_MEMTABLE_BLOOM_RATIO = 0.02;
  /**
   * The layout version, under {@link #FORMAT_KEY} in the default family. Format 1 (no key) kept
   * timelines in their own family and states under the bare phone; {@link #open} moves such a
   * store's entries into format 2 before anything else reads or writes.
   */
  static final int FORMAT = 2;
  static final byte[] FORMAT_KEY = Bytes.utf8("format");
  /**
   * Present once the {@code entities} family holds every identity-graph node at the log's end: set
   * on a new store, and by {@link #putSnapshot} after a replay of a store written before the family.
   */
  static final byte[] GRAPH_KEY = Bytes.utf8("graph");
  private static final int MIGRATION_BATCH = 10_000;

  static {
    RocksDB.loadLibrary();
  }

  private final StoreOptions options;
  private final RocksDB db;
  private final DBOptions dbOptions;
  private final List<ColumnFamilyOptions> cfOptions = new ArrayList<>();
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final ColumnFamilyHandle defaults;
  private final ColumnFamilyHandle events;
  private final ColumnFamilyHandle decisions;
  private final ColumnFamilyHandle state;
  private final ColumnFamilyHandle timeline;
  private final ColumnFamilyHandle rules;
  private final ColumnFamilyHandle audit;
  private final ColumnFamilyHandle keys;
  private final ColumnFamilyHandle cases;
  private final ColumnFamilyHandle entities;
  private final WriteOptions writeOptions;
  private final GroupCommitter committer;
  private final long migrated;
  private long lastSeq;
  private long lastAudit;

  private Store(StoreOptions options) throws RocksDBException {
    this.options = options;
    try {
      Files.createDirectories(options.dir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Compactions run at the lowest CPU priority: on a small machine a compaction burst would
    // otherwise take a core from the request threads and show up in the p99 (LOAD.md).
    Env.getDefault().lowerThreadPoolCPUPriority(Priority.LOW);
    dbOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxTotalWalSize(options.maxWalMb() * 1024L * 1024L)
        .setWalTtlSeconds(0)
        .setMaxBackgroundJobs(2)
        .setKeepLogFileNum(3);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : FAMILIES) {
      ColumnFamilyOptions cf = new ColumnFamilyOptions()
          .setWriteBufferSize(options.writeBufferMb() * 1024L * 1024L)
          .setCompactionStyle(CompactionStyle.LEVEL)
          .setLevelCompactionDynamicLevelBytes(true)
          .setCompressionType(CompressionType.LZ4_COMPRESSION)
          .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10)));
      if (name.equals("decisions")) {
        // Every new event first looks up its (source, id) here (Ledger: a retry?), and almost every
        // lookup misses. A whole-key Bloom filter in the memtable answers such a miss without the
        // skiplist search (the SST files already have theirs). Sized at 2% of the write buffer
        // (640 KB for 32 MB): about 70 bits per entry at ~400-byte entries, a negligible false rate.
        cf.setMemtablePrefixBloomSizeRatio(DECISIONS_MEMTABLE_BLOOM_RATIO).setMemtableWholeKeyFiltering(true);
      }
      cfOptions.add(cf);
      descriptors.add(new ColumnFamilyDescriptor(name.getBytes(java.nio.charset.StandardCharsets.UTF_8), cf));
    }
    db = RocksDB.open(dbOptions, options.dir().resolve("rocksdb").toString(), descriptors, handles);
    defaults = handles.get(0);
    events = handles.get(1);
    decisions = handles.get(2);
    state = handles.get(3);
    timeline = handles.get(4);
    rules = handles.get(5);
    audit = handles.get(6);
    keys = handles.get(7);
    // added after the first release: setCreateMissingColumnFamilies adds it to an older data directory
    cases = handles.get(8);
    entities = handles.get(9);
    // The WAL is always on: without it an acknowledged write would not survive a process crash.
    writeOptions = new WriteOptions().setSync(false).setDisableWAL(false);
    try {
      migrated = migrateToCurrentFormat();
    } catch (RocksDBException | RuntimeException e) {
      releaseNative();
      throw e;
    }
    lastSeq = lastKey(events);
    lastAudit = lastKey(audit);
    if (lastSeq == 0 && db.get(defaults, GRAPH_KEY) == null) {
      db.put(defaults, GRAPH_KEY, Bytes.utf8("1")); // a new store: an empty graph is complete
    }
    committer = options.durability() == Durability.POWER_LOSS ? new GroupCommitter(db, lastSeq) : null;
  }

  public static Store open(StoreOptions options) {
    try {
      return new Store(options);
    } catch (RocksDBException e) {
      throw new StoreException("cannot open the store in " + options.dir() + ": " + e.getMessage(), e);
    }
  }

  public StoreOptions options() {
    return options;
  }

  private long lastKey(ColumnFamilyHandle cf) {
    try (RocksIterator it = db.newIterator(cf)) {
      it.seekToLast();
      return it.isValid() ? Bytes.seq(it.key(), 0) : 0;
    }
  }

  /** The sequence of the last event written (0 when the log is empty). */
  public synchronized long lastSequence() {
    return lastSeq;
  }

  /**
   * Writes newly decided events, their decisions and the phones' new states in one batch, and
   * returns the last sequence assigned. The write is in the WAL when this returns; call
   * {@link #awaitDurable} before acknowledging.
   */
  public synchronized long append(List<Accepted> accepted) {
    return append(accepted, Map.of());
  }

  /**
   * As {@link #append(List)}, with the identity-graph nodes the batch changed ({@link
   * dev.chainbreaker.core.Engine#drainGraphChanges}) in the same write.
   */
  public synchronized long append(List<Accepted> accepted, Map<Long, byte[]> changedEntities) {
    if (accepted.isEmpty()) {
      return lastSeq;
    }
    long seq = lastSeq;
    Map<String, PhoneWrites> phones = new LinkedHashMap<>();
    try (WriteBatch batch = new WriteBatch()) {
      for (Accepted a : accepted) {
        seq++;
        Event e = a.event();
        batch.put(events, Bytes.seq(seq), a.stored());
        batch.put(decisions, Bytes.utf8(e.dedupKey()), Bytes.seqThen(seq, a.decisionUtf8()));
        PhoneWrites w = phones.computeIfAbsent(e.subject(), p -> new PhoneWrites());
        w.add(seq, a.state());
        if (w.opens == null && a.decision().subjectState() == SubjectState.COMPROMISED) {
          w.opens = a;
        }
      }
      // Per phone: its new timeline entries (ascending sequences), then its state, which
      // sorts right after them. The memtable inserts in batch order, and an insert next to the
      // previous one reuses its position instead of searching the skiplist from the top.
      for (Map.Entry<String, PhoneWrites> p : phones.entrySet()) {
        PhoneWrites w = p.getValue();
        byte[] phone = Bytes.utf8(p.getKey());
        for (int i = 0; i < w.count; i++) {
          batch.put(state, Bytes.timeline(phone, w.seqs[i]), EMPTY);
        }
        if (w.state != null) {
          batch.put(state, Bytes.stateKey(phone), w.state);
        }
        if (w.opens != null && db.get(cases, phone) == null) {
          batch.put(cases, phone, openedCase(w.opens));
        }
      }
      for (Map.Entry<Long, byte[]> en : changedEntities.entrySet()) {
        batch.put(entities, Bytes.seq(en.getKey()), en.getValue());
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException ex) {
      throw new StoreException("write failed: " + ex.getMessage(), ex);
    }
    lastSeq = seq;
    if (committer != null) {
      committer.written(seq);
    }
    return seq;
  }

  /**
   * The case record of a line that has just become COMPROMISED and has none: label {@code open}, when
   * and on which event, and the evidence that opened it. Written with the event, so a takeover stays
   * in the analysts' queue until someone labels it, even after the engine's state has fallen back to
   * NORMAL and its chain is gone; a label put later replaces the record.
   */
  private static byte[] openedCase(Accepted a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("label", "open").put("note", "").put("openedAtMs", a.event().timeMs()).put("openedBy", a.event().id());
    var chain = o.putArray("openedChain");
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (dev.chainbreaker.core.Reason r : a.decision().reasons()) {
      seen.addAll(r.evidence());
    }
    seen.forEach(chain::add);
    return Bytes.utf8(JSON.writeValueAsString(o));
  }

  /** One phone's share of a batch: its sequences in log order, its last new state, the decision that opens its case. */
  private static final class PhoneWrites {
    long[] seqs = new long[2];
    int count;
    byte[] state;
    Accepted opens;

    void add(long seq, byte[] newState) {
      if (count == seqs.length) {
        seqs = java.util.Arrays.copyOf(seqs, count * 2);
      }
      seqs[count++] = seq;
      if (newState != null) {
        state = newState; // the last state of a phone in the batch wins
      }
    }
  }

  /** Returns once {@code seq} survives what the durability mode promises. */
  public void awaitDurable(long seq) {
    if (committer != null && seq > 0) {
      committer.await(seq);
    }
  }

  public StoredDecision decision(String dedupKey) {
    byte[] v = get(decisions, Bytes.utf8(dedupKey));
    if (v == null) {
      return null;
    }
    return new StoredDecision(Bytes.seq(v, 0), java.util.Arrays.copyOfRange(v, 8, v.length));
  }

  public byte[] state(String phone) {
    return get(state, Bytes.stateKey(phone));
  }

  public StoredEvent event(long seq) {
    byte[] v = get(events, Bytes.seq(seq));
    return v == null ? null : new StoredEvent(seq, EventBinary.decode(v));
  }

  /** Every event from {@code fromSeq} on, in log order. */
  public void forEachEvent(long fromSeq, java.util.function.Consumer<StoredEvent> each) {
    try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(events, ro)) {
      for (it.seek(Bytes.seq(fromSeq)); it.isValid(); it.next()) {
        each.accept(new StoredEvent(Bytes.seq(it.key(), 0), EventBinary.decode(it.value())));
      }
    }
  }

  /**
   * Events newest first, starting below {@code beforeSeq} (exclusive; {@code Long.MAX_VALUE} for the
   * newest), that pass {@code filter}, at most {@code limit}; scans at most {@code maxScan} entries.
   */
  public List<StoredEvent> eventsBackwards(long beforeSeq, int limit, int maxScan, Predicate<StoredEvent> filter) {
    List<StoredEvent> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(events)) {
      if (beforeSeq == Long.MAX_VALUE) {
        it.seekToLast();
      } else {
        it.seekForPrev(Bytes.seq(beforeSeq - 1));
      }
      int scanned = 0;
      for (; it.isValid() && out.size() < limit && scanned < maxScan; it.prev(), scanned++) {
        StoredEvent e = new StoredEvent(Bytes.seq(it.key(), 0), EventBinary.decode(it.value()));
        if (filter.test(e)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** A phone's event sequences, newest first, below {@code beforeSeq}, at most {@code limit}. */
  public List<Long> timeline(String phone, long beforeSeq, int limit) {
    byte[] prefix = Bytes.utf8(phone);
    List<Long> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(state)) {
      it.seekForPrev(Bytes.timeline(phone, beforeSeq == Long.MAX_VALUE ? Long.MAX_VALUE : beforeSeq - 1));
      for (; it.isValid() && out.size() < limit; it.prev()) {
        byte[] k = it.key();
        if (k.length != prefix.length + 9 || !java.util.Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length) || k[prefix.length] != 0) {
          break;
        }
        out.add(Bytes.seq(k, prefix.length + 1));
      }
    }
    return out;
  }

  /** Every phone with stored state, and the state, in phone order. */
  public void forEachState(BiConsumer<String, byte[]> each) {
    try (RocksIterator it = db.newIterator(state)) {
      it.seekToFirst();
      while (it.isValid()) {
        byte[] k = it.key();
        if (k.length > 9 && k[k.length - 9] == Bytes.TIMELINE_MARK) {
          // a timeline entry: jump over the rest of this phone's timeline to its state (phone \1)
          byte[] stateKey = java.util.Arrays.copyOf(k, k.length - 8);
          stateKey[stateKey.length - 1] = Bytes.STATE_MARK;
          it.seek(stateKey);
          continue;
        }
        int mark = k.length - 1;
        if (mark > 0 && k[mark] == Bytes.STATE_MARK) {
          each.accept(new String(k, 0, mark, java.nio.charset.StandardCharsets.UTF_8), it.value());
        }
        it.next();
      }
    }
  }

  /** Every stored identity-graph node, in its encoding. */
  public void forEachEntity(java.util.function.Consumer<byte[]> each) {
    try (RocksIterator it = db.newIterator(entities)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        each.accept(it.value());
      }
    }
  }

  /** The hash of every stored identity-graph node. */
  public void forEachEntityHash(java.util.function.LongConsumer each) {
    try (RocksIterator it = db.newIterator(entities)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        each.accept(Bytes.seq(it.key(), 0));
      }
    }
  }

  /** One identity-graph node by hash, or null. */
  public byte[] entity(long hash) {
    return get(entities, Bytes.seq(hash));
  }

  /** True when the {@code entities} family holds the whole graph at the log's end (see {@link #GRAPH_KEY}). */
  public boolean graphComplete() {
    return get(defaults, GRAPH_KEY) != null;
  }

  /**
   * Stores phone states (a null state deletes the phone's) and the whole identity graph, replacing
   * every stored node, as a replay of the log rebuilt them, and marks
   * the graph complete; the mark is removed first and written last, synced, so that a crash
   * part-way leaves no mark and the next open replays again.
   */
  public synchronized void putSnapshot(Map<String, byte[]> states, Map<Long, byte[]> graph) {
    WriteBatch batch = new WriteBatch();
    try {
      if (db.get(defaults, GRAPH_KEY) != null) {
        try (WriteBatch unmark = new WriteBatch()) {
          unmark.delete(defaults, GRAPH_KEY);
          write(unmark);
        }
      }
      long n = 0;
      for (Map.Entry<String, byte[]> en : states.entrySet()) {
        byte[] key = Bytes.stateKey(Bytes.utf8(en.getKey()));
        if (en.getValue() == null) {
          batch.delete(state, key);
        } else {
          batch.put(state, key, en.getValue());
        }
        batch = flushWhenFull(batch, ++n);
      }
      // every stored node goes, then the graph is written whole: none the log does not explain stays
      byte[] afterAll = new byte[9];
      java.util.Arrays.fill(afterAll, (byte) 0xFF);
      batch.deleteRange(entities, new byte[8], afterAll);
      for (Map.Entry<Long, byte[]> en : graph.entrySet()) {
        batch.put(entities, Bytes.seq(en.getKey()), en.getValue());
        batch = flushWhenFull(batch, ++n);
      }
      batch.put(defaults, GRAPH_KEY, Bytes.utf8("1"));
      write(batch);
    } catch (RocksDBException ex) {
      throw new StoreException("write failed: " + ex.getMessage(), ex);
    } finally {
      batch.close();
    }
  }

  // ---- backups -----------------------------------------------------------------------------

  /**
   * Writes a consistent copy of the whole store into {@code dataDir/rocksdb} (a RocksDB checkpoint:
   * SST files are hard-linked, so it costs little room on the same file system until compactions
   * replace them) and returns the last sequence it holds. {@code dataDir} is then a data directory of
   * its own: a server started on it loads the engine as it was. Appends wait while the checkpoint is
   * made, so that it ends exactly between two writes; the memtables are flushed before, while
   * appends go on, so that the wait is only for what arrived meanwhile (BENCHMARKS.md, "Backups").
   */
  public long checkpoint(java.nio.file.Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (org.rocksdb.FlushOptions flush = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
      db.flush(flush, handles);
    } catch (RocksDBException e) {
      throw new StoreException("flush before the checkpoint failed: " + e.getMessage(), e);
    }
    synchronized (this) {
      try (org.rocksdb.Checkpoint cp = org.rocksdb.Checkpoint.create(db)) {
        cp.createCheckpoint(dataDir.resolve("rocksdb").toString());
      } catch (RocksDBException e) {
        throw new StoreException("checkpoint into " + dataDir + " failed: " + e.getMessage(), e);
      }
      return lastSeq;
    }
  }

  // ---- retention ---------------------------------------------------------------------------

  /** Prefix of the clock marks in the default family: {@code clock/} + 8-byte wall time → 8-byte last sequence. */
  private static final byte[] CLOCK_PREFIX = Bytes.utf8("clock/");

  private static byte[] clockKey(long wallMs) {
    byte[] k = java.util.Arrays.copyOf(CLOCK_PREFIX, CLOCK_PREFIX.length + 8);
    System.arraycopy(Bytes.seq(wallMs), 0, k, CLOCK_PREFIX.length, 8);
    return k;
  }

  /**
   * Records that every event up to the last sequence was written by {@code wallMs}. Events carry
   * their institutions' times, which may be old (a backfill) or wrong; retention counts from when
   * the store received them, which these marks tell to within the interval between them.
   */
  public void markClock(long wallMs) {
    try {
      db.put(defaults, clockKey(wallMs), Bytes.seq(lastSequence()));
    } catch (RocksDBException e) {
      throw new StoreException("write failed: " + e.getMessage(), e);
    }
  }

  /** The last sequence a clock mark at or before {@code wallMs} vouches for; 0 when no mark is that old. */
  public long sequenceWrittenBy(long wallMs) {
    try (RocksIterator it = db.newIterator(defaults)) {
      it.seekForPrev(clockKey(wallMs));
      if (it.isValid() && startsWith(it.key(), CLOCK_PREFIX)) {
        return Bytes.seq(it.value(), 0);
      }
      return 0;
    }
  }

  private static boolean startsWith(byte[] k, byte[] prefix) {
    return k.length >= prefix.length && java.util.Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The sequence of the oldest event kept: 1 unless retention removed older ones (the next sequence when none is kept). */
  public long firstSequence() {
    try (RocksIterator it = db.newIterator(events)) {
      it.seekToFirst();
      return it.isValid() ? Bytes.seq(it.key(), 0) : lastSequence() + 1;
    }
  }

  /**
   * Deletes the oldest events, at most {@code max} and none after {@code throughSeq}, with their
   * entries in the retry index and their phones' timelines, in one write; returns how many. The
   * newest event is always kept: its sequence is where the log goes on after a restart. Phone
   * states and the identity graph are not touched: they are the engine, and a restart loads them.
   */
  public long deleteThrough(long throughSeq, int max) {
    long upto = Math.min(throughSeq, lastSequence() - 1);
    long first = -1;
    long last = -1;
    long n = 0;
    try (WriteBatch batch = new WriteBatch(); RocksIterator it = db.newIterator(events)) {
      for (it.seekToFirst(); it.isValid() && n < max; it.next()) {
        long seq = Bytes.seq(it.key(), 0);
        if (seq > upto) {
          break;
        }
        Event e = EventBinary.decode(it.value());
        byte[] dedup = Bytes.utf8(e.dedupKey());
        byte[] indexed = db.get(decisions, dedup);
        if (indexed != null && Bytes.seq(indexed, 0) == seq) {
          batch.delete(decisions, dedup); // not when a later event holds the key (a retry decided anew)
        }
        batch.delete(state, Bytes.timeline(e.subject(), seq));
        first = first < 0 ? seq : first;
        last = seq;
        n++;
      }
      if (n == 0) {
        return 0;
      }
      // one range tombstone for the log itself: its keys are consecutive
      batch.deleteRange(events, Bytes.seq(first), Bytes.seq(last + 1));
      db.write(writeOptions, batch);
    } catch (RocksDBException ex) {
      throw new StoreException("retention delete failed: " + ex.getMessage(), ex);
    }
    return n;
  }

  /**
   * Compacts the part of the log before {@code seq}: deleted events leave a range tombstone, and
   * their files are freed only when a compaction covers it, which a log written in key order may
   * not reach for a long time.
   */
  public void compactLogBefore(long seq) {
    try {
      db.compactRange(events, Bytes.seq(0), Bytes.seq(seq));
    } catch (RocksDBException e) {
      throw new StoreException("compaction failed: " + e.getMessage(), e);
    }
  }

  /** Drops the clock marks older than {@code wallMs}: once their events are deleted they vouch for nothing. */
  public void forgetClockBefore(long wallMs) {
    try {
      db.deleteRange(defaults, clockKey(0), clockKey(wallMs));
    } catch (RocksDBException e) {
      throw new StoreException("write failed: " + e.getMessage(), e);
    }
  }

  /** Entries moved into the current layout when this store was opened (0 when it was current). */
  public long migratedEntries() {
    return migrated;
  }

  /**
   * Brings a format-1 store to {@link #FORMAT}: each state moves from {@code phone} to
   * {@code phone \1}, each timeline entry from the {@code timeline} family to {@code state}. Every
   * batch moves and deletes together, so a crash part-way leaves a store this finishes on the next
   * open; the format key is written last, synced.
   */
  private long migrateToCurrentFormat() throws RocksDBException {
    byte[] format = db.get(defaults, FORMAT_KEY);
    if (format != null) {
      int version = Integer.parseInt(Bytes.utf8(format));
      if (version > FORMAT) {
        throw new StoreException("the data directory has store format " + version + ", newer than this version's "
            + FORMAT + "; run a newer ChainBreaker", null);
      }
      return 0;
    }
    long moved = 0;
    WriteBatch batch = new WriteBatch();
    try {
      try (RocksIterator it = db.newIterator(state)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          byte[] k = it.key();
          if (isLegacyStateKey(k)) {
            batch.put(state, Bytes.stateKey(k), it.value());
            batch.delete(state, k);
            batch = flushWhenFull(batch, ++moved);
          }
        }
      }
      try (RocksIterator it = db.newIterator(timeline)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          batch.put(state, it.key(), EMPTY);
          batch.delete(timeline, it.key());
          batch = flushWhenFull(batch, ++moved);
        }
      }
      batch.put(defaults, FORMAT_KEY, Bytes.utf8(Integer.toString(FORMAT)));
      write(batch);
    } finally {
      batch.close();
    }
    return moved;
  }

  /** A format-1 state key: the bare phone, with neither mark byte. */
  private static boolean isLegacyStateKey(byte[] k) {
    for (byte b : k) {
      if (b == Bytes.TIMELINE_MARK || b == Bytes.STATE_MARK) {
        return false;
      }
    }
    return k.length > 0;
  }

  private WriteBatch flushWhenFull(WriteBatch batch, long moved) throws RocksDBException {
    if (moved % MIGRATION_BATCH != 0) {
      return batch;
    }
    db.write(writeOptions, batch);
    batch.close();
    return new WriteBatch();
  }

  // ---- rules history ------------------------------------------------------------------------

  /**
   * Records a new rule version, the phones' states re-encoded under it and the audit entry, in one
   * batch: stored states always match the pack in force.
   */
  public synchronized RuleVersion putRules(String name, String packVersion, String yaml, String who, long whenMs,
      Map<String, byte[]> reencoded) {
    long version = lastKey(rules) + 1;
    RuleVersion rv = new RuleVersion(version, name, packVersion, yaml, who, whenMs, lastSeq + 1);
    ObjectNode o = JSON.createObjectNode();
    o.put("version", version).put("name", name).put("packVersion", packVersion).put("yaml", yaml)
        .put("who", who).put("whenMs", whenMs).put("fromSeq", rv.fromSeq());
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(rules, Bytes.seq(version), Bytes.utf8(JSON.writeValueAsString(o)));
      for (Map.Entry<String, byte[]> s : reencoded.entrySet()) {
        batch.put(state, Bytes.stateKey(s.getKey()), s.getValue());
      }
      addAudit(batch, whenMs, who, "rules.put", "version " + version + " (" + name + " " + packVersion + ")");
      write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("rules write failed: " + e.getMessage(), e);
    }
    return rv;
  }

  public List<RuleVersion> ruleVersions() {
    List<RuleVersion> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(rules)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        JsonNode n = JSON.readTree(it.value());
        out.add(new RuleVersion(n.get("version").asLong(), n.get("name").asString(), n.get("packVersion").asString(),
            n.get("yaml").asString(), n.get("who").asString(), n.get("whenMs").asLong(), n.get("fromSeq").asLong()));
      }
    }
    return out;
  }

  // ---- audit and keys ---------------------------------------------------------------------------

  private void addAudit(WriteBatch batch, long whenMs, String who, String action, String detail) throws RocksDBException {
    lastAudit++;
    ObjectNode o = JSON.createObjectNode();
    o.put("whenMs", whenMs).put("who", who).put("action", action).put("detail", detail);
    batch.put(audit, Bytes.seq(lastAudit), Bytes.utf8(JSON.writeValueAsString(o)));
  }

  public synchronized void audit(long whenMs, String who, String action, String detail) {
    try (WriteBatch batch = new WriteBatch()) {
      addAudit(batch, whenMs, who, action, detail);
      write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("audit write failed: " + e.getMessage(), e);
    }
  }

  /** The newest audit entries first. */
  public List<AuditEntry> auditLog(int limit) {
    List<AuditEntry> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(audit)) {
      for (it.seekToLast(); it.isValid() && out.size() < limit; it.prev()) {
        JsonNode n = JSON.readTree(it.value());
        out.add(new AuditEntry(Bytes.seq(it.key(), 0), n.get("whenMs").asLong(), n.get("who").asString(),
            n.get("action").asString(), n.get("detail").asString()));
      }
    }
    return out;
  }

  /** Stores (or replaces) an API key record under the key's hash, with its audit entry. */
  public synchronized void putKey(String hash, String recordJson, long whenMs, String who, String detail) {
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(keys, Bytes.utf8(hash), Bytes.utf8(recordJson));
      addAudit(batch, whenMs, who, "keys.create", detail);
      write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("key write failed: " + e.getMessage(), e);
    }
  }

  public synchronized void deleteKey(String hash, long whenMs, String who, String detail) {
    try (WriteBatch batch = new WriteBatch()) {
      batch.delete(keys, Bytes.utf8(hash));
      addAudit(batch, whenMs, who, "keys.delete", detail);
      write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("key delete failed: " + e.getMessage(), e);
    }
  }

  /** Every key record by hash. */
  public Map<String, String> keys() {
    Map<String, String> out = new LinkedHashMap<>();
    try (RocksIterator it = db.newIterator(keys)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        out.put(Bytes.utf8(it.key()), Bytes.utf8(it.value()));
      }
    }
    return out;
  }

  // ---- case labels ------------------------------------------------------------------------------

  /** Stores (or replaces) the label record of a phone's case, with its audit entry, synced. */
  public synchronized void putCase(String phone, String recordJson, long whenMs, String who, String detail) {
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(cases, Bytes.utf8(phone), Bytes.utf8(recordJson));
      addAudit(batch, whenMs, who, "cases.label", detail);
      write(batch);
    } catch (RocksDBException e) {
      throw new StoreException("case write failed: " + e.getMessage(), e);
    }
  }

  /** The label record of a phone's case, or null when it was never labelled. */
  public String caseRecord(String phone) {
    byte[] v = get(cases, Bytes.utf8(phone));
    return v == null ? null : Bytes.utf8(v);
  }

  /** Every labelled case: phone → record JSON, in phone order. */
  public Map<String, String> cases() {
    Map<String, String> out = new LinkedHashMap<>();
    try (RocksIterator it = db.newIterator(cases)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        out.put(Bytes.utf8(it.key()), Bytes.utf8(it.value()));
      }
    }
    return out;
  }

  /** Configuration changes are rare: they are synced whatever the mode. */
  private void write(WriteBatch batch) {
    try (WriteOptions sync = new WriteOptions().setSync(true)) {
      db.write(sync, batch);
    } catch (RocksDBException e) {
      throw new StoreException("write failed: " + e.getMessage(), e);
    }
  }

  private byte[] get(ColumnFamilyHandle cf, byte[] key) {
    try {
      return db.get(cf, key);
    } catch (RocksDBException e) {
      throw new StoreException("read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Approximate bytes of stored phone state and timelines (live SST data and memtables), for metrics;
   * never blocks writers.
   */
  public long stateBytesEstimate() {
    try {
      return db.getLongProperty(state, "rocksdb.estimate-live-data-size") + db.getLongProperty(state, "rocksdb.cur-size-all-mem-tables");
    } catch (RocksDBException e) {
      return -1;
    }
  }

  /** Approximate bytes on disk (SST files) across column families, for metrics. */
  public long diskBytes() {
    long total = 0;
    for (ColumnFamilyHandle h : handles) {
      try {
        total += db.getLongProperty(h, "rocksdb.total-sst-files-size");
      } catch (RocksDBException e) {
        // a metric, not worth failing for
      }
    }
    return total;
  }

  @Override
  public synchronized void close() {
    if (committer != null) {
      committer.close();
    }
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      // closing anyway; the WAL holds what was written
    }
    releaseNative();
  }

  /** Closes the database and the native option objects RocksDB does not free by itself. */
  private void releaseNative() {
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    db.close();
    writeOptions.close();
    dbOptions.close();
    cfOptions.forEach(ColumnFamilyOptions::close);
  }
}
