package dev.chainbreaker.server.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NullServerTest {
  /** The floor answers as serve does in shape: a JSON array with one decision per posted event. */
  @Test
  void answersOneDecisionPerEvent() throws Exception {
    Javalin app = NullServer.start(0);
    try {
      SyntheticEvents gen = new SyntheticEvents(3, "t", 100);
      List<String> events = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        events.add(gen.next());
      }
      HttpClient http = HttpClient.newHttpClient();
      for (String body : List.of(SyntheticEvents.batch(events), events.get(0))) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/events"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        JsonNode answer = JsonMapper.builder().build().readTree(r.body());
        assertEquals(body.startsWith("[") ? 20 : 1, answer.size());
        assertEquals("ALLOW", answer.get(0).get("decision").stringValue());
      }
    } finally {
      app.stop();
    }
  }

  /** The load generator against the floor: every request answered, none an error. */
  @Test
  void loadGeneratorRunsAgainstIt() throws Exception {
    Javalin app = NullServer.start(0);
    try {
      URI url = URI.create("http://127.0.0.1:" + app.port());
      LoadGenerator.Result r = new LoadGenerator(new LoadGenerator.Options(url, "k", 50, 1, 0, 2, 20, 100, 7L, null)).run();
      assertEquals(0, r.errors());
      assertEquals(50, r.requests());
    } finally {
      app.stop();
    }
  }

  @Test
  void countsEventsByTheirSpecversionMember() {
    assertEquals(0, NullServer.events("[]".getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, NullServer.events("[{\"specversion\":\"1.0\"},{\"specversion\":\"1.0\"}]".getBytes(StandardCharsets.UTF_8)));
    assertEquals("[]", new String(NullServer.answer(0), StandardCharsets.US_ASCII));
  }

  /** {@code --work-us} is CPU time the request thread really spends, measured on its own clock. */
  @Test
  void spinBurnsAtLeastTheAskedCpuTime() {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadCpuTime();
    NullServer.spin(20_000_000L);
    long spent = threads.getCurrentThreadCpuTime() - before;
    org.junit.jupiter.api.Assertions.assertTrue(spent >= 20_000_000L, "spent " + spent + " ns of CPU");
    org.junit.jupiter.api.Assertions.assertTrue(spent < 2_000_000_000L, "spent " + spent + " ns of CPU");
  }
}
