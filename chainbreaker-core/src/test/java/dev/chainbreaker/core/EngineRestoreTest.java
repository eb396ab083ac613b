package dev.chainbreaker.core;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.replay.Replay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An engine rebuilt from what a host stores after each event (every phone's encoded state and the
 * identity-graph nodes the event changed) decides every later event exactly as the engine that never
 * stopped: what lets the embedded server restart by loading instead of replaying its log.
 */
class EngineRestoreTest {
  private static final Sensitive SECRET = new Sensitive("restore-test-secret-0123456789ab".getBytes(StandardCharsets.UTF_8));

  /** What a store holds after each event: each phone's latest state, each node's latest encoding. */
  private static final class Stored {
    final Map<String, byte[]> states = new TreeMap<>();
    final Map<Long, byte[]> nodes = new TreeMap<>();

    Decision decide(Engine engine, Event e) {
      Decision d = engine.decide(e);
      states.put(e.subject(), engine.encodeState(e.subject()));
      engine.drainGraphChanges(nodes::put);
      return d;
    }

    Engine restore() {
      Engine e = newEngine();
      states.forEach(e::restoreState);
      nodes.values().forEach(e::restoreEntity);
      return e;
    }
  }

  private static Engine newEngine() {
    return Engine.builder().sensitive(SECRET).recordGraphChanges().build();
  }

  @Test
  void aRestoredEngineDecidesEveryLaterEventAsTheOneThatNeverStopped() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Fixtures.variants())) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    List<Event> events = new ArrayList<>();
    for (Path f : files) {
      events.addAll(Replay.read(newEngine(), f));
    }
    assertTrue(events.size() > 100, "variants read: " + events.size());
    for (int cut : new int[] {1, events.size() / 3, events.size() / 2, events.size() - 5}) {
      Engine original = newEngine();
      Stored stored = new Stored();
      for (Event e : events.subList(0, cut)) {
        stored.decide(original, e);
      }
      Engine restored = stored.restore();
      for (Event e : events.subList(cut, events.size())) {
        assertEquals(DecisionJson.toJson(stored.decide(original, e)), DecisionJson.toJson(restored.decide(e)),
            "after a restart at event " + cut + ": " + e.id());
      }
      Map<Long, String> want = encodedNodes(original);
      Map<Long, String> got = encodedNodes(restored);
      assertTrue(want.equals(got), "the same graph at the end of a restart at " + cut + ": " + want.size() + " nodes against "
          + got.size() + ", " + want.entrySet().stream().filter(en -> !en.getValue().equals(got.get(en.getKey()))).count() + " differ");
      for (String phone : new TreeSet<>(stored.states.keySet())) {
        assertArrayEquals(original.encodeState(phone), restored.encodeState(phone), phone);
      }
    }
  }

  @Test
  void aTakenOverLinesIdentityStaysAtRiskOnAnotherPhoneAfterARestart() {
    String victim = "+8613800000021";
    String other = "+8617100000021";
    Engine original = newEngine();
    Stored stored = new Stored();
    List<String> takeover = List.of(
        event("v1", "/bank/boc", "account.created", "2021-04-10T14:22:31+08:00", victim,
            "{\"account\":\"boc-1\",\"idNumber\":\"330106199704091686\",\"realNameVerification\":\"face\"}"),
        event("v2", "/payment/wx", "card.bound", "2024-09-02T19:42:10+08:00", victim,
            "{\"account\":\"wx-1\",\"card\":\"6217850000010601370\",\"quickBind\":false,\"checks\":[\"cvv\",\"sms_otp\"]}"),
        event("v3", "/telecom/zj", "telecom.device.changed", "2024-10-16T20:40:51+08:00", victim, "{\"imei\":\"862142075301488\"}"),
        event("v4", "/gov/app", "account.login", "2024-10-16T20:46:02+08:00", victim,
            "{\"account\":\"g-1\",\"verification\":\"sms_otp\",\"newDevice\":true}"),
        event("v5", "/gov/app", "identity.data.viewed", "2024-10-16T20:50:29+08:00", victim,
            "{\"account\":\"g-1\",\"fields\":[\"id_number\",\"bank_card\"]}"),
        event("v6", "/telecom/zj", "telecom.service_password.reset", "2024-10-16T20:58:40+08:00", victim,
            "{\"channel\":\"hotline\",\"verification\":\"sms_otp\"}"));
    for (String json : takeover) {
      stored.decide(original, original.codec().parse(json));
    }
    Engine restored = stored.restore();
    Decision account = restored.decide(restored.codec().parse(event("t1", "/lender/l", "account.created",
        "2024-10-16T21:20:15+08:00", other,
        "{\"account\":\"l-1\",\"idNumber\":\"330106199704091686\",\"realNameVerification\":\"bank_card\"}")));
    assertEquals(Outcome.DENY, account.decision(), account.toString());
    assertEquals("identity.at_risk", account.reasons().get(0).code());
    assertTrue(account.reasons().get(0).evidence().contains("v6"), "the taken-over line's chain is still the evidence");
  }

  private static Map<Long, String> encodedNodes(Engine e) {
    Map<Long, String> out = new TreeMap<>();
    e.forEachEncodedEntity((hash, bytes) -> out.put(hash, java.util.HexFormat.of().formatHex(bytes)));
    return out;
  }
}
