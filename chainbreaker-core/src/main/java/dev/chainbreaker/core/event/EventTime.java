package dev.chainbreaker.core.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Parses an event's {@code time}: exactly what {@link OffsetDateTime#parse(CharSequence)} accepts,
 * with the same result and the same exception.
 *
 * <p>Why not just the library: {@code OffsetDateTime.parse} was 8% of the server's CPU per event
 * (its formatter builds a field map and resolves it for every call). Nearly every event carries the
 * one common shape, {@code 2026-11-01T08:00:00+08:00} (optionally with a fraction, or {@code Z}), so
 * that shape is read here by hand. The fast path only ever accepts: anything it does not fully
 * recognise as valid (another shape, lower case, an out-of-range field, an edge such as a +18:00
 * offset) goes to the library, so acceptance, rejection and error messages stay the library's.
 */
final class EventTime {
  /** {@code yyyy-MM-ddTHH:mm:ssZ}, the shortest shape the fast path reads. */
  private static final int MIN_LENGTH = 20;
  /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn+hh:mm}, the longest. */
  private static final int MAX_LENGTH = 35;
  private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  private EventTime() {}

  /** As {@link OffsetDateTime#parse(CharSequence)}; throws its {@code DateTimeParseException}. */
  static OffsetDateTime parse(String text) {
    OffsetDateTime fast = common(text);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  /** The common shape read directly, or null when the text is anything else (the library decides then). */
  static OffsetDateTime common(String s) {
    int len = s.length();
    if (len < MIN_LENGTH || len > MAX_LENGTH
        || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    int pos = 19;
    int nanos = 0;
    if (s.charAt(pos) == '.') {
      int start = ++pos;
      while (pos < len && pos - start < 9 && isDigit(s.charAt(pos))) {
        nanos = nanos * 10 + (s.charAt(pos) - '0');
        pos++;
      }
      int count = pos - start;
      if (count == 0) {
        return null; // "ss." with no digit: the library's business
      }
      nanos *= NANO_SCALE[count];
    }
    ZoneOffset offset = offset(s, pos);
    if (offset == null) {
      return null;
    }
    return OffsetDateTime.of(LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nanos)), offset);
  }

  /** {@code Z}, or {@code ±hh:mm} with hours below 18, ending the text; otherwise null. */
  private static ZoneOffset offset(String s, int pos) {
    int rest = s.length() - pos;
    if (rest == 1) {
      return s.charAt(pos) == 'Z' ? ZoneOffset.UTC : null;
    }
    if (rest != 6) {
      return null;
    }
    char sign = s.charAt(pos);
    if ((sign != '+' && sign != '-') || s.charAt(pos + 3) != ':') {
      return null;
    }
    int hours = digits(s, pos + 1, 2);
    int minutes = digits(s, pos + 4, 2);
    if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
      return null;
    }
    int total = hours * 3600 + minutes * 60;
    return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 when any is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
