package dev.chainbreaker.server.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticEventsTest {
  /** Seeded runs must keep generating the same events, so that load runs stay comparable across builds. */
  @Test
  void paddingMatchesStringFormat() {
    Random r = new Random(5);
    for (int i = 0; i < 100_000; i++) {
      int n = i < 1000 ? i : r.nextInt(Integer.MAX_VALUE);
      assertEquals(String.format(Locale.ROOT, "%08d", n), SyntheticEvents.padded(n, 8));
      assertEquals(String.format(Locale.ROOT, "%02d", n % 100), SyntheticEvents.padded(n % 100, 2));
    }
  }

  @Test
  void sameSeedSameEvents() {
    SyntheticEvents a = new SyntheticEvents(42, "load", 100_000);
    SyntheticEvents b = new SyntheticEvents(42, "load", 100_000);
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.next(), b.next());
    }
    assertEquals("{\"specversion\":\"1.0\",\"id\":\"x-0\"", new SyntheticEvents(1, "x", 10).next().substring(0, 31));
  }

  /** One array, one send: the head, the length of the UTF-8 body in bytes (not chars), the body. */
  @Test
  void requestIsHeadLengthAndBodyInOneArray() {
    byte[] head = "POST /v1/events HTTP/1.1\r\nContent-Length: ".getBytes(StandardCharsets.US_ASCII);
    String body = "{\"text\":\"社保\"}";
    byte[] expected = ("POST /v1/events HTTP/1.1\r\nContent-Length: 17\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, LoadGenerator.request(head, body));
  }
}
