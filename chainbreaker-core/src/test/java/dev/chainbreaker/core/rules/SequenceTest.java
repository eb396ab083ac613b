package dev.chainbreaker.core.rules;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.SubjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "A, then B within T": order, window, out-of-order arrival, evidence. */
class SequenceTest {
  private static final String PACK = """
      pack: seq-test
      version: "1"
      signals:
        - name: a
          on: [telecom.device.changed]
        - name: b
          on: [telecom.service_password.reset]
        - name: c
          on: [telecom.loss.cancelled]
      sequences:
        - name: a_then_b_then_c
          steps: [a, b, c]
          within: 1h
      transitions:
        - name: seen
          to: COMPROMISED
          when: fired.a_then_b_then_c
          reason: {code: seq.matched, en: matched, zh: 匹配}
      rules:
        - name: deny.after
          on: [telecom.loss.cancelled, telecom.service_password.reset, telecom.device.changed]
          when: state == "COMPROMISED"
          decision: DENY
          risk: HIGH
          reason: {code: seq.deny, en: denied, zh: 拒绝}
      """;

  private static String a(String id, String time) {
    return event(id, "/telecom/t", "telecom.device.changed", time, "+8613800000009", "{\"imei\":\"1\"}");
  }

  private static String b(String id, String time) {
    return event(id, "/telecom/t", "telecom.service_password.reset", time, "+8613800000009", "{\"channel\":\"hotline\",\"verification\":\"sms_otp\"}");
  }

  private static String c(String id, String time) {
    return event(id, "/telecom/t", "telecom.loss.cancelled", time, "+8613800000009", "{\"channel\":\"ivr\",\"verification\":\"service_password\"}");
  }

  private static List<Decision> run(String... lines) {
    Engine engine = Engine.builder().rules(RulePackLoader.load(PACK)).build();
    return java.util.Arrays.stream(lines).map(l -> engine.decide(engine.codec().parse(l))).toList();
  }

  @Test
  void matchesInOrderWithinTheWindowAndNamesEveryStep() {
    List<Decision> d = run(a("1", "2024-01-01T10:00:00+08:00"), b("2", "2024-01-01T10:20:00+08:00"), c("3", "2024-01-01T10:40:00+08:00"));
    assertEquals(SubjectState.NORMAL, d.get(1).subjectState());
    assertEquals(SubjectState.COMPROMISED, d.get(2).subjectState());
    assertEquals(Outcome.DENY, d.get(2).decision());
    assertEquals("seq.matched", d.get(2).reasons().get(0).code());
    assertEquals(List.of("1", "2", "3"), d.get(2).reasons().get(0).evidence());
  }

  @Test
  void theWrongOrderDoesNotMatch() {
    List<Decision> d = run(b("2", "2024-01-01T10:00:00+08:00"), a("1", "2024-01-01T10:20:00+08:00"), c("3", "2024-01-01T10:40:00+08:00"));
    assertEquals(SubjectState.NORMAL, d.get(2).subjectState());
  }

  @Test
  void outsideTheWindowDoesNotMatch() {
    List<Decision> d = run(a("1", "2024-01-01T10:00:00+08:00"), b("2", "2024-01-01T10:30:00+08:00"), c("3", "2024-01-01T11:01:00+08:00"));
    assertEquals(SubjectState.NORMAL, d.get(2).subjectState());
  }

  @Test
  void aLateEventCompletesTheChainInEventTime() {
    // b and c arrive first; a (earlier in event time) arrives last and completes a → b → c.
    List<Decision> d = run(b("2", "2024-01-01T10:20:00+08:00"), c("3", "2024-01-01T10:40:00+08:00"), a("1", "2024-01-01T10:00:00+08:00"));
    assertEquals(SubjectState.NORMAL, d.get(1).subjectState());
    assertEquals(SubjectState.COMPROMISED, d.get(2).subjectState());
    assertEquals(List.of("1", "2", "3"), d.get(2).reasons().get(0).evidence());
  }
}
