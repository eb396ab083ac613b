package dev.chainbreaker.core;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
  private static final String V = "+8613800000021";
  private static final String OTHER = "+8617100000021";

  private final Engine engine = Engine.builder().build();

  private Decision send(String json) {
    return engine.decide(engine.codec().parse(json));
  }

  /** The victim's line: an old account on her ID, a card, then a takeover. */
  private void takeOver() {
    send(event("v1", "/bank/boc", "account.created", "2021-04-10T14:22:31+08:00", V,
        "{\"account\":\"boc-1\",\"idNumber\":\"330106199704091686\",\"realNameVerification\":\"face\"}"));
    send(event("v2", "/payment/wx", "card.bound", "2024-09-02T19:42:10+08:00", V,
        "{\"account\":\"wx-1\",\"card\":\"6217850000010601370\",\"quickBind\":false,\"checks\":[\"cvv\",\"sms_otp\"]}"));
    send(event("v3", "/telecom/zj", "telecom.device.changed", "2024-10-16T20:40:51+08:00", V, "{\"imei\":\"862142075301488\"}"));
    send(event("v4", "/gov/app", "account.login", "2024-10-16T20:46:02+08:00", V,
        "{\"account\":\"g-1\",\"verification\":\"sms_otp\",\"newDevice\":true}"));
    send(event("v5", "/gov/app", "identity.data.viewed", "2024-10-16T20:50:29+08:00", V, "{\"account\":\"g-1\",\"fields\":[\"id_number\",\"bank_card\"]}"));
    Decision d = send(event("v6", "/telecom/zj", "telecom.service_password.reset", "2024-10-16T20:58:40+08:00", V,
        "{\"channel\":\"hotline\",\"verification\":\"sms_otp\"}"));
    assertEquals(SubjectState.COMPROMISED, d.subjectState());
    assertEquals(Outcome.DENY, d.decision());
    assertEquals("line.taken_over", d.reasons().get(0).code());
    assertTrue(d.reasons().get(0).evidence().containsAll(List.of("v3", "v4", "v5", "v6")), d.reasons().toString());
  }

  @Test
  void riskPropagatesFromATakenOverLineToItsIdentityOnAnotherPhone() {
    takeOver();
    Decision account = send(event("t1", "/lender/l", "account.created", "2024-10-16T21:20:15+08:00", OTHER,
        "{\"account\":\"l-1\",\"idNumber\":\"330106199704091686\",\"realNameVerification\":\"bank_card\"}"));
    assertEquals(Outcome.DENY, account.decision());
    assertEquals("identity.at_risk", account.reasons().get(0).code());
    assertTrue(account.reasons().get(0).evidence().contains("v6"), "the taken-over line's chain is the evidence");
    assertEquals(SubjectState.NORMAL, account.subjectState(), "the other phone's own line is not taken over");

    Decision loan = send(event("t2", "/lender/m", "loan.applied", "2024-10-16T21:30:21+08:00", OTHER,
        "{\"account\":\"m-1\",\"amount\":\"20000.00\",\"currency\":\"CNY\",\"disburseTo\":\"6217850000010601370\"}"));
    assertEquals(Outcome.DENY, loan.decision());
    assertEquals("identity.card_at_risk", loan.reasons().get(0).code());
  }

  @Test
  void aReadOfThePhoneStateIsACopyThatLaterEventsDoNotChange() {
    send(event("c1", "/telecom/zj", "telecom.loss.reported", "2024-10-16T20:00:00+08:00", V, "{\"channel\":\"hotline\"}"));
    var before = engine.state(V);
    assertEquals(SubjectState.WATCH, before.state());
    takeOver();
    assertEquals(SubjectState.COMPROMISED, engine.state(V).state());
    assertEquals(SubjectState.WATCH, before.state(), "the copy read earlier is not the live state");
    assertArrayEquals(engine.encodeState(V), engine.stateCodec().encode(engine.state(V)), "the copy is the whole state");
  }

  @Test
  void anUnrelatedIdentityOnAnotherPhoneIsNotTouched() {
    takeOver();
    Decision d = send(event("u1", "/lender/l", "account.created", "2024-10-16T21:20:15+08:00", OTHER,
        "{\"account\":\"l-2\",\"idNumber\":\"110101199003077777\",\"realNameVerification\":\"face\"}"));
    assertEquals(Outcome.ALLOW, d.decision());
  }

  @Test
  void aRetryReturnsTheFirstDecisionAndCountsNothingTwice() {
    String loss = event("r1", "/telecom/zj", "telecom.loss.reported", "2024-10-16T20:00:00+08:00", V, "{\"channel\":\"hotline\"}");
    String cancel = event("r2", "/telecom/zj", "telecom.loss.cancelled", "2024-10-16T20:10:00+08:00", V,
        "{\"channel\":\"ivr\",\"verification\":\"service_password\"}");
    send(loss);
    Decision first = send(cancel);
    for (int i = 0; i < 5; i++) {
      assertSame(first, send(cancel));
    }
    // Had the retries counted, "report, cancel, report" would now be a fight.
    assertEquals(SubjectState.WATCH, engine.stateOf(V));
  }

  @Test
  void protectiveActsAreAlwaysAllowedEvenOnACompromisedLine() {
    takeOver();
    for (String json : List.of(
        event("p1", "/telecom/zj", "telecom.loss.reported", "2024-10-16T21:00:00+08:00", V, "{\"channel\":\"hotline\"}"),
        event("p2", "/bank/boc", "card.frozen", "2024-10-16T21:01:00+08:00", V, "{\"card\":\"6217850000010601370\"}"),
        event("p3", "/telecom/zj", "telecom.sms.disabled", "2024-10-16T21:02:00+08:00", V, "{\"channel\":\"web\"}"),
        event("p4", "/antifraud/hz", "owner.phone.reported_stolen", "2024-10-16T21:03:00+08:00", V, "{}"))) {
      assertEquals(Outcome.ALLOW, send(json).decision(), json);
    }
  }

  @Test
  void neverAsksForAnSmsCodeOnceTheLineIsExposed() {
    send(event("n1", "/telecom/zj", "telecom.device.changed", "2024-10-16T20:40:51+08:00", V, "{\"imei\":\"1\"}"));
    send(event("n1a", "/gov/app", "account.login", "2024-10-16T20:42:00+08:00", V,
        "{\"account\":\"g\",\"verification\":\"sms_otp\",\"newDevice\":true}"));
    send(event("n1b", "/gov/app", "identity.data.viewed", "2024-10-16T20:44:00+08:00", V, "{\"account\":\"g\",\"fields\":[\"id_number\"]}"));
    Decision d = send(event("n2", "/shop/x".replace("/shop", "/merchant"), "account.password.reset", "2024-10-16T20:50:00+08:00", V,
        "{\"account\":\"s\",\"verification\":\"sms_otp\"}"));
    assertEquals(Outcome.CHALLENGE, d.decision());
    assertFalse(d.requiredVerification().contains("sms_otp"));
    assertFalse(d.requiredVerification().isEmpty());
  }

  @Test
  void stateIsBoundedAndSmall() {
    takeOver();
    byte[] bytes = engine.encodeState(V);
    assertTrue(bytes.length < 512, "state of a compromised phone: " + bytes.length + " bytes");
  }
}
