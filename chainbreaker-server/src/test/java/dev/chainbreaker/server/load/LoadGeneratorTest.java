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
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/v1/events", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
      served.incrementAndGet();
    });
    stub.start();
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
}
