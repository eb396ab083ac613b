package dev.chainbreaker.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EventTime} must behave exactly as {@link OffsetDateTime#parse}: same value, same rejection, same message. */
class EventTimeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-11-01T08:00:00+08:00", "2020-09-04T20:51:07+08:00", "2026-11-01T08:00:00Z", "2026-11-01T08:00:00.5Z",
      "2026-11-01T08:00:00.123-05:30", "2026-11-01T08:00:00.123456789+00:00", "2024-02-29T23:59:59-17:59",
      "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999+17:00", "1969-12-31T23:59:59.999-00:00"})
  void theCommonShapeIsReadByTheFastPathWithTheLibrarysValue(String text) {
    OffsetDateTime fast = EventTime.common(text);
    assertNotNull(fast, "the fast path must take " + text);
    assertEquals(OffsetDateTime.parse(text), fast);
    assertEquals(OffsetDateTime.parse(text).getOffset(), fast.getOffset());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-11-01t08:00:00+08:00", "2026-11-01T08:00:00z", "2026-11-01T08:00+08:00", "2026-11-01T08:00:00+0800",
      "2026-11-01T08:00:00+08", "2026-11-01T08:00:00.+08:00", "2026-11-01T08:00:00+18:00", "2026-11-01T08:00:00-18:00",
      "+12026-11-01T08:00:00Z", "2026-11-01T08:00:00+08:00:00", "2026-11-01T08:00:00.1234567891Z"})
  void everyOtherShapeIsLeftToTheLibrary(String text) {
    assertNull(EventTime.common(text), text);
    assertSameAsLibrary(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "yesterday", "2026-02-29T10:00:00+08:00", "2023-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z",
      "2026-00-01T10:00:00Z", "2026-01-00T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:60Z",
      "2026-01-01T10:00:00", "2026-01-01T10:00:00+19:00", "2026-01-01T10:00:00+08:60", "2026-01-01T10:00:00+18:30",
      "2026-01-01 10:00:00+08:00", "2026-01-01T10:00:00.Z", "2026-1-01T10:00:00Z", "2026-01-01T10:00:00+08:00 ",
      " 2026-01-01T10:00:00+08:00", "2026-01-01T10:00:00.1234567890+08:00", "2026-01-01T10:00:00Zx", "２026-01-01T10:00:00Z"})
  void invalidTextIsRejectedWithTheLibrarysException(String text) {
    assertSameAsLibrary(text);
  }

  /** Random texts near the common shape: every one must parse (or fail) exactly as the library does. */
  @Test
  void randomTextsNearTheCommonShapeBehaveAsTheLibrary() {
    SplittableRandom r = new SplittableRandom(20261101);
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      String text = mutate(r, validText(r));
      assertSameAsLibrary(text);
      if (EventTime.common(text) != null) {
        fast++;
      }
    }
    // the generator is mostly valid texts: the fast path must actually be taken, not just fall back
    assertEquals(true, fast > 40_000, "fast path taken " + fast + " times");
  }

  private static void assertSameAsLibrary(String text) {
    OffsetDateTime expected;
    try {
      expected = OffsetDateTime.parse(text);
    } catch (DateTimeParseException libraryError) {
      try {
        OffsetDateTime got = EventTime.parse(text);
        fail("'" + text + "' was accepted as " + got + " but the library rejects it: " + libraryError.getMessage());
      } catch (DateTimeParseException e) {
        assertEquals(libraryError.getMessage(), e.getMessage(), text);
        assertEquals(libraryError.getErrorIndex(), e.getErrorIndex(), text);
      }
      return;
    }
    OffsetDateTime got = EventTime.parse(text);
    assertEquals(expected, got, text);
    assertEquals(expected.toInstant().toEpochMilli(), got.toInstant().toEpochMilli(), text);
    assertEquals(expected.getOffset().getTotalSeconds(), got.getOffset().getTotalSeconds(), text);
  }

  /** A text in the common shape with random (sometimes out-of-range) fields, fraction and offset. */
  private static String validText(SplittableRandom r) {
    StringBuilder sb = new StringBuilder(40);
    int year = r.nextInt(10) == 0 ? r.nextInt(10_000) : 1960 + r.nextInt(80);
    sb.append(pad(year, 4)).append('-').append(pad(r.nextInt(10) == 0 ? r.nextInt(100) : 1 + r.nextInt(12), 2))
        .append('-').append(pad(r.nextInt(10) == 0 ? r.nextInt(100) : 1 + r.nextInt(31), 2))
        .append('T').append(pad(r.nextInt(10) == 0 ? r.nextInt(100) : r.nextInt(24), 2))
        .append(':').append(pad(r.nextInt(10) == 0 ? r.nextInt(100) : r.nextInt(60), 2))
        .append(':').append(pad(r.nextInt(10) == 0 ? r.nextInt(100) : r.nextInt(60), 2));
    if (r.nextInt(3) == 0) {
      sb.append('.');
      int digits = r.nextInt(12);
      for (int i = 0; i < digits; i++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
    }
    switch (r.nextInt(6)) {
      case 0 -> sb.append('Z');
      case 1 -> sb.append(r.nextBoolean() ? 'z' : 'Z');
      default -> sb.append(r.nextBoolean() ? '+' : '-').append(pad(r.nextInt(8) == 0 ? r.nextInt(100) : r.nextInt(19), 2))
          .append(':').append(pad(r.nextInt(8) == 0 ? r.nextInt(100) : r.nextInt(4) * 15, 2));
    }
    return sb.toString();
  }

  /** Usually unchanged; otherwise one character replaced, removed or inserted, or the text cut. */
  private static String mutate(SplittableRandom r, String s) {
    int pick = r.nextInt(8);
    if (pick > 3 || s.isEmpty()) {
      return s;
    }
    String alphabet = "0123456789-:+.TtZz x";
    int at = r.nextInt(s.length());
    char c = alphabet.charAt(r.nextInt(alphabet.length()));
    return switch (pick) {
      case 0 -> s.substring(0, at) + c + s.substring(at + 1);
      case 1 -> s.substring(0, at) + s.substring(at + 1);
      case 2 -> s.substring(0, at) + c + s.substring(at);
      default -> s.substring(0, at);
    };
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }
}
