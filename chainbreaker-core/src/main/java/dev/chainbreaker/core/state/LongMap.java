package dev.chainbreaker.core.state;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An open-addressing hash map from {@code long} to objects: no boxing, keys probed in one
 * contiguous array. Deciding an event is dominated by finding the phone's state among millions, and
 * a {@code HashMap<String, …>} costs several cache misses per look-up where this costs one or two.
 * Not thread-safe.
 */
public final class LongMap<V> {
  private static final long EMPTY = 0L;

  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;
  private V zeroValue; // key 0 is the empty marker, so it lives apart
  private boolean hasZero;

  public LongMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new Object[cap];
    mask = cap - 1;
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  @SuppressWarnings("unchecked")
  public V get(long key) {
    if (key == EMPTY) {
      return hasZero ? zeroValue : null;
    }
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == EMPTY) {
        return null;
      }
      i = (i + 1) & mask;
    }
  }

  /** Puts a value; returns the previous one or null. */
  @SuppressWarnings("unchecked")
  public V put(long key, V value) {
    if (key == EMPTY) {
      V old = zeroValue;
      zeroValue = value;
      hasZero = true;
      return old;
    }
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        V old = (V) values[i];
        values[i] = value;
        return old;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return null;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes a key; O(1) expected (backward-shift deletion keeps probe chains intact without tombstones). */
  @SuppressWarnings("unchecked")
  public V remove(long key) {
    if (key == EMPTY) {
      V old = zeroValue;
      hasZero = false;
      zeroValue = null;
      return old;
    }
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == EMPTY) {
        return null;
      }
      if (k == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    V old = (V) values[i];
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      long k = keys[j];
      if (k == EMPTY) {
        break;
      }
      int home = slot(k, mask);
      // Move k back into the hole unless its home lies cyclically in (hole, j].
      boolean homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!homeBetween) {
        keys[hole] = k;
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = EMPTY;
    values[hole] = null;
    size--;
    return old;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        reinsert(oldKeys[i], oldValues[i]);
      }
    }
  }

  private void reinsert(long key, Object value) {
    int i = slot(key, mask);
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** A key and its value. */
  public interface Entry<V> {
    boolean test(long key, V value);
  }

  /** Removes every entry the predicate accepts; returns how many. */
  @SuppressWarnings("unchecked")
  public int removeIf(Entry<V> drop) {
    int removed = 0;
    if (hasZero && drop.test(EMPTY, zeroValue)) {
      hasZero = false;
      zeroValue = null;
      removed++;
    }
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length];
    values = new Object[oldKeys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        if (drop.test(oldKeys[i], (V) oldValues[i])) {
          removed++;
        } else {
          reinsert(oldKeys[i], oldValues[i]);
        }
      }
    }
    return removed;
  }

  @SuppressWarnings("unchecked")
  public void forEachValue(Consumer<V> action) {
    if (hasZero) {
      action.accept(zeroValue);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        action.accept((V) values[i]);
      }
    }
  }

  /** Replaces every value by {@code f} of it, in place. */
  @SuppressWarnings("unchecked")
  public void replaceAll(java.util.function.UnaryOperator<V> f) {
    if (hasZero) {
      zeroValue = f.apply(zeroValue);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        values[i] = f.apply((V) values[i]);
      }
    }
  }

  public void clear() {
    Arrays.fill(keys, EMPTY);
    Arrays.fill(values, null);
    size = 0;
    hasZero = false;
    zeroValue = null;
  }

  /** Counts values matching a predicate. */
  @SuppressWarnings("unchecked")
  public int count(Predicate<V> p) {
    int n = hasZero && p.test(zeroValue) ? 1 : 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && p.test((V) values[i])) {
        n++;
      }
    }
    return n;
  }
}
