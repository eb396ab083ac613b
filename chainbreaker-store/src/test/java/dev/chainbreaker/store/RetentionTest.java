package dev.chainbreaker.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.Sensitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention deletes the events received before the configured age, with their retry-index and
 * timeline entries, and nothing else: phone states and the graph stay, a restart loads them, and
 * the log goes on at the next sequence.
 */
class RetentionTest {
  private static final Sensitive SECRET = new Sensitive("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private static final long DAY = 86_400_000L;
  private static final long T0 = 1_800_000_000_000L; // a wall clock, injected

  @TempDir
  Path dir;

  private Ledger open(List<String> warnings, boolean replay) {
    return Ledger.open(Store.open(StoreOptions.defaults(dir)), SECRET, null, replay, warnings::add);
  }

  private static List<Event> parse(Ledger l, List<String> json) {
    return l.engine().codec().parseBatch("[" + String.join(",", json) + "]");
  }

  @Test
  void eventsOlderThanTheRetentionGoWithTheirIndexEntriesAndTheStateStays() {
    List<String> events = LedgerRestartTest.identityStream(4);
    int old = 60;
    List<String> warnings = new ArrayList<>();
    Map<String, byte[]> states = new HashMap<>();
    String oldKey;
    try (Ledger l = open(warnings, false)) {
      Retention keep30 = new Retention(l.store(), 30, 7); // chunks of 7: the deletion takes several writes
      assertEquals(0, keep30.run(T0), "nothing is old yet");
      List<Event> first = parse(l, events.subList(0, old));
      oldKey = first.get(0).dedupKey();
      l.submit(first);
      assertEquals(0, keep30.run(T0 + DAY)); // marks: by T0 + 1 day, sequences up to 60 were written
      l.submit(parse(l, events.subList(old, events.size())));
      assertEquals(0, keep30.run(T0 + 30 * DAY), "30 days after the first mark: not older than 30 days yet");
      assertEquals(old, keep30.run(T0 + 31 * DAY + 1), "the events written by the mark of T0 + 1 day");
      assertEquals(old, keep30.deletedEvents(), "the /metrics count: every deleted event, counted once");
      assertEquals(0, keep30.run(T0 + 32 * DAY));
      assertEquals(old, keep30.deletedEvents(), "a pass that deletes nothing adds nothing");

      Store s = l.store();
      assertEquals(old + 1, s.firstSequence());
      assertNull(s.event(old));
      assertNotNull(s.event(old + 1));
      assertNull(s.decision(oldKey), "its retry-index entry is gone");
      for (String phone : List.of("+8613800000011", "+8613800000012", "+8613800000013")) {
        List<Long> timeline = s.timeline(phone, Long.MAX_VALUE, 10_000);
        assertFalse(timeline.isEmpty(), phone);
        assertTrue(timeline.stream().allMatch(seq -> seq > old), "the phone's story starts after the deleted events: " + timeline);
        assertNotNull(s.state(phone), "its state stays");
        states.put(phone, l.engine().encodeState(phone));
      }
      List<Long> seen = new ArrayList<>();
      s.forEachEvent(1, se -> seen.add(se.seq()));
      assertEquals(events.size() - old, seen.size());
      assertEquals(old + 1, seen.get(0));
      assertThrows(IllegalStateException.class, l::verify, "a replay needs the whole log");
    }
    long last = events.size();
    try (Ledger l = open(warnings, true)) {
      assertEquals("loaded", l.recovery().mode(), "no replay of a shortened log: the stored state is loaded");
      assertEquals(1, warnings.size(), "and the operator is told why: " + warnings);
      assertTrue(warnings.get(0).contains("sequence " + (old + 1)), warnings.get(0));
      states.forEach((phone, bytes) -> assertArrayEquals(bytes, l.engine().encodeState(phone), phone));
      // the log goes on after its last sequence, and a retry of a deleted event is decided anew
      List<Submitted> again = l.submit(parse(l, events.subList(0, 1)));
      assertFalse(again.get(0).retry(), "older than the retention: no longer known as a retry");
      assertEquals(last + 1, again.get(0).seq());
    }
  }

  @Test
  void theNewestEventIsKeptAndNothingIsDeletedWithoutRetention() {
    List<String> warnings = new ArrayList<>();
    try (Ledger l = open(warnings, false)) {
      l.submit(parse(l, LedgerRestartTest.identityStream(1)));
      long last = l.store().lastSequence();
      assertEquals(0, new Retention(l.store(), 0).run(T0), "0 days: keep everything");
      assertEquals(0, new Retention(l.store(), 0).run(T0 + 1000 * DAY));
      assertEquals(1, l.store().firstSequence());
      Retention keep1 = new Retention(l.store(), 1);
      keep1.run(T0);
      assertEquals(last - 1, keep1.run(T0 + 2 * DAY), "everything but the newest event");
      assertEquals(last, l.store().firstSequence());
    }
    try (Ledger l = open(warnings, false)) {
      long last = l.store().lastSequence();
      String fresh = LedgerRestartTest.identityStream(1).get(0).replace("\"id\":\"g-0\"", "\"id\":\"h-0\"");
      l.submit(List.of(l.engine().codec().parse(fresh)));
      assertEquals(last + 1, l.store().lastSequence(), "sequences go on after a restart");
      assertEquals(List.of(), warnings);
    }
    assertThrows(IllegalArgumentException.class, () -> new Retention(null, -1));
  }

  @Test
  void passesBesideAppendsLoseNoKeptEventAndTheRestartLoadsTheLiveEngine() throws Exception {
    List<String> events = LedgerRestartTest.identityStream(12);
    Map<String, byte[]> live = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    try (Ledger l = open(warnings, false)) {
      Retention keep1 = new Retention(l.store(), 1, 5);
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicLong deleted = new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.atomic.AtomicLong passCount = new java.util.concurrent.atomic.AtomicLong();
      Thread passes = new Thread(() -> {
        // each pass a day after the last: it deletes what the pass before it saw written
        for (long day = 0; !done.get(); day++) {
          deleted.addAndGet(keep1.run(T0 + day * DAY + 1));
          passCount.incrementAndGet();
        }
      });
      passes.start();
      for (int i = 0; i < events.size(); i += 3) {
        l.submit(parse(l, events.subList(i, Math.min(events.size(), i + 3))));
        if (i % 30 == 0) {
          // let two passes run between these appends and the next, however the threads are scheduled
          long seen = passCount.get();
          while (passCount.get() < seen + 2) {
            Thread.onSpinWait();
          }
        }
      }
      done.set(true);
      passes.join();
      Store s = l.store();
      long first = s.firstSequence();
      assertTrue(deleted.get() > 0 && first > 1, "passes ran beside the appends: " + deleted.get());
      assertEquals(first - 1, deleted.get(), "exactly the events before the first kept one");
      for (long seq = first; seq <= s.lastSequence(); seq++) {
        StoredEvent e = s.event(seq);
        assertNotNull(e, "kept event " + seq);
        assertEquals(seq, s.decision(e.event().dedupKey()).seq(), "its retry answer, " + seq);
      }
      for (String phone : List.of("+8613800000011", "+8613800000012", "+8613800000013", "+8613800000014", "+8613800000015")) {
        for (long seq : s.timeline(phone, Long.MAX_VALUE, 100_000)) {
          assertTrue(seq >= first && s.event(seq) != null, phone + " lists a deleted event " + seq);
        }
        live.put(phone, l.engine().encodeState(phone));
      }
    }
    try (Ledger l = open(warnings, false)) {
      live.forEach((phone, bytes) -> assertArrayEquals(bytes, l.engine().encodeState(phone), phone));
      assertEquals(List.of(), warnings);
    }
  }
}
