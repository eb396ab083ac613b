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
