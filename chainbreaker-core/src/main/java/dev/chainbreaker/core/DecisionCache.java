package dev.chainbreaker.core;

import dev.chainbreaker.core.state.LongMap;

/**
 * The decisions already given, by ({@code source}, {@code id}), so that a retry gets the first
 * answer and is not counted twice. Keyed by a 64-bit hash of the pair with the pair kept for
 * verification (a collision is a miss, never a wrong answer); the oldest entries go first once
 * {@code capacity} is reached.
 */
final class DecisionCache {
  private record Entry(String source, String id, Decision decision) {}

  private final LongMap<Entry> entries;
  private final long[] order;
  private final int capacity;
  private int next;
  private long inserted;

  DecisionCache(int capacity) {
    this.capacity = Math.max(1, capacity);
    this.entries = new LongMap<>(Math.min(this.capacity, 1 << 20));
    this.order = new long[this.capacity];
  }

  static long key(String source, String id) {
    long h = source.hashCode() * 0x9E3779B97F4A7C15L + id.hashCode();
    h ^= (long) id.length() << 48;
    h = (h ^ (h >>> 31)) * 0xbf58476d1ce4e5b9L;
    return h ^ (h >>> 29);
  }

  Decision get(String source, String id) {
    Entry e = entries.get(key(source, id));
    return e != null && e.id.equals(id) && e.source.equals(source) ? e.decision : null;
  }

  void put(String source, String id, Decision d) {
    long k = key(source, id);
    if (inserted >= capacity) {
      long evict = order[next];
      if (evict != k) {
        entries.remove(evict);
      }
    }
    entries.put(k, new Entry(source, id, d));
    order[next] = k;
    next = (next + 1) % capacity;
    inserted++;
  }
}
