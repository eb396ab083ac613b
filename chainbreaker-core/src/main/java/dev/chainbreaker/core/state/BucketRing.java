package dev.chainbreaker.core.state;

/**
 * A sliding-window sum over event time in a fixed ring of buckets: O(1) to add, O(buckets) to read,
 * whatever the window length. Events later than the window are dropped; late events within it land
 * in their own bucket, so out-of-order arrival gives the same sums as in-order.
 *
 * <p>Values are counted in hundredths, as whole numbers: money to the cent (the contract's amounts
 * are decimal strings such as {@code "5000.00"}), counts exactly. So the sums are exact, and a ring
 * read back from {@link StateCodec}, which stores the same hundredths, sums exactly as the live one
 * (in doubles, ten payments of 0.10 added up to 0.9999999999999999, and to 1.0 once stored).
 */
public final class BucketRing {
  private final long bucketMs;
  /** Hundredths of the values added, per bucket. */
  private final long[] sums;
  /** Index (time / bucketMs) of the newest bucket; Long.MIN_VALUE when empty. */
  private long head = Long.MIN_VALUE;

  public BucketRing(long windowMs, int buckets) {
    if (buckets < 1 || windowMs < buckets) {
      throw new IllegalArgumentException("window must cover at least one millisecond per bucket");
    }
    this.bucketMs = windowMs / buckets;
    this.sums = new long[buckets];
  }

  public void add(long timeMs, double value) {
    long idx = Math.floorDiv(timeMs, bucketMs);
    if (head == Long.MIN_VALUE) {
      head = idx;
    } else if (idx > head) {
      long gap = Math.min(idx - head, sums.length);
      for (long i = 1; i <= gap; i++) {
        sums[(int) Math.floorMod(head + i, (long) sums.length)] = 0;
      }
      head = idx;
    } else if (idx <= head - sums.length) {
      return; // older than the window: it no longer counts
    }
    sums[(int) Math.floorMod(idx, (long) sums.length)] += Math.round(value * 100);
  }

  /** The sum of the window ending at {@code nowMs} (inclusive). */
  public double sum(long nowMs) {
    if (head == Long.MIN_VALUE) {
      return 0;
    }
    long now = Math.floorDiv(nowMs, bucketMs);
    long total = 0;
    for (long b = Math.max(head - sums.length + 1, now - sums.length + 1); b <= Math.min(head, now); b++) {
      total += sums[(int) Math.floorMod(b, (long) sums.length)];
    }
    return total / 100.0;
  }

  public boolean isEmpty(long nowMs) {
    return head == Long.MIN_VALUE || Math.floorDiv(nowMs, bucketMs) - head >= sums.length;
  }

  long head() {
    return head;
  }

  /** Hundredths, per bucket: what {@link StateCodec} stores. */
  long[] sums() {
    return sums;
  }

  void restore(long head, long[] values) {
    this.head = head;
    System.arraycopy(values, 0, sums, 0, sums.length);
  }

  int buckets() {
    return sums.length;
  }
}
