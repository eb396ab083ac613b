package dev.chainbreaker.core.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Fixtures;
import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.Reason;
import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.EventType;
import dev.chainbreaker.core.rules.Rule;
import dev.chainbreaker.core.rules.RuleContext;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.core.state.PhoneState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the reasons say is true of the decision they explain: who received the SMS code, whether a
 * phishing text is involved at all, what the fraud text actually is, and which verification the
 * decision requires. Checked on every scenario (shared seeds and our variants) and on the cases the
 * scenarios do not reach.
 */
class ReasonTextTest {
  private static final String SUBJECT = "+8613800000077";

  @TestFactory
  Stream<DynamicTest> sharedScenarios() {
    return ScenarioTests.each(Fixtures.shared().resolve("scenarios"), ReasonTextTest::check);
  }

  @TestFactory
  Stream<DynamicTest> ourVariants() {
    return ScenarioTests.each(Fixtures.variants(), ReasonTextTest::check);
  }

  private static void check(Scenario sc) throws Exception {
    Engine engine = Engine.builder().build();
    boolean phished = false;
    for (Replay.Step s : Replay.run(engine, Replay.read(engine, sc.events()))) {
      Decision d = s.decision();
      String id = sc.name() + " " + s.event().id();
      if (s.event().type() == EventType.MESSAGE_RECEIVED && d.decision() == Outcome.DENY) {
        phished = true;
      }
      for (Reason r : d.reasons()) {
        // 1a: the SMS code reached whoever holds the SIM or the phone, not the cardholder (持卡人 is
        // the card's owner, the victim).
        assertFalse(r.messageZh().contains("持卡人") && r.code().startsWith("line."), id + " " + r.code() + ": " + r.messageZh());
        // 1b: a stolen phone or a moved SIM is no phishing case: a card binding or payment there is
        // not explained by "credentials harvested by a phishing text".
        if (!phished && (s.event().type() == EventType.CARD_BOUND || s.event().type() == EventType.PAYMENT_INITIATED)) {
          assertFalse(r.message().toLowerCase(java.util.Locale.ROOT).contains("phishing"), id + " " + r.code() + ": " + r.message());
          assertFalse(r.messageZh().contains("钓鱼") || r.messageZh().contains("诈骗短信"), id + " " + r.code() + ": " + r.messageZh());
        }
        // 1d: a reason that tells how to confirm names a verification the decision requires, not a
        // face check on a DENY that requires in-person ID.
        if (d.decision() != Outcome.ALLOW) {
          assertVerificationTrue(id, r, d);
        }
      }
    }
  }

  private static void assertVerificationTrue(String id, Reason r, Decision d) {
    String en = r.message().toLowerCase(java.util.Locale.ROOT);
    if (en.contains("by face") || r.messageZh().contains("人脸确认") || r.messageZh().contains("人脸核验")) {
      assertTrue(d.requiredVerification().contains("face"),
          id + " " + d.decision() + " " + d.requiredVerification() + " but " + r.code() + " says: " + r.message() + " / " + r.messageZh());
    }
  }

  /**
   * 1a: the credential-reset refusal says the SMS code reached whoever holds the SIM or phone, and
   * the remote loss-cancellation challenge that whoever has the SIM may be asking: not the
   * cardholder (持卡人), who is the owner.
   */
  @Test
  void theCredentialResetReasonSaysTheCodeWentToWhoeverHoldsTheSimNotTheCardholder() {
    Rule reset = rule("compromised.credential_reset");
    assertEquals("line.credential_reset", reset.reason().code());
    assertTrue(reset.reason().en().contains("whoever holds the SIM"), reset.reason().en());
    assertFalse(reset.reason().zh().contains("持卡人"), reset.reason().zh());
    assertTrue(reset.reason().zh().contains("持有该SIM卡"), reset.reason().zh());
    // the same slip in the remote loss-cancellation challenge: whoever has the SIM may be asking
    Rule undo = rule("watch.undo_loss_report");
    assertTrue(undo.reason().en().contains("whoever has the SIM"), undo.reason().en());
    assertFalse(undo.reason().zh().contains("持卡人"), undo.reason().zh());
    assertTrue(undo.reason().zh().contains("持有该SIM卡"), undo.reason().zh());
  }

  private final Engine engine = Engine.builder().build();

  private Decision send(String id, String source, String type, String time, String data) {
    return engine.decide(engine.codec().parse(Fixtures.event(id, source, type, time, SUBJECT, data)));
  }

  private Decision text(String id, String sender, String text) {
    return send(id, "/telecom/sh", "message.received", "2026-11-02T10:00:00+08:00",
        "{\"sender\":\"" + sender + "\",\"channel\":\"sms\",\"text\":\"" + text + "\"}");
  }

  /**
   * 1c: a "mum, I have a new number, send 5000 to this card" text has no institution and no link:
   * its reason says it poses as a relative and asks for a transfer, in both languages.
   */
  @Test
  void anAcquaintanceScamTextIsExplainedAsARelativeAskingForATransferNotAsAnInstitutionsSite() {
    Decision d = text("m1", "17100000999", "妈，我换号了，这是我新号码。急用钱，先转我5000到这个卡6222020000000000017，晚点还你");
    assertEquals(Outcome.DENY, d.decision());
    Reason r = d.reasons().get(0);
    assertEquals("message.phishing", r.code());
    assertTrue(r.message().contains("relative") && r.message().contains("transfer"), r.message());
    assertTrue(r.messageZh().contains("亲友") && r.messageZh().contains("转账"), r.messageZh());
    for (String wrong : List.of("institution", "site", "credentials")) {
      assertFalse(r.message().contains(wrong), r.message());
    }
    for (String wrong : List.of("机构", "网站", "钓鱼")) {
      assertFalse(r.messageZh().contains(wrong), r.messageZh());
    }
  }

