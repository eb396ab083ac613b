package dev.chainbreaker.server.http;

import java.util.function.LongSupplier;

/** A gauge that is expensive to read (it locks the engine): recomputed at most once per period. */
final class CachedGauge implements LongSupplier {
  private final LongSupplier source;
  private final long periodMs;
  private long value;
  private long at = Long.MIN_VALUE;

  CachedGauge(LongSupplier source, long periodMs) {
    this.source = source;
    this.periodMs = periodMs;
  }

  @Override
  public synchronized long getAsLong() {
    long now = System.currentTimeMillis();
    if (at == Long.MIN_VALUE || now - at >= periodMs) {
      value = source.getAsLong();
      at = now;
    }
    return value;
  }
}
