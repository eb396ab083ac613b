package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.server.load.SyntheticEvents;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: whatever is posted (valid events, retries, events with a field dropped or replaced by
 * junk, truncated or garbled JSON, mixed batches, wrong content types), the server never answers
 * 5xx, every acknowledged event stays stored with the decision it was acknowledged with, and
 * nothing else is stored. A small seeded generator (reproduce with the seed in the message).
 */
class RandomInputPropertyTest {
  static final String ADMIN = "prop-admin-key-0123456789";
  static final long SEED = Long.getLong("chainbreaker.property.seed", 20261201L);
  static final int REQUESTS = Integer.getInteger("chainbreaker.property.requests", 1500);

  @TempDir
  Path data;

  private final Random random = new Random(SEED);
  private final Engine local = Engine.builder().build(); // only its codec: which posted events are valid

  @Test
  void noServerErrorsAndNoLostAcknowledgements() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withData(data);
    try (Server server = Server.start(config, Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN), new PrintStream(OutputStream.nullOutputStream()), System.err)) {
      TestClient client = new TestClient(server.port());
      SyntheticEvents gen = new SyntheticEvents(SEED, "prop", 300);
      Map<String, JsonNode> acked = new HashMap<>(); // dedup key → first acknowledged decision
      Map<String, String> ackedEvent = new HashMap<>();
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        boolean batch = random.nextInt(4) == 0;
        List<String> events = new ArrayList<>();
        int n = batch ? 1 + random.nextInt(6) : 1;
        for (int j = 0; j < n; j++) {
          String e = random.nextInt(6) == 0 && !sent.isEmpty() ? sent.get(random.nextInt(sent.size())) : gen.next();
          events.add(random.nextInt(3) == 0 ? mutate(e) : e);
        }
        String body = batch ? "[" + String.join(",", events) + "]" : events.get(0);
        String type = switch (random.nextInt(10)) {
          case 0 -> "text/plain";
          case 1 -> null;
          case 2 -> "application/cloudevents+json";
          default -> batch ? "application/cloudevents-batch+json" : "application/json";
        };
        HttpResponse<String> r = client.send("POST", "/v1/events", ADMIN, type, body);
        String context = "seed " + SEED + ", request " + i + ": " + r.statusCode() + " " + r.body() + " for " + body;
        assertTrue(r.statusCode() < 500, context);
        if (r.statusCode() != 200) {
          assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), context);
          assertTrue(TestClient.json(r).has("field"), context);
          continue;
        }
        JsonNode answer = TestClient.json(r);
        for (int j = 0; j < n; j++) {
          String e = events.get(j);
          Event parsed = local.codec().parse(e); // the server accepted it, so it parses
          JsonNode decision = batch ? answer.get(j) : answer;
          JsonNode first = acked.putIfAbsent(parsed.dedupKey(), decision);
          if (first != null) {
            assertEquals(first, decision, "a retry answers with the first decision; " + context);
          } else {
            ackedEvent.put(parsed.dedupKey(), e);
          }
          sent.add(e);
        }
      }
      // every acknowledged event is stored, once, with its decision
      assertEquals(acked.size(), server.ledger().store().lastSequence(), "stored events = distinct acknowledged events");
      for (Map.Entry<String, JsonNode> a : acked.entrySet()) {
        assertEquals(a.getValue(), TestClient.JSON.readTree(server.ledger().store().decision(a.getKey()).json()), ackedEvent.get(a.getKey()));
      }
      assertTrue(acked.size() > REQUESTS / 3, "the generator produced enough valid events: " + acked.size());
    }
  }

  /** One random corruption of a valid event. */
  private String mutate(String event) {
    switch (random.nextInt(7)) {
      case 0 -> {
        return event.substring(0, random.nextInt(event.length())); // truncated
      }
      case 1 -> {
        char[] c = event.toCharArray();
        String specials = "{}[]\",:\\x\u0000é中\uD800";
        c[random.nextInt(c.length)] = specials.charAt(random.nextInt(specials.length()));
        return new String(c);
      }
      case 2 -> {
        return junk();
      }
      default -> {
        ObjectNode o = (ObjectNode) TestClient.JSON.readTree(event);
        ObjectNode target = random.nextBoolean() && o.get("data") instanceof ObjectNode d ? d : o;
        List<String> names = new ArrayList<>(target.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        if (random.nextInt(3) == 0) {
          target.remove(name);
        } else {
          target.set(name, junkNode());
        }
        return o.toString();
      }
    }
  }

  private JsonNode junkNode() {
    return switch (random.nextInt(9)) {
      case 0 -> TestClient.JSON.getNodeFactory().nullNode();
      case 1 -> TestClient.JSON.getNodeFactory().numberNode(random.nextLong());
      case 2 -> TestClient.JSON.getNodeFactory().numberNode(random.nextDouble() * 1e300);
      case 3 -> TestClient.JSON.getNodeFactory().booleanNode(random.nextBoolean());
      case 4 -> TestClient.JSON.createArrayNode().add(1).add("x");
      case 5 -> TestClient.JSON.createObjectNode().put("a", 1);
      case 6 -> TestClient.JSON.getNodeFactory().stringNode("x".repeat(random.nextInt(70_000)));
      case 7 -> TestClient.JSON.getNodeFactory().stringNode("+86 138 " + random.nextInt(10_000_000));
      default -> TestClient.JSON.getNodeFactory().stringNode(junk());
    };
  }

  private String junk() {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(40);
    for (int i = 0; i < n; i++) {
      sb.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
    }
    return sb.toString();
  }
}
