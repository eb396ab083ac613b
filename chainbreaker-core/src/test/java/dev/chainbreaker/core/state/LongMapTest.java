package dev.chainbreaker.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongMapTest {
  @Test
  void behavesLikeAHashMapUnderRandomOperations() {
    LongMap<String> map = new LongMap<>(4);
    Map<Long, String> ref = new HashMap<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      long key = r.nextInt(5000) - 100; // includes 0 and negatives
      switch (r.nextInt(4)) {
        case 0, 1 -> assertEquals(ref.put(key, "v" + i), map.put(key, "v" + i));
        case 2 -> assertEquals(ref.get(key), map.get(key));
        default -> assertEquals(ref.remove(key), map.remove(key));
      }
      assertEquals(ref.size(), map.size());
    }
    int dropped = map.removeIf((k, v) -> k % 2 == 0);
    int expected = (int) ref.keySet().stream().filter(k -> k % 2 == 0).count();
    assertEquals(expected, dropped);
    assertNull(map.get(0));
  }
}
