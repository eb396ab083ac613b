package dev.chainbreaker.core;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a phishing text the fraudster holds harvested credentials, not the line. What he does with
 * them is refused; what the owner goes on doing from her own handset and accounts is not blocked.
 */
class PhishingTest {
  private static final String V = "+8613800000031";
  private static final String PHISH =
      "{\"sender\":\"12333\",\"channel\":\"sms\",\"text\":\"【社保中心】您的社保账户未上传电子审核，请于7月30日前打开 a.szxq9.cc 在线办理，过时将被注销账户\"}";

  private static final String CARD = "6222020000000000017";

  private final Engine engine = Engine.builder().build();

  private Decision send(String id, String source, String type, String time, String data) {
    return engine.decide(engine.codec().parse(event(id, source, type, time, V, data)));
  }

  /** The owner's card bound to {@code account}, the careful way (CVV, expiry, SMS code). */
  private Decision bindCard(String id, String source, String account, String time) {
    return send(id, source, "card.bound", time, "{\"account\":\"" + account
        + "\",\"card\":\"6217850000010601371\",\"quickBind\":false,\"checks\":[\"cvv\",\"expiry\",\"sms_otp\"]}");
  }

  /** The owner's history: her wallet and her bank account are known to this line. */
  private void ownerHistory() {
    send("h1", "/payment/alipay", "account.login", "2026-11-01T09:00:00+08:00",
        "{\"account\":\"ali-1\",\"verification\":\"trusted_device\",\"deviceId\":\"d-owner\",\"newDevice\":false}");
    send("h2", "/payment/wechat-pay", "payment.initiated", "2026-11-01T12:00:00+08:00",
        "{\"account\":\"wx-1\",\"amount\":\"35.00\",\"currency\":\"CNY\",\"category\":\"merchant\",\"counterparty\":\"shop\"}");
    Decision text = send("p1", "/telecom/sh", "message.received", "2026-11-02T10:00:00+08:00", PHISH);
    assertEquals("message.phishing", text.reasons().get(0).code(), "the text itself is caught");
  }

  @Test
  void anOwnerWhoIgnoredTheTextBindsACardToHerOwnAccountAndOpensOneByFace() {
    ownerHistory();
    Decision bind = bindCard("o1", "/payment/alipay", "ali-1", "2026-11-02T10:30:00+08:00");
    Decision open = send("o2", "/merchant/jd", "account.created", "2026-11-02T10:45:00+08:00",
        "{\"account\":\"jd-1\",\"idNumber\":\"330106199704091686\",\"realNameVerification\":\"face\",\"deviceId\":\"d-owner\"}");
    assertEquals(Outcome.ALLOW, bind.decision(), bind.reasons().toString());
    assertEquals(Outcome.ALLOW, open.decision(), open.reasons().toString());
    assertNotEquals(SubjectState.COMPROMISED, open.subjectState());
  }

  @Test
  void aCardBoundToAnAccountThisLineNeverUsedIsChallengedByFaceAndItsCashOutRefused() {
    ownerHistory();
    Decision bind = bindCard("f1", "/payment/unionpay", "up-f771", "2026-11-02T10:20:00+08:00");
    assertEquals(SubjectState.COMPROMISED, bind.subjectState());
    assertEquals("account.phished", bind.reasons().get(0).code());
    assertEquals(Outcome.CHALLENGE, bind.decision(), "the owner's own new wallet looks the same: she passes a face check, he does not");
    assertEquals(List.of("face"), bind.requiredVerification());
    Decision cashOut = send("f2", "/payment/unionpay", "payment.initiated", "2026-11-02T10:25:00+08:00",
        "{\"account\":\"up-f771\",\"amount\":\"4990.00\",\"currency\":\"CNY\",\"category\":\"transfer\",\"counterparty\":\"x\"}");
    assertEquals(Outcome.DENY, cashOut.decision(), "a transfer out of an account this line never used, on the day of the text");
    assertEquals("line.money_out", cashOut.reasons().get(0).code());
  }

