package dev.chainbreaker.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.rules.RulePackLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  private static final Sensitive SECRET = new Sensitive("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  @TempDir
  Path dir;

  static String event(int i, String phone, String type, String data) {
    return "{\"specversion\":\"1.0\",\"id\":\"e-" + i + "\",\"source\":\"/telecom/t\",\"type\":\"" + type
        + "\",\"time\":\"2026-01-0" + (1 + i / 1000) + "T0" + (i % 10) + ":00:" + String.format("%02d", i % 60)
        + "+08:00\",\"subject\":\"" + phone + "\",\"data\":" + data + "}";
  }

  static List<String> stream(int n) {
    List<String> out = new ArrayList<>();
    String[] phones = {"+8613800000001", "+8613800000002", "+8613800000003"};
    for (int i = 0; i < n; i++) {
      String phone = phones[i % phones.length];
      switch (i % 4) {
        case 0 -> out.add(event(i, phone, "telecom.device.changed", "{\"imei\":\"86400000000" + (1000 + i) + "\"}"));
        case 1 -> out.add(event(i, phone, "telecom.sim.replaced", "{\"channel\":\"hotline\",\"verification\":\"service_password\"}"));
        case 2 -> out.add(event(i, phone, "telecom.loss.reported", "{\"channel\":\"app\",\"verification\":\"password\"}"));
        default -> out.add(event(i, phone, "telecom.call_forwarding.set", "{\"kind\":\"unconditional\",\"target\":\"+8613900000099\"}"));
      }
    }
    return out;
  }

  private Ledger open(Durability d) {
    return open(d, false);
  }

  private Ledger open(Durability d, boolean replay) {
    Store store = Store.open(StoreOptions.defaults(dir).withDurability(d));
    return Ledger.open(store, SECRET, null, replay, msg -> { throw new AssertionError(msg); });
  }

  @Test
  void recoveryRebuildsDecisionsAndStateAcrossARuleChange() {
    Map<String, String> decided = new HashMap<>();
    List<String> events = stream(200);
    try (Ledger l = open(Durability.PROCESS_CRASH)) {
      for (int i = 0; i < 100; i++) {
        Event e = l.engine().codec().parse(events.get(i));
        decided.put(e.dedupKey(), l.submit(List.of(e)).get(0).decisionJson());
      }
      String yaml = RulePackLoader.defaultPack().source();
      l.useRules(yaml, "tester", 1L);
      List<Event> batch = l.engine().codec().parseBatch("[" + String.join(",", events.subList(100, 200)) + "]");
      for (Submitted s : l.submit(batch)) {
        decided.put(s.event().dedupKey(), s.decisionJson());
      }
      assertEquals(200, l.store().lastSequence());
    }
    Map<String, byte[]> replayedStates = new HashMap<>();
    try (Ledger l = open(Durability.POWER_LOSS, true)) {
      Recovery r = l.recovery();
      assertEquals("replayed", r.mode());
      assertEquals(200, r.events());
      assertEquals(2, r.ruleVersions());
      assertTrue(r.consistent(), r.toString());
      for (String phone : List.of("+8613800000001", "+8613800000002", "+8613800000003")) {
        replayedStates.put(phone, l.engine().encodeState(phone));
      }
    }
    // a plain restart loads the states stored under the second pack: the same as the replay's
    try (Ledger l = open(Durability.POWER_LOSS)) {
      assertEquals("loaded", l.recovery().mode());
      replayedStates.forEach((phone, bytes) -> assertArrayEquals(bytes, l.engine().encodeState(phone), phone));
      Recovery r = l.recovery();
      assertEquals(200, r.events());
      assertEquals(2, r.ruleVersions());
      for (Map.Entry<String, String> d : decided.entrySet()) {
        assertEquals(d.getValue(), l.store().decision(d.getKey()).json());
      }
      for (String phone : List.of("+8613800000001", "+8613800000002", "+8613800000003")) {
        assertArrayEquals(l.store().state(phone), l.engine().encodeState(phone));
      }
      assertTrue(l.store().auditLog(10).stream().anyMatch(a -> a.action().equals("rules.put") && a.who().equals("tester")));
    }
  }

  @Test
  void retriesReturnTheOriginalAndWriteNothing() {
    try (Ledger l = open(Durability.POWER_LOSS)) {
      Event e = l.engine().codec().parse(stream(1).get(0));
      Submitted first = l.submit(List.of(e)).get(0);
      Submitted again = l.submit(List.of(e)).get(0);
      assertFalse(first.retry());
      assertTrue(again.retry());
      assertEquals(first.decisionJson(), again.decisionJson());
      assertEquals(1, l.store().lastSequence());
      // the same event twice in one batch is one event
      Event f = l.engine().codec().parse(stream(2).get(1));
      List<Submitted> both = l.submit(List.of(f, f));
      assertFalse(both.get(0).retry());
      assertTrue(both.get(1).retry());
      assertEquals(2, l.store().lastSequence());
    }
  }

  @Test
  void aRetryOlderThanTheEnginesMemoryIsAnsweredFromTheStore() {
    int n = Ledger.DEDUP_CAPACITY + 50;
    List<String> events = stream(n);
    try (Ledger l = open(Durability.PROCESS_CRASH)) {
      String firstJson = null;
      for (int from = 0; from < n; from += 100) {
        List<Event> batch = l.engine().codec().parseBatch("[" + String.join(",", events.subList(from, Math.min(n, from + 100))) + "]");
        List<Submitted> out = l.submit(batch);
        if (from == 0) {
          firstJson = out.get(0).decisionJson();
        }
      }
      assertEquals(n, l.store().lastSequence());
      Submitted again = l.submit(List.of(l.engine().codec().parse(events.get(0)))).get(0);
      assertTrue(again.retry(), "the engine forgot it, the store did not");
      assertEquals(firstJson, again.decisionJson());
      assertEquals(n, l.store().lastSequence(), "a retry writes nothing");
    }
  }

  /**
   * Batches from several threads, overlapping so that many events are retries of another thread's
   * batch while it may still be written, and a rule swap in the middle. Each event must be decided
   * once, every answer for it must be that decision, sequences must be the log's, and the log must
   * replay to the same decisions and states (which depend on the order the engine saw).
   */
  @Test
  void concurrentBatchesAreDecidedOnceAndLoggedInTheEnginesOrder() throws Exception {
    int n = 3000;
    List<String> events = stream(n);
    Map<String, byte[]> answers = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Long, String> seqs = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    try (Ledger l = open(Durability.POWER_LOSS)) {
      int threads = 6;
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 7; // threads walk the same events a few apart: most batches overlap another's
        done.add(pool.submit(() -> {
          for (int from = offset; from < n; from += 20) {
            List<Event> batch = l.engine().codec().parseBatch("[" + String.join(",", events.subList(from, Math.min(n, from + 20))) + "]");
            for (Submitted s : l.submit(batch)) {
              byte[] first = answers.putIfAbsent(s.event().dedupKey(), s.decisionUtf8());
              if (first != null && !java.util.Arrays.equals(first, s.decisionUtf8())) {
                problems.add("two decisions for " + s.event().dedupKey());
              }
              if (!s.retry() && seqs.put(s.seq(), s.event().dedupKey()) != null) {
                problems.add("sequence " + s.seq() + " given twice");
              }
            }
          }
          return null;
        }));
      }
      Thread.sleep(20);
      l.useRules(RulePackLoader.defaultPack().source(), "tester", 1L);
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      assertEquals(List.of(), problems);
      assertEquals(n, answers.size());
      assertEquals(n, seqs.size(), "each event decided once");
      assertEquals(n, l.store().lastSequence());
      for (Map.Entry<Long, String> e : seqs.entrySet()) {
        assertEquals(e.getKey(), l.store().decision(e.getValue()).seq());
      }
    }
    try (Ledger l = open(Durability.PROCESS_CRASH, true)) {
      assertTrue(l.recovery().consistent(), l.recovery().toString());
      assertEquals(n, l.recovery().events());
      for (Map.Entry<String, byte[]> a : answers.entrySet()) {
        assertArrayEquals(a.getValue(), l.store().decision(a.getKey()).utf8());
      }
    }
  }

  @Test
  void timelineAndBackwardScanAreNewestFirst() {
    try (Ledger l = open(Durability.PROCESS_CRASH)) {
      l.submit(l.engine().codec().parseBatch("[" + String.join(",", stream(30)) + "]"));
      List<Long> t = l.store().timeline("+8613800000002", Long.MAX_VALUE, 5);
      assertEquals(List.of(29L, 26L, 23L, 20L, 17L), t);
      assertEquals(List.of(14L, 11L), l.store().timeline("+8613800000002", 17, 2));
      assertEquals(List.of(), l.store().timeline("+861380000000", Long.MAX_VALUE, 5));
      List<StoredEvent> back = l.store().eventsBackwards(10, 3, 100, e -> true);
      assertEquals(9L, back.get(0).seq());
      assertEquals(3, back.size());
      assertNotNull(l.store().event(30));
    }
  }

  @Test
  void theLogHoldsNoRawIdentifiers() throws Exception {
    String raw = "510104198001011234";
    try (Ledger l = open(Durability.PROCESS_CRASH)) {
      l.submit(List.of(l.engine().codec().parse(event(1, "+8613800000001", "account.created",
          "{\"account\":\"acc-778899\",\"idNumber\":\"" + raw + "\",\"realNameVerification\":\"face\"}").replace("/telecom/t", "/payment/p"))));
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertFalse(content.contains(raw), "raw ID number in " + p);
        assertFalse(content.contains("acc-778899"), "raw account in " + p);
      }
    }
  }
}
