package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.server.load.SyntheticEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 under load: the server runs as its own JVM, four clients post singles and batches, the
 * process is killed with SIGKILL mid-stream, and a restart on the same data directory must load the
 * stored state, hold every acknowledged event with the decision that was acknowledged, and go on
 * deciding; killed again, a start that replays the whole log must rebuild exactly the decisions,
 * phone states and identity graph that were stored.
 */
class CrashRecoveryTest {
  static final String ADMIN = "crash-admin-key-0123456789";
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir
  Path data;

  record Running(Process process, int port) {}

  private Running start(String durability) throws IOException {
    return start(durability, "load");
  }

  private Running start(String durability, String recovery) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.chainbreaker.server.Main",
        "serve", "--port", "0", "--data", data.toString());
    pb.environment().put("CHAINBREAKER_ADMIN_KEY", ADMIN);
    pb.environment().put("CHAINBREAKER_DURABILITY", durability);
    pb.environment().put("CHAINBREAKER_RECOVERY", recovery);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // keep the pipe empty
            }
          } catch (IOException e) {
            // the process is gone
          }
        });
        drain.setDaemon(true);
        drain.start();
        return new Running(p, Integer.parseInt(m.group(1)));
      }
    }
    p.destroyForcibly();
    throw new AssertionError("the server did not start");
  }

  @ParameterizedTest
  @ValueSource(strings = {"process-crash", "power-loss"})
  void acknowledgedEventsSurviveKillDashNine(String durability) throws Exception {
    Running first = start(durability);
    TestClient client = new TestClient(first.port());
    String ingest = TestClient.json(client.postJson("/v1/keys", ADMIN, "{\"role\":\"ingest\",\"name\":\"crash\"}")).get("key").asString();

    Map<String, String> acked = new ConcurrentHashMap<>(); // event JSON → acknowledged decision JSON
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        SyntheticEvents gen = new SyntheticEvents(100 + id, "crash" + id, 200);
        java.util.Random r = new java.util.Random(id);
        while (!stop.get()) {
          int n = 1 + (r.nextBoolean() ? 0 : r.nextInt(8));
          List<String> events = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            events.add(gen.next());
          }
          try {
            HttpResponse<String> resp = n == 1
                ? client.send("POST", "/v1/events", ingest, "application/cloudevents+json", events.get(0))
                : client.send("POST", "/v1/events", ingest, "application/cloudevents-batch+json", SyntheticEvents.batch(events));
            if (resp.statusCode() == 200) {
              JsonNode body = TestClient.json(resp);
              for (int i = 0; i < n; i++) {
                acked.put(events.get(i), (n == 1 ? body : body.get(i)).toString());
              }
            }
          } catch (RuntimeException e) {
            // the server was killed: this request is not acknowledged
          }
        }
      });
      th.start();
      clients.add(th);
    }
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
    while (System.nanoTime() < until || acked.size() < 200) {
      Thread.sleep(50);
    }
    first.process().destroyForcibly(); // SIGKILL, mid-stream
    first.process().waitFor(30, TimeUnit.SECONDS);
    stop.set(true);
    for (Thread th : clients) {
      th.join(60_000);
    }
    assertTrue(acked.size() >= 200, "load ran: " + acked.size());

    Running second = start(durability);
    try {
      TestClient again = new TestClient(second.port());
      JsonNode health = TestClient.json(again.get("/healthz", null));
      assertEquals("loaded", health.get("recovery").get("mode").asString(), "a restart loads the stored state: " + health);
      long stored = health.get("events").asLong();
      assertTrue(stored >= acked.size(), "every acknowledged event is stored: " + stored + " < " + acked.size());
      // every acknowledged event is there with its decision: re-posting it is a retry with the same answer
      List<Map.Entry<String, String>> all = new ArrayList<>(acked.entrySet());
      for (int i = 0; i < all.size(); i += 500) {
        List<Map.Entry<String, String>> chunk = all.subList(i, Math.min(all.size(), i + 500));
        HttpResponse<String> r = again.send("POST", "/v1/events", ingest, "application/cloudevents-batch+json",
            SyntheticEvents.batch(chunk.stream().map(Map.Entry::getKey).toList()));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answers = TestClient.json(r);
        for (int j = 0; j < chunk.size(); j++) {
          assertEquals(TestClient.JSON.readTree(chunk.get(j).getValue()), answers.get(j), "decision of " + chunk.get(j).getKey());
        }
      }
      assertEquals(stored, TestClient.json(again.get("/healthz", null)).get("events").asLong(), "retries add nothing");
      // and decisions go on where they stopped
      assertEquals(200, again.postJson("/v1/events", ingest, new SyntheticEvents(999, "after", 10).next()).statusCode());
      assertEquals(stored + 1, TestClient.json(again.get("/healthz", null)).get("events").asLong());
    } finally {
      second.process().destroyForcibly();
      second.process().waitFor(30, TimeUnit.SECONDS);
    }

    // Replaying the whole log rebuilds exactly the decisions, phone states and identity graph stored.
    Running third = start(durability, "replay");
    try {
      JsonNode health = TestClient.json(new TestClient(third.port()).get("/healthz", null));
      JsonNode recovery = health.get("recovery");
      assertEquals("replayed", recovery.get("mode").asString(), health.toString());
      assertTrue(recovery.get("events").asLong() > acked.size(), health.toString());
      assertTrue(recovery.get("graphCompared").asBoolean(), health.toString());
      assertEquals(0, recovery.get("decisionMismatches").asLong(), health.toString());
      assertEquals(0, recovery.get("stateMismatches").asLong(), "rebuilt state identical to the stored: " + health);
      assertEquals(0, recovery.get("entityMismatches").asLong(), "rebuilt graph identical to the stored: " + health);
    } finally {
      third.process().destroyForcibly();
      third.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
