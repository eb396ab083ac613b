package dev.chainbreaker.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketRingTest {
  private static final long HOUR = 3_600_000L;

  @Test
  void sumsOnlyTheWindow() {
    BucketRing r = new BucketRing(24 * HOUR, 24);
    r.add(0, 100);
    r.add(5 * HOUR, 50);
    assertEquals(150, r.sum(6 * HOUR));
    assertEquals(50, r.sum(24 * HOUR + 1), "the first hour has left the window");
    assertEquals(0, r.sum(30 * HOUR));
    assertTrue(r.isEmpty(30 * HOUR));
  }

  @Test
  void sumsAreExactInCentsWithinABucketAndAcrossBuckets() {
    BucketRing r = new BucketRing(24 * HOUR, 24);
    for (int i = 0; i < 10; i++) {
      r.add(HOUR, 0.10); // added as doubles: 0.9999999999999999
    }
    assertEquals(1.0, r.sum(HOUR), 0.0);
    r.add(2 * HOUR, 0.7);
    r.add(3 * HOUR, 0.1); // 0.7 + 0.1 in doubles: 0.7999999999999999
    assertEquals(1.8, r.sum(3 * HOUR), 0.0);
    for (int i = 0; i < 100; i++) {
      r.add(4 * HOUR, 1.25);
    }
    assertEquals(126.8, r.sum(4 * HOUR), 0.0, "no drift over many adds");
  }

  @Test
  void lateEventsInsideTheWindowCountEventsBeyondItDoNot() {
    BucketRing r = new BucketRing(24 * HOUR, 24);
    r.add(30 * HOUR, 1);
    r.add(20 * HOUR, 1); // late, still inside
    r.add(2 * HOUR, 1); // late, outside
    assertEquals(2, r.sum(30 * HOUR));
  }

  @Test
  void arrivalOrderDoesNotChangeTheSums() {
    List<long[]> events = new ArrayList<>();
    Random rnd = new Random(7);
    for (int i = 0; i < 500; i++) {
      events.add(new long[] {rnd.nextInt(20) * HOUR + rnd.nextInt(3_600_000), 1 + rnd.nextInt(9)});
    }
    BucketRing inOrder = new BucketRing(24 * HOUR, 24);
    events.stream().sorted((a, b) -> Long.compare(a[0], b[0])).forEach(e -> inOrder.add(e[0], e[1]));
    Collections.shuffle(events, rnd);
    BucketRing shuffled = new BucketRing(24 * HOUR, 24);
    events.forEach(e -> shuffled.add(e[0], e[1]));
    for (long t = 0; t < 48 * HOUR; t += HOUR / 2) {
      assertEquals(inOrder.sum(t), shuffled.sum(t), "at " + t);
    }
  }

  @Test
  void aGapLongerThanTheRingClearsIt() {
    BucketRing r = new BucketRing(24 * HOUR, 24);
    r.add(0, 5);
    r.add(100 * HOUR, 1);
    assertEquals(1, r.sum(100 * HOUR));
  }
}
