package dev.chainbreaker.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.SubjectState;
import org.junit.jupiter.api.Test;

class PhoneStateTest {
  private final StateCodec codec = new StateCodec(new String[] {"a", "b", "c"}, new String[] {"money"}, new long[] {86_400_000L}, 24);

  @Test
  void keepsTheNewestOccurrencesPerSignal() {
    PhoneState s = new PhoneState();
    for (int i = 0; i < 10; i++) {
      s.mark(0, i * 1000L, "e" + i);
    }
    assertEquals(PhoneState.PER_SIGNAL, s.markCount());
    assertEquals("e9", s.markEvidence(s.latest(0, Long.MIN_VALUE, Long.MAX_VALUE)));
    assertEquals("e8", s.markEvidence(s.latest(0, Long.MIN_VALUE, 8500)), "latest at or before a time, for late events");
    assertEquals(-1, s.latest(0, 9000, Long.MAX_VALUE), "after is exclusive");
  }

  /**
   * The marks' evidence lives in one char pool per phone that is compacted as it fills: every live
   * mark must still return exactly the id it was given (Chinese and supplementary characters
   * included), through replacements, evictions, expiry and an encode/decode round trip, and the pool
   * stays bounded.
   */
  @Test
  void evidenceSurvivesPoolCompaction() {
    java.util.Random r = new java.util.Random(11);
    java.util.Map<Long, String> byTime = new java.util.HashMap<>();
    java.util.List<Long> times = new java.util.ArrayList<>();
    for (long t = 0; t < 20_000; t++) {
      times.add(t * 10);
    }
    java.util.Collections.shuffle(times, r); // late events too; each time once, so it names its mark
    PhoneState s = new PhoneState();
    for (int k = 0; k < times.size(); k++) {
      long t = times.get(k);
      StringBuilder id = new StringBuilder();
      int n = r.nextInt(41);
      for (int c = 0; c < n; c++) {
        int pick = r.nextInt(10);
        if (pick < 7) {
          id.append((char) ('a' + r.nextInt(26)));
        } else if (pick < 9) {
          id.append((char) (0x4e00 + r.nextInt(500)));
        } else {
          id.appendCodePoint(0x1f300 + r.nextInt(200)); // a surrogate pair
        }
      }
      byTime.put(t, id.toString());
      s.observe(t); // as the engine does: mark times are encoded against the watermark
      s.mark(r.nextInt(3), t, id.toString());
      if (k % 1000 == 999) {
        s.expireMarks(times.get(r.nextInt(k)));
      }
      if (k % 250 == 0) {
        assertMarksCarryTheirIds(s, byTime);
        assertMarksCarryTheirIds(codec.decode(codec.encode(s)), byTime);
      }
      assertTrue(s.evidencePool.length <= 4 * PhoneState.MAX_MARKS * 80, "pool of " + s.evidencePool.length + " chars");
    }
    assertMarksCarryTheirIds(s, byTime);
  }

  /** States are kept for every phone ever seen: one without marks must not carry an evidence pool. */
  @Test
  void aPhoneWithoutMarksHasNoPool() {
    PhoneState s = new PhoneState();
    assertEquals(0, s.evidencePool.length);
    s.observe(1000);
    s.mark(0, 1000, "e1");
    assertEquals("e1", s.markEvidence(0));
    assertEquals(0, codec.decode(codec.encode(new PhoneState())).evidencePool.length);
  }

  private static void assertMarksCarryTheirIds(PhoneState s, java.util.Map<Long, String> byTime) {
    for (int i = 0; i < s.markCount(); i++) {
      String expected = byTime.get(s.markTime(i));
      assertEquals(expected, s.markEvidence(i), "mark " + i);
      assertTrue(s.markEvidenceIs(i, expected));
      assertTrue(!s.markEvidenceIs(i, expected + "x"));
    }
  }

  @Test
  void boundedWhateverTheTraffic() {
    PhoneState s = new PhoneState();
    for (int i = 0; i < 10_000; i++) {
      s.mark(i % 3, i, "event-" + i);
      s.link(i);
      s.taint(i);
      s.addToChain("c" + i);
    }
    assertTrue(s.markCount() <= PhoneState.MAX_MARKS);
    assertEquals(PhoneState.MAX_LINKS, s.links().length);
    assertEquals(PhoneState.MAX_CHAIN, s.chain().length);
    assertTrue(codec.encode(s).length < 1024);
  }

  @Test
  void encodingRoundTrips() {
    PhoneState s = new PhoneState();
    s.observe(1_600_000_000_000L);
    s.enter(SubjectState.COMPROMISED, 1_600_000_000_000L);
    s.ownerBack(1_599_000_000_000L);
    s.mark(1, 1_599_999_000_000L, "sc-telecom-000123");
    s.mark(2, 1_600_000_000_000L, "x\u001fy");
    s.counter(0, 86_400_000L, 24, 1).add(1_600_000_000_000L, 5000.25);
    s.link(42L);
    s.taint(-7L);
    s.addToChain("sc-telecom-000123");
    byte[] bytes = codec.encode(s);
    PhoneState back = codec.decode(bytes);
    assertEquals(SubjectState.COMPROMISED, back.state());
    assertEquals(s.stateSince(), back.stateSince());
    assertEquals(s.lastOwnerBack(), back.lastOwnerBack());
    assertEquals(2, back.markCount());
    assertEquals("x\u001fy", back.markEvidence(back.latest(2, Long.MIN_VALUE, Long.MAX_VALUE)));
    assertEquals(5000.25, back.counterIfPresent(0).sum(1_600_000_000_000L), 1e-9);
    assertArrayEquals(new long[] {42L}, back.links());
    assertTrue(back.isTainted(-7L));
    assertArrayEquals(new String[] {"sc-telecom-000123"}, back.chain());
    assertArrayEquals(bytes, codec.encode(back), "encode(decode(x)) == x");
  }

  @Test
  void aNewPackVersionDropsSignalsItNoLongerHas() {
    PhoneState s = new PhoneState();
    s.observe(1000);
    s.mark(0, 1000, "keep");
    s.mark(2, 1000, "drop");
    StateCodec next = new StateCodec(new String[] {"new", "a"}, new String[0], new long[0], 24);
    PhoneState back = next.decode(codec.encode(s));
    assertEquals(1, back.markCount());
    assertEquals(1, back.markSignal(0), "'a' is now signal 1");
  }
}
