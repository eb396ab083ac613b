package dev.chainbreaker.core.event;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One validated event of the contract. Identity is ({@link #source()}, {@link #id()}); the
 * {@link #subject()} is the E.164 phone number all state is keyed by; {@link #timeMs()} is event
 * time, and {@link #offsetSeconds()} keeps the reporter's UTC offset so that "4 a.m." means local
 * time.
 */
public record Event(
    String id,
    String source,
    SourceKind sourceKind,
    EventType type,
    long timeMs,
    int offsetSeconds,
    String subject,
    EventData data) {

  private static final java.time.format.DateTimeFormatter RFC3339 =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /** The key that makes a retry a retry. */
  public String dedupKey() {
    return source + '\u0000' + id;
  }

  /** Hour of day, 0–23, in the reporter's local time. */
  public int localHour() {
    long local = Math.floorDiv(timeMs, 1000) + offsetSeconds;
    return (int) Math.floorMod(local, 86_400L) / 3600;
  }

  /** The time as RFC 3339 with the original offset. */
  public String timeText() {
    return Instant.ofEpochMilli(timeMs).atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds)).format(RFC3339);
  }
}
