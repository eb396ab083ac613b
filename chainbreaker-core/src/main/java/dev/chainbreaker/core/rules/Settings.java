package dev.chainbreaker.core.rules;

/**
 * Pack-wide windows. Takeover indicators count within {@code indicatorWindowMs}; an exposure keeps
 * the line under watch for {@code exposureWindowMs}; states decay after their TTLs of quiet.
 */
public record Settings(
    long indicatorWindowMs, long exposureWindowMs, long watchTtlMs, long compromisedTtlMs, long recoveringTtlMs) {

  public static Settings defaults() {
    return new Settings(hours(24), hours(72), hours(72), hours(24 * 30), hours(24 * 7));
  }

  static long hours(long h) {
    return h * 3_600_000L;
  }

  /** How long a phone's state must be kept: the longest window any rule can look back. */
  public long stateTtlMs() {
    return Math.max(Math.max(indicatorWindowMs, exposureWindowMs), Math.max(compromisedTtlMs, recoveringTtlMs));
  }
}