  @Test
  void anOwnerWhoBoundHerCardToHerNewWalletAfterTheTextIsChallengedNotBlocked() {
    ownerHistory();
    bindCard("o1", "/payment/alipay", "ali-2", "2026-11-02T11:30:00+08:00");
    Decision shop = send("o2", "/payment/alipay", "payment.initiated", "2026-11-02T17:00:00+08:00",
        "{\"account\":\"ali-2\",\"amount\":\"89.00\",\"currency\":\"CNY\",\"card\":\"6217850000010601371\",\"category\":\"merchant\",\"counterparty\":\"shop\"}");
    assertEquals(Outcome.CHALLENGE, shop.decision(), shop.reasons().toString());
    Decision later = send("o3", "/payment/alipay", "payment.initiated", "2026-11-04T12:00:00+08:00",
        "{\"account\":\"ali-2\",\"amount\":\"300.00\",\"currency\":\"CNY\",\"card\":\"6217850000010601371\",\"category\":\"transfer\",\"counterparty\":\"mum\"}");
    assertEquals(Outcome.CHALLENGE, later.decision(), "days after the text, her transfer is only challenged: " + later.reasons());
  }

  @Test
  void aPhishedWalletIsRefusedButTheOwnersOtherMoneyIsOnlyChallengedUntilTheSimMoves() {
    ownerHistory();
    Decision login = send("t1", "/payment/alipay", "account.login", "2026-11-02T10:40:00+08:00",
        "{\"account\":\"ali-1\",\"verification\":\"password\",\"deviceId\":\"d-thief\",\"newDevice\":true}");
    assertEquals(SubjectState.COMPROMISED, login.subjectState());
    assertEquals("account.phished", login.reasons().get(0).code());

    Decision thief = send("t2", "/payment/alipay", "payment.initiated", "2026-11-02T10:45:00+08:00",
        "{\"account\":\"ali-1\",\"amount\":\"4990.00\",\"currency\":\"CNY\",\"card\":\"" + CARD
            + "\",\"category\":\"transfer\",\"counterparty\":\"x\"}");
    assertEquals(Outcome.DENY, thief.decision(), "money out of the phished account");
    assertEquals("line.money_out", thief.reasons().get(0).code());

    Decision owner = send("o1", "/payment/wechat-pay", "payment.initiated", "2026-11-02T19:00:00+08:00",
        "{\"account\":\"wx-1\",\"amount\":\"300.00\",\"currency\":\"CNY\",\"card\":\"" + CARD
            + "\",\"category\":\"transfer\",\"counterparty\":\"mum\"}");
    assertEquals(Outcome.CHALLENGE, owner.decision(), "her own wallet, even with the card the fraudster used: " + owner.reasons());
    assertEquals("face", owner.requiredVerification().get(0));

    Decision elsewhere = send("t3", "/payment/unionpay", "payment.initiated", "2026-11-02T19:05:00+08:00",
        "{\"account\":\"up-9\",\"amount\":\"800.00\",\"currency\":\"CNY\",\"card\":\"" + CARD
            + "\",\"category\":\"merchant\",\"counterparty\":\"y\"}");
    assertEquals(Outcome.DENY, elsewhere.decision(), "the fraudster's card in an account this line never used");

    Decision ownLogin = send("o3", "/payment/wechat-pay", "account.login", "2026-11-02T19:30:00+08:00",
        "{\"account\":\"wx-1\",\"verification\":\"trusted_device\",\"deviceId\":\"d-owner\",\"newDevice\":false}");
    assertEquals(Outcome.ALLOW, ownLogin.decision(), "her own handset is still hers: " + ownLogin.reasons());

    send("s1", "/telecom/sh", "telecom.device.changed", "2026-11-02T20:00:00+08:00", "{\"imei\":\"862142075301488\"}");
    Decision afterSim = send("o2", "/payment/wechat-pay", "payment.initiated", "2026-11-02T20:10:00+08:00",
        "{\"account\":\"wx-1\",\"amount\":\"300.00\",\"currency\":\"CNY\",\"category\":\"transfer\",\"counterparty\":\"mum\"}");
    assertEquals(Outcome.DENY, afterSim.decision(), "once the SIM may have moved, any SMS code can be passed anywhere");
    Decision loginAfterSim = send("o4", "/payment/wechat-pay", "account.login", "2026-11-02T20:20:00+08:00",
        "{\"account\":\"wx-1\",\"verification\":\"trusted_device\",\"deviceId\":\"d-owner\",\"newDevice\":false}");
    assertEquals(Outcome.CHALLENGE, loginAfterSim.decision(), "a known handset proves nothing once the SIM may have moved");
  }
}
