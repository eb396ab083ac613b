package dev.chainbreaker.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.event.Sensitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The store's layout: states and timelines share the {@code state} family (format 2), and a data
 * directory written in format 1 (timelines in their own family, states under the bare phone) is
 * moved to format 2 on open without changing what any reader sees.
 */
class StoreFormatTest {
  private static final Sensitive SECRET = new Sensitive("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  /**
   * The first is a prefix of the others: its keys must not run into theirs. Berlin numbers, since
   * their lengths vary (a valid number one digit longer than another valid one); Chinese mobiles
   * all have eleven digits. In byte order, as the store lists them.
   */
  private static final List<String> PHONES = List.of("+4930123456", "+49301234561", "+493012345610", "+49301234562");

  @TempDir
  Path dir;

  private Ledger open() {
    return Ledger.open(Store.open(StoreOptions.defaults(dir)), SECRET, null, msg -> { throw new AssertionError(msg); });
  }

  private static String events(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String phone = PHONES.get(i % PHONES.size());
      out.add(i % 2 == 0
          ? LedgerTest.event(i, phone, "telecom.sim.replaced", "{\"channel\":\"hotline\",\"verification\":\"service_password\"}")
          : LedgerTest.event(i, phone, "telecom.device.changed", "{\"imei\":\"86400000000" + (1000 + i) + "\"}"));
    }
    return "[" + String.join(",", out) + "]";
  }

  /** What readers see: every phone's timeline and stored state, and the states forEachState lists. */
  private static Map<String, Object> view(Store store) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (String phone : PHONES) {
      v.put("timeline " + phone, store.timeline(phone, Long.MAX_VALUE, 1000));
      v.put("state " + phone, Arrays.toString(store.state(phone)));
    }
    List<String> listed = new ArrayList<>();
    store.forEachState((phone, bytes) -> listed.add(phone + "=" + Arrays.toString(bytes)));
    v.put("forEachState", listed);
    return v;
  }

  @Test
  void statesAndTimelinesShareAFamilyWithoutRunningIntoEachOther() {
    try (Ledger l = open()) {
      // two batches: phones appear several times per batch, and again in the second one
      l.submit(l.engine().codec().parseBatch(events(40)));
      l.submit(l.engine().codec().parseBatch(events(40).replace("\"id\":\"e-", "\"id\":\"f-")));
      Store s = l.store();
      assertEquals(List.of(77L, 73L, 69L), s.timeline("+4930123456", Long.MAX_VALUE, 3));
      assertEquals(List.of(78L, 74L), s.timeline("+49301234561", 78 + 1, 2));
      assertEquals(20, s.timeline("+493012345610", Long.MAX_VALUE, 1000).size());
      assertEquals(List.of(), s.timeline("+493012345", Long.MAX_VALUE, 5), "a prefix of stored phones has no timeline");
      assertNull(s.state("+493012345"));
      List<String> listed = new ArrayList<>();
      s.forEachState((phone, bytes) -> {
        listed.add(phone);
        assertArrayEquals(l.engine().encodeState(phone), bytes, phone);
      });
      assertEquals(PHONES, listed, "one state per phone, in phone order, and no timeline entries");
      assertEquals(0, s.migratedEntries());
    }
  }

  @Test
  void aFormatOneDirectoryIsMovedToTheCurrentLayoutOnOpen() throws Exception {
    Map<String, Object> before;
    try (Ledger l = open()) {
      l.submit(l.engine().codec().parseBatch(events(60)));
      before = view(l.store());
    }
    int entries = downgradeToFormatOne(dir);
    assertEquals(60 + PHONES.size(), entries);
    try (Ledger l = open()) {
      assertEquals(entries, l.store().migratedEntries());
      assertEquals(before, view(l.store()));
      assertTrue(l.recovery().consistent(), l.recovery().toString());
      // and it keeps working in the new layout
      l.submit(l.engine().codec().parseBatch(events(4).replace("\"id\":\"e-", "\"id\":\"g-")));
      assertEquals(61L, l.store().timeline("+4930123456", Long.MAX_VALUE, 1).get(0));
    }
    try (Ledger l = open()) {
      assertEquals(0, l.store().migratedEntries(), "the format key marks the move as done");
      assertTrue(l.recovery().consistent(), l.recovery().toString());
    }
  }

  @Test
  void aDirectoryFromANewerFormatIsRefused() throws Exception {
    try (Ledger l = open()) {
      l.submit(l.engine().codec().parseBatch(events(4)));
    }
    withRawDb(dir, (db, cf) -> db.put(cf.get("default"), Store.FORMAT_KEY, "3".getBytes(StandardCharsets.UTF_8)));
    StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreOptions.defaults(dir)));
    assertTrue(e.getMessage().contains("format 3"), e.getMessage());
  }

  /**
   * Rewrites a current store as format 1 wrote it: states under the bare phone, timeline entries in
   * the {@code timeline} family, no format key. Returns the number of entries moved.
   */
  private static int downgradeToFormatOne(Path dir) throws Exception {
    int[] moved = {0};
    withRawDb(dir, (db, cf) -> {
      try (WriteBatch b = new WriteBatch(); RocksIterator it = db.newIterator(cf.get("state"))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          byte[] k = it.key();
          boolean timelineEntry = k.length > 9 && k[k.length - 9] == Bytes.TIMELINE_MARK;
          if (timelineEntry) {
            b.put(cf.get("timeline"), k, it.value());
          } else {
            b.put(cf.get("state"), Arrays.copyOf(k, k.length - 1), it.value());
          }
          b.delete(cf.get("state"), k);
          moved[0]++;
        }
        b.delete(cf.get("default"), Store.FORMAT_KEY);
        try (WriteOptions w = new WriteOptions().setSync(true)) {
          db.write(w, b);
        }
      }
    });
    return moved[0];
  }

  interface RawDbWork {
    void run(RocksDB db, Map<String, ColumnFamilyHandle> families) throws Exception;
  }

  static void withRawDb(Path dir, RawDbWork work) throws Exception {
    String path = dir.resolve("rocksdb").toString();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (org.rocksdb.Options o = new org.rocksdb.Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(o, path)) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions o = new DBOptions(); RocksDB db = RocksDB.open(o, path, descriptors, handles)) {
      Map<String, ColumnFamilyHandle> byName = new LinkedHashMap<>();
      for (int i = 0; i < handles.size(); i++) {
        byName.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8), handles.get(i));
      }
      try {
        work.run(db, byName);
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
  }
}
