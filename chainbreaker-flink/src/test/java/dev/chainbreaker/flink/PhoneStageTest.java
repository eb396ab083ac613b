package dev.chainbreaker.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventBinary;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.rules.RulePackLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The phone stage alone, in Flink's operator test harness: rule-pack swaps and the state TTL timer. */
class PhoneStageTest {
  static final String BASE = RulePackLoader.defaultPack().source();
  private final Engine parser = Harness.engine();

  private KeyedBroadcastOperatorTestHarness<Long, Envelope, Control, DecisionRecord> harness(long ttlMs) throws Exception {
    KeyedBroadcastOperatorTestHarness<Long, Envelope, Control, DecisionRecord> h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new PhoneStage(BASE, ttlMs), e -> e.phone, Types.LONG, PhoneStage.PACKS, PhoneStage.RISKS);
    h.setProcessingTime(0);
    return h;
  }

  private Envelope envelope(String json) {
    Event e = parser.codec().parse(json);
    return new Envelope(PhoneNumbers.key(e.subject()), e.timeMs(), EventBinary.encode(e));
  }

  private static String frozen(String id) {
    return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/bank/icbc\",\"type\":\"card.frozen\",\"time\":\"2020-09-04T21:35:54+08:00\","
        + "\"subject\":\"+8613800000009\",\"datacontenttype\":\"application/json\",\"data\":{\"card\":\"6212000000000000033\",\"channel\":\"hotline\"}}";
  }

  private static String last(KeyedBroadcastOperatorTestHarness<Long, Envelope, Control, DecisionRecord> h) {
    List<DecisionRecord> out = h.extractOutputValues();
    return out.get(out.size() - 1).json;
  }

  @Test
  void aNewPackSwapsInBetweenEventsAndABadOneIsRefused() throws Exception {
    String v2 = BASE.replace("code: owner.protective_action\n", "code: owner.protective_action_v2\n");
    assertNotEquals(BASE, v2);
    KeyedBroadcastOperatorTestHarness<Long, Envelope, Control, DecisionRecord> h = harness(0);
    try {
      h.processElement(envelope(frozen("f1")), 0);
      assertTrue(last(h).contains("\"code\":\"owner.protective_action\""), last(h));

      h.processBroadcastElement(Control.pack(v2), 0);
      h.processElement(envelope(frozen("f2")), 0);
      assertTrue(last(h).contains("\"code\":\"owner.protective_action_v2\""), last(h));
      assertEquals(v2, h.getBroadcastState(PhoneStage.PACKS).get(PhoneStage.CURRENT), "the pack in force is in (checkpointed) broadcast state");

      h.processBroadcastElement(Control.pack("rules: [ this is not a pack"), 0);
      h.processElement(envelope(frozen("f3")), 0);
      assertTrue(last(h).contains("\"code\":\"owner.protective_action_v2\""), "a bad pack must leave the last good one in force: " + last(h));
    } finally {
      h.close();
    }
  }

  @Test
  void aPhoneSilentForTheTtlStartsAfresh() throws Exception {
    List<String> lines = Files.readAllLines(Harness.shared().resolve("scenarios/seed-stolen-phone.jsonl"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList();
    Engine embedded = Harness.engine();
    KeyedBroadcastOperatorTestHarness<Long, Envelope, Control, DecisionRecord> h = harness(1_000);
    try {
      int i = 0;
      String decided;
      do {
        h.processElement(envelope(lines.get(i)), 0);
        decided = last(h);
        embedded.decide(embedded.codec().parse(lines.get(i)));
        i++;
      } while (!decided.contains("\"subjectState\":\"COMPROMISED\""));
      assertEquals(1, h.numProcessingTimeTimers(), "one TTL timer per phone");
      h.setProcessingTime(30 * 60_000L);
      assertEquals(1, h.numProcessingTimeTimers(), "not yet: the deadline is the TTL after the last event, rounded up to the hour");
      h.setProcessingTime(3 * 3_600_000L);
      assertEquals(0, h.numProcessingTimeTimers());

      // The next event is decided as for a phone never seen, not as the embedded engine (which keeps everything) does.
      String next = lines.get(i);
      h.processElement(envelope(next), 0);
      Event e = parser.codec().parse(next);
      String fresh = DecisionJson.toReplayJson(Harness.engine().decide(e), e);
      String withHistory = DecisionJson.toReplayJson(embedded.decide(embedded.codec().parse(next)), e);
      assertNotNull(fresh);
      assertNotEquals(fresh, withHistory, "the probe event must depend on the phone's history for this test to mean anything");
      assertEquals(fresh, last(h));
    } finally {
      h.close();
    }
  }
}
