package dev.chainbreaker.store;

/**
 * Keeps the event log to a configured age. Each pass marks the store's clock (the last sequence
 * written by now) and deletes the events written before {@code now - keep}, with their retry-index
 * and timeline entries, a chunk per write so that requests are not held up behind one large batch, then
 * compacts the deleted part of the log so that its files are freed.
 *
 * <p>Ages count from when the store received an event, known from the clock marks to within the
 * interval between passes, not from the event's own time. Phone states and the identity graph are
 * kept: a restart loads them and never needs the deleted events. What goes with the events: their
 * entries in a phone's story, in the decision listing and in dry runs, and the answer to a retry of
 * one of them (it would be decided again); and a replay of the whole log ({@code storage.recovery:
 * replay}), which needs the log from its first event.
 */
public final class Retention {
  /**
   * Events per write: small writes, so that appends never queue behind a long one (a chunk took about
   * 11 ms to read and delete in the 1,050,019-event pass of BENCHMARKS.md, "Restart time").
   */
  static final int CHUNK = 1_000;
  /** Rest after each write, as a multiple of the write's time: a pass uses at most a quarter of a core. */
  static final int REST = 3;
  private final Store store;
  private final long keepMs;
  private final int chunk;
  /** Events deleted by every pass so far, counted after each write so that a long pass shows its progress. */
  private final java.util.concurrent.atomic.AtomicLong deleted = new java.util.concurrent.atomic.AtomicLong();

  /** {@code days} of events are kept; 0 keeps everything (the passes then only mark the clock). */
  public Retention(Store store, int days) {
    this(store, days, CHUNK);
  }

  Retention(Store store, int days, int chunk) {
    if (days < 0) {
      throw new IllegalArgumentException("retention days must be 0 (keep everything) or more, not " + days);
    }
    this.store = store;
    this.keepMs = days * 86_400_000L;
    this.chunk = chunk;
  }

  /** One pass at wall time {@code nowMs}; returns the number of events deleted. */
  public long run(long nowMs) {
    store.markClock(nowMs);
    if (keepMs == 0) {
      return 0;
    }
    long cutoff = nowMs - keepMs;
    long through = store.sequenceWrittenBy(cutoff);
    long total = 0;
    while (!Thread.currentThread().isInterrupted()) {
      long t0 = System.nanoTime();
      long n = store.deleteThrough(through, chunk);
      if (n == 0) {
        break;
      }
      total += n;
      deleted.addAndGet(n);
      // Paced: a pass that deleted flat out took both cores of a small machine from the requests
      // (BENCHMARKS.md, "Restart time"); after each write it rests three times as long as it worked.
      try {
        java.util.concurrent.TimeUnit.NANOSECONDS.sleep(REST * (System.nanoTime() - t0));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the server closing: stop here, the next pass goes on
      }
    }
    store.forgetClockBefore(cutoff);
    if (total > 0 && !Thread.currentThread().isInterrupted()) {
      store.compactLogBefore(store.firstSequence());
    }
    return total;
  }

  /** Events deleted by this instance's passes so far, the one running included (for {@code /metrics}). */
  public long deletedEvents() {
    return deleted.get();
  }
}
