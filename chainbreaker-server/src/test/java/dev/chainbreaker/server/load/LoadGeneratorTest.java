package dev.chainbreaker.server.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadGeneratorTest {
  /**
   * A started stand-in for the events endpoint: hands each request body to {@code onBody}, then answers
   * {@code []}. The body is handed over before the response: once the client has it, the run may end
   * and the test read what was counted.
   */
  static HttpServer stub(java.util.function.Consumer<String> onBody) throws java.io.IOException {
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/v1/events", ex -> {
      onBody.accept(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    stub.start();
    return stub;
  }

  static {
    // the JDK server otherwise leaves Nagle on, and each response waits for the client's delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * The per-second series accounts for every measured request exactly once, one line per second with
   * consecutive wall-clock starts, so that a stall can be looked up in the server's logs by time.
   */
  @Test
  void seriesHasOneLinePerSecondAndCountsEveryMeasuredRequest(@TempDir Path dir) throws Exception {
    AtomicInteger served = new AtomicInteger();
    HttpServer stub = stub(body -> served.incrementAndGet());
    try {
      Path csv = dir.resolve("series.csv");
      URI url = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
      // 100 requests/s (200 events/s in pairs) over 2 connections: 1 s unrecorded, then 2 s measured
      long before = System.currentTimeMillis();
      LoadGenerator.Result r = new LoadGenerator(new LoadGenerator.Options(url, "k", 100, 2, 1, 2, 2, 50, 7L, csv)).run();

      assertEquals(0, r.errors());
      assertEquals(200, r.requests());
      assertEquals(300, served.get(), "the unrecorded second is sent but not measured");
      List<String> lines = Files.readAllLines(csv);
      assertEquals("second,epoch_ms,requests,p50_us,p99_us,max_us", lines.get(0));
      assertEquals(3, lines.size());
      long total = 0;
      long firstStart = Long.parseLong(lines.get(1).split(",")[1]);
      assertTrue(firstStart >= before + 1000 && firstStart <= before + 3000, "the first measured second starts after the unrecorded one");
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        assertEquals(i - 1, Integer.parseInt(f[0]));
        assertEquals(firstStart + (i - 1) * 1000L, Long.parseLong(f[1]));
        total += Long.parseLong(f[2]);
        long p50 = Long.parseLong(f[3]);
        long p99 = Long.parseLong(f[4]);
        long max = Long.parseLong(f[5]);
        assertTrue(0 < p50 && p50 <= p99 && p99 <= max, lines.get(i));
      }
      assertEquals(r.requests(), total);
    } finally {
      stub.stop(0);
    }
  }

  /** A latency due after the last second (a late completion's schedule) is kept in the last line, not dropped. */
  @Test
  void secondsOutsideTheRangeGoToTheNearestLine() {
    LoadGenerator.Seconds s = new LoadGenerator.Seconds(2);
    s.record(0, 1_000_000);
    s.record(5, 2_000_000);
    s.record(-1, 3_000_000);
    String[] lines = s.csv(10_000).split("\n");
    assertEquals(3, lines.length);
    String[] first = lines[1].split(",");
    String[] last = lines[2].split(",");
    assertEquals(List.of("0", "10000", "2"), List.of(first).subList(0, 3));
    assertEquals(List.of("1", "11000", "1"), List.of(last).subList(0, 3));
    // two significant digits: each value within 1% of what was recorded, in µs
    assertEquals(3000, Long.parseLong(first[5]), 30);
    assertEquals(2000, Long.parseLong(last[5]), 20);
  }

  /**
   * With an event file every event is sent exactly once, in file order, after the skipped ones: a
   * warm-up and a measured run that share a file never send each other's events (which the server
   * would answer as retries, at a fraction of the cost).
   */
  @Test
  void eventFileEventsAreSentOnceInOrderAfterTheSkippedOnes(@TempDir Path dir) throws Exception {
    List<String> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    HttpServer stub = stub(bodies::add);
    try {
      Path events = dir.resolve("events.ndjson");
      StringBuilder file = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        file.append("{\"id\":\"e").append(i).append("\"}\n").append(i % 100 == 0 ? "\n" : ""); // blank lines are skipped
      }
      Files.writeString(events, file);
      URI url = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
      // 100 requests/s of 2 events over 2 connections for 1 s measured plus 1 s unrecorded: 400 events after the first 10
      LoadGenerator.Result r = new LoadGenerator(
          new LoadGenerator.Options(url, "k", 100, 1, 1, 2, 2, 50, 7L, null, events, 10)).run();

      assertEquals(0, r.errors());
      List<Integer> sent = new java.util.ArrayList<>();
      for (String body : bodies) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"e(\\d+)\"").matcher(body);
        while (m.find()) {
          sent.add(Integer.parseInt(m.group(1)));
        }
      }
      java.util.Collections.sort(sent);
      assertEquals(400, sent.size());
      for (int i = 0; i < sent.size(); i++) {
        assertEquals(10 + i, sent.get(i), "each event once, none of the skipped ones");
      }
    } finally {
      stub.stop(0);
    }
  }

  /** A run that needs more events than the file holds counts errors instead of wrapping around into retries. */
  @Test
  void anExhaustedEventFileIsAnErrorNotARetry(@TempDir Path dir) throws Exception {
    AtomicInteger served = new AtomicInteger();
    HttpServer stub = stub(body -> served.incrementAndGet());
    try {
      Path events = dir.resolve("events.ndjson");
      Files.writeString(events, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n");
      URI url = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
      LoadGenerator.Result r = new LoadGenerator(
          new LoadGenerator.Options(url, "k", 20, 1, 0, 1, 1, 50, 7L, null, events, 1)).run();

      assertEquals(2, served.get(), "the two events after the skipped one, then nothing more");
      assertEquals(1, r.errors());
      IllegalArgumentException tooShort = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> new LoadGenerator(new LoadGenerator.Options(url, "k", 20, 1, 0, 1, 1, 50, 7L, null, events, 4)));
      assertTrue(tooShort.getMessage().contains("has only 3 events"), tooShort.getMessage());
    } finally {
      stub.stop(0);
    }
  }

  /**
   * The hiccup meter reports how much later than 1 ms its sleeps ended, only inside the measured
   * window: the warm-up's stalls must not count against the measured run.
   */
  @Test
  void hiccupsAreLatenessBeyondTheSleepInsideTheWindow() {
    LoadGenerator.HiccupMeter m = new LoadGenerator.HiccupMeter(1_000_000_000L, 2_000_000_000L);
    m.sample(500_000_000L, 510_000_000L); // before the window: a 9 ms stall not counted
    m.sample(1_000_000_000L, 1_001_100_000L); // 0.1 ms late
    m.sample(1_500_000_000L, 1_506_000_000L); // 5 ms late
    m.sample(1_999_500_000L, 2_000_600_000L); // ends after the window: not counted
    LoadGenerator.Hiccups h = m.result();
    assertEquals(2, h.count());
    assertEquals(1, h.over2ms());
    assertEquals(5_000_000L, h.max(), 5_000_000L / 500);
    assertEquals(5_000_000L, h.p99(), 5_000_000L / 500);
  }
}
