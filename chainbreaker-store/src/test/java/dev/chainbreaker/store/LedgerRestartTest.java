package dev.chainbreaker.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.Sensitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A restart loads the stored phone states and identity graph instead of replaying the log, and the
 * engine it loads decides every later event exactly as an engine rebuilt by replaying the whole log.
 */
class LedgerRestartTest {
  private static final Sensitive SECRET = new Sensitive("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private static final String[] PHONES = {"+8613800000011", "+8613800000012", "+8613800000013", "+8613800000014", "+8613800000015"};

  @TempDir
  Path dir;

  /**
   * Lines that share ID numbers and cards in pairs, each taken over in turn (a new handset, an SMS
   * login, the ID and card numbers viewed, the service password reset), then accounts and loans on
   * the shared identifiers from the other phone: the graph grows, is marked at risk, and is read.
   */
  static List<String> identityStream(int rounds) {
    List<String> out = new ArrayList<>();
    int n = 0;
    for (int r = 0; r < rounds; r++) {
      for (int p = 0; p < PHONES.length; p++) {
        String phone = PHONES[p];
        String id = "33010619970409" + String.format("%04d", 1000 + (p / 2) + 10 * r);
        String card = "62178500000106" + String.format("%05d", 10000 + p + 10 * r);
        String day = "2026-02-" + String.format("%02d", 1 + r);
        String[][] steps = {
            {"account.created", "{\"account\":\"bank-" + p + "-" + r + "\",\"idNumber\":\"" + id + "\",\"realNameVerification\":\"face\"}"},
            {"card.bound", "{\"account\":\"pay-" + p + "-" + r + "\",\"card\":\"" + card + "\",\"quickBind\":true,\"checks\":[\"sms_otp\"]}"},
            {"telecom.device.changed", "{\"imei\":\"8642000000" + String.format("%05d", n) + "\"}"},
            {"account.login", "{\"account\":\"gov-" + p + "\",\"verification\":\"sms_otp\",\"newDevice\":true}"},
            {"identity.data.viewed", "{\"account\":\"gov-" + p + "\",\"fields\":[\"id_number\",\"bank_card\"]}"},
            {"telecom.service_password.reset", "{\"channel\":\"hotline\",\"verification\":\"sms_otp\"}"},
        };
        // the second line of a pair is taken over only every other round: some identities stay clean
        int take = p % 2 == 1 && r % 2 == 1 ? 2 : steps.length;
        for (int s = 0; s < take; s++) {
          out.add(event(n++, phone, day + "T0" + (s + 1) + ":" + String.format("%02d", p * 10) + ":00+08:00", steps[s][0], steps[s][1]));
        }
        String other = PHONES[(p + 1) % PHONES.length];
        out.add(event(n++, other, day + "T08:" + String.format("%02d", p * 10) + ":00+08:00", "account.created",
            "{\"account\":\"lender-" + p + "-" + r + "\",\"idNumber\":\"" + id + "\",\"realNameVerification\":\"bank_card\"}"));
        out.add(event(n++, other, day + "T08:" + String.format("%02d", p * 10 + 5) + ":00+08:00", "loan.applied",
            "{\"account\":\"lender-" + p + "-" + r + "\",\"amount\":\"20000.00\",\"currency\":\"CNY\",\"disburseTo\":\"" + card + "\"}"));
      }
    }
    return out;
  }

  private static String event(int i, String phone, String time, String type, String data) {
    String source = type.startsWith("telecom.") ? "/telecom/t" : type.equals("card.bound") ? "/payment/p"
        : type.equals("loan.applied") || data.contains("lender-") ? "/lender/l" : data.contains("gov-") ? "/gov/g" : "/bank/b";
    return "{\"specversion\":\"1.0\",\"id\":\"g-" + i + "\",\"source\":\"" + source + "\",\"type\":\"" + type
        + "\",\"time\":\"" + time + "\",\"subject\":\"" + phone + "\",\"data\":" + data + "}";
  }

  private static Ledger open(Path d, boolean replay) {
    return Ledger.open(Store.open(StoreOptions.defaults(d)), SECRET, null, replay, msg -> { throw new AssertionError(msg); });
  }

  private static List<String> submitInBatches(Ledger l, List<String> events) {
    List<String> decisions = new ArrayList<>();
    for (int i = 0; i < events.size(); i += 7) {
      List<Event> batch = l.engine().codec().parseBatch("[" + String.join(",", events.subList(i, Math.min(events.size(), i + 7))) + "]");
      for (Submitted s : l.submit(batch)) {
        decisions.add(s.decisionJson());
      }
    }
    return decisions;
  }

  @Test
  void aLoadedRestartDecidesEveryLaterEventAsAFullReplayWould(@TempDir Path copy) throws Exception {
    List<String> events = identityStream(6);
    int cut = events.size() * 3 / 5;
    try (Ledger l = open(dir, false)) {
      submitInBatches(l, events.subList(0, cut));
      assertTrue(l.engine().graph().size() > 20, "the stream builds a graph: " + l.engine().graph().size());
      l.store().checkpoint(copy); // the same store twice: one restart loads, the other replays
    }
    try (Ledger loaded = open(dir, false); Ledger replayed = open(copy, true)) {
      assertEquals("loaded", loaded.recovery().mode());
      assertEquals(cut, loaded.recovery().events());
      assertEquals(PHONES.length, loaded.recovery().phones());
      assertEquals(replayed.engine().graph().size(), loaded.recovery().entities());
      assertEquals("replayed", replayed.recovery().mode());
      assertTrue(replayed.recovery().graphCompared());
      assertTrue(replayed.recovery().consistent(), "the stored graph is the one the log rebuilds: " + replayed.recovery());
      assertEquals(nodes(replayed), nodes(loaded));

      List<String> rest = events.subList(cut, events.size());
      assertEquals(submitInBatches(replayed, rest), submitInBatches(loaded, rest), "the same decisions after either restart");
      assertTrue(rest.stream().anyMatch(e -> e.contains("loan.applied")));
      assertEquals(nodes(replayed), nodes(loaded));
      for (String phone : PHONES) {
        assertArrayEquals(replayed.engine().encodeState(phone), loaded.engine().encodeState(phone), phone);
      }
      assertTrue(loaded.verify().consistent(), "a verifying replay of the loaded store: " + loaded.verify());
    }
  }

  @Test
  void aStoreWrittenBeforeTheGraphIsReplayedOnceAndThenLoaded() throws Exception {
    List<String> events = identityStream(3);
    Map<String, String> graphBefore;
    try (Ledger l = open(dir, false)) {
      submitInBatches(l, events);
      graphBefore = nodes(l);
    }
    // as a store written before the graph family: no nodes, no mark
    StoreFormatTest.withRawDb(dir, (db, cf) -> {
      try (WriteBatch b = new WriteBatch(); RocksIterator it = db.newIterator(cf.get("entities"))) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          b.delete(cf.get("entities"), it.key());
        }
        b.delete(cf.get("default"), Store.GRAPH_KEY);
        try (WriteOptions w = new WriteOptions().setSync(true)) {
          db.write(w, b);
        }
      }
    });
    try (Ledger l = open(dir, false)) {
      assertEquals("replayed", l.recovery().mode(), "no stored graph to load: " + l.recovery());
      assertFalse(l.recovery().graphCompared());
      assertTrue(l.recovery().consistent(), l.recovery().toString());
      assertEquals(graphBefore, nodes(l));
      assertTrue(l.store().graphComplete(), "the replayed graph is stored");
    }
    try (Ledger l = open(dir, false)) {
      assertEquals("loaded", l.recovery().mode());
      assertEquals(graphBefore, nodes(l));
    }
  }

  @Test
  void aReplayFindsAndReplacesStoredNodesThatTheLogDoesNotExplain() throws Exception {
    try (Ledger l = open(dir, false)) {
      submitInBatches(l, identityStream(2));
    }
    StoreFormatTest.withRawDb(dir, (db, cf) -> {
      try (RocksIterator it = db.newIterator(cf.get("entities"))) {
        it.seekToFirst();
        byte[] value = it.value();
        value[12] ^= 1; // a flipped bit in the first node's first sighting
        db.put(cf.get("entities"), it.key(), value);
        byte[] stray = value.clone();
        stray[1] ^= 1; // the same node under another hash: a node no event made
        db.put(cf.get("entities"), java.util.Arrays.copyOfRange(stray, 1, 9), stray);
      }
    });
    try (Ledger l = open(dir, false)) {
      assertEquals(2, l.verify().entityMismatches(), "the altered node and the stray one: " + l.verify());
    }
    List<String> warnings = new ArrayList<>();
    try (Ledger l = Ledger.open(Store.open(StoreOptions.defaults(dir)), SECRET, null, true, warnings::add)) {
      assertEquals(2, l.recovery().entityMismatches(), l.recovery().toString());
      assertEquals(1, warnings.size(), "the operator is told: " + warnings);
    }
    try (Ledger l = open(dir, false)) {
      assertEquals("loaded", l.recovery().mode());
      assertTrue(l.verify().consistent(), "the replay stored the node the log explains, and no other: " + l.verify());
    }
  }

  private static Map<String, String> nodes(Ledger l) {
    Map<String, String> out = new TreeMap<>();
    l.engine().forEachEncodedEntity((hash, bytes) -> out.put(Long.toHexString(hash), HexFormat.of().formatHex(bytes)));
    return out;
  }
}
