package dev.chainbreaker.core.state;

/**
 * A sliding-window sum over event time in a fixed ring of buckets: O(1) to add, O(buckets) to read,
 * whatever the window length. Events later than the window are dropped; late events within it land
 * in their own bucket, so out-of-order arrival gives the same sums as in-order.
 */
public final class BucketRing {
  private final long bucketMs;
  private final double[] sums;
  /** Index (time / bucketMs) of the newest bucket; Long.MIN_VALUE when empty. */
  private long head = Long.MIN_VALUE;

  public BucketRing(long windowMs, int buckets) {
    if (buckets < 1 || windowMs < buckets) {
      throw new IllegalArgumentException("window must cover at least one millisecond per bucket");
    }
    this.bucketMs = windowMs / buckets;
    this.sums = new double[buckets];
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
    // Kept to the cent, as StateCodec stores it: a state loaded from its encoding must compare exactly
    // as the live one ("count.money_out >= 1.0" after ten payments of 0.10 is 0.9999999999999999 in
    // unrounded doubles and 1.0 once stored).
    int i = (int) Math.floorMod(idx, (long) sums.length);
    sums[i] = Math.round((sums[i] + value) * 100) / 100.0;
  }

  /** The sum of the window ending at {@code nowMs} (inclusive). */
  public double sum(long nowMs) {
    if (head == Long.MIN_VALUE) {
      return 0;
    }
    long now = Math.floorDiv(nowMs, bucketMs);
    double total = 0;
    for (long b = Math.max(head - sums.length + 1, now - sums.length + 1); b <= Math.min(head, now); b++) {
      total += sums[(int) Math.floorMod(b, (long) sums.length)];
    }
    return total;
  }

  public boolean isEmpty(long nowMs) {
    return head == Long.MIN_VALUE || Math.floorDiv(nowMs, bucketMs) - head >= sums.length;
  }

  long head() {
    return head;
  }

  double[] sums() {
    return sums;
  }

  void restore(long head, double[] values) {
    this.head = head;
    System.arraycopy(values, 0, sums, 0, sums.length);
  }

  int buckets() {
    return sums.length;
  }
}