  /** 1c: the social-security text of the seed is still explained as an institution impersonated. */
  @Test
  void anInstitutionTextIsStillExplainedAsAnInstitutionImpersonated() {
    Decision d = text("m1", "17100000123", "【社保中心】您的社保账户未上传电子审核，请于7月30日前打开 a.szxq9.cc 在线办理，过时将被注销账户");
    Reason r = d.reasons().get(0);
    assertEquals("message.phishing", r.code());
    assertTrue(r.message().contains("institution") && r.messageZh().contains("社保"), r.message() + " / " + r.messageZh());
  }

  /**
   * 1c: every category the screener can give a fraud text (and one it may add later) gets exactly
   * one message reason, so a text is never explained twice or left to another category's words.
   */
  @Test
  void everyFraudCategoryGetsExactlyOneMessageReason() {
    RulePack pack = RulePackLoader.defaultPack();
    RuleContext ctx = new RuleContext(pack);
    List<String> categories = List.of("social_security", "medical_insurance", "tax_refund", "etc_toll", "points_redemption",
        "parcel_claim", "impersonate_police", "task_rebate", "investment", "loan_credit", "impersonate_acquaintance", "prize",
        "malware_link", "impersonate_customer_service", "other_fraud", "", "a_category_added_later");
    for (String category : categories) {
      ctx.reset(engine.codec().parse(Fixtures.event("m", "/telecom/sh", "message.received", "2026-11-02T10:00:00+08:00", SUBJECT,
          "{\"sender\":\"10086\",\"channel\":\"sms\",\"text\":\"x\"}")), new PhoneState());
      ctx.message("FRAUD", category, 0.9);
      List<String> matched = new ArrayList<>();
      for (Rule r : pack.rulesFor(EventType.MESSAGE_RECEIVED)) {
        if (r.when().test(ctx)) {
          matched.add(r.name());
          assertEquals(Outcome.DENY, r.decision(), r.name());
        }
      }
      assertEquals(1, matched.size(), category + ": " + matched);
    }
  }

  /** The owner's history: her wallet known to this line, then a phishing text. */
  private void phishedOwner() {
    send("h1", "/payment/alipay", "account.login", "2026-11-01T09:00:00+08:00",
        "{\"account\":\"ali-1\",\"verification\":\"trusted_device\",\"deviceId\":\"d-owner\",\"newDevice\":false}");
    send("h2", "/payment/wechat-pay", "payment.initiated", "2026-11-01T12:00:00+08:00",
        "{\"account\":\"wx-1\",\"amount\":\"35.00\",\"currency\":\"CNY\",\"category\":\"merchant\",\"counterparty\":\"shop\"}");
    send("p1", "/telecom/sh", "message.received", "2026-11-02T10:00:00+08:00",
        "{\"sender\":\"12333\",\"channel\":\"sms\",\"text\":\"【社保中心】您的社保账户未上传电子审核，请于7月30日前打开 a.szxq9.cc 在线办理，过时将被注销账户\"}");
  }

  /**
   * 1b and 1d: after a phishing text alone, a card bound to a new account is challenged by face and
   * the card-check reason (harvested credentials, confirm by face) is true; a payment refused in
   * person carries no "confirm by face"; one challenged by face does.
   */
  @Test
  void checkReasonsAppearOnlyWhereTheyAreTrueAfterAPhishingText() {
    phishedOwner();
    Decision bind = send("f1", "/payment/unionpay", "card.bound", "2026-11-02T10:20:00+08:00",
        "{\"account\":\"up-f771\",\"card\":\"6217850000010601371\",\"quickBind\":false,\"checks\":[\"cvv\",\"expiry\",\"sms_otp\"]}");
    assertEquals(SubjectState.COMPROMISED, bind.subjectState());
    assertEquals(Outcome.CHALLENGE, bind.decision());
    assertEquals(List.of("face"), bind.requiredVerification());
    assertTrue(bind.reasons().stream().anyMatch(r -> r.code().equals("line.card_check")), bind.reasons().toString());

    Decision refused = send("f2", "/payment/unionpay", "payment.initiated", "2026-11-02T10:25:00+08:00",
        "{\"account\":\"up-f771\",\"amount\":\"4990.00\",\"currency\":\"CNY\",\"category\":\"transfer\",\"counterparty\":\"x\"}");
    assertEquals(Outcome.DENY, refused.decision());
    assertEquals(List.of("in_person_id"), refused.requiredVerification());
    for (Reason r : refused.reasons()) {
      assertVerificationTrue("f2", r, refused);
    }
    assertFalse(refused.reasons().stream().anyMatch(r -> r.code().equals("line.payment_check")), refused.reasons().toString());
    assertTrue(refused.actions().contains("stop_sms_otp"), "the weaker check's actions still apply: " + refused.actions());

    Decision challenged = send("o1", "/payment/wechat-pay", "payment.initiated", "2026-11-02T19:00:00+08:00",
        "{\"account\":\"wx-1\",\"amount\":\"300.00\",\"currency\":\"CNY\",\"category\":\"transfer\",\"counterparty\":\"mum\"}");
    assertEquals(Outcome.CHALLENGE, challenged.decision());
    assertEquals(List.of("face"), challenged.requiredVerification());
    assertTrue(challenged.reasons().stream().anyMatch(r -> r.code().equals("line.payment_check")), challenged.reasons().toString());
  }

  private static Rule rule(String name) {
    return RulePackLoader.defaultPack().rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}
