package dev.chainbreaker.core;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Once the owner has reported the phone stolen, whoever holds the SIM receives every SMS code: a code,
 * an SMS-code login, a reset or a view of her ID data on the line is challenged by something that is
 * not an SMS code, until she has the line back in person. Her own protective acts, trusted handset
 * and (once back) SMS logins stay allowed.
 */
class ReportedStolenTest {
  private static final String V = "+8613800000033";

  private final Engine engine = Engine.builder().build();

  private Decision send(String json) {
    return engine.decide(engine.codec().parse(json));
  }

  private Decision reportThenSimMoves() {
    Decision report = send(event("s1", "/antifraud/96110", "owner.phone.reported_stolen", "2026-11-20T21:00:00+08:00", V,
        "{\"channel\":\"hotline\",\"verification\":\"id_number_and_contacts\",\"reporter\":\"owner\"}"));
    assertEquals(Outcome.ALLOW, report.decision(), "the owner's report is a protective act");
    send(event("s2", "/telecom/bj-mobile", "telecom.device.changed", "2026-11-20T21:05:00+08:00", V,
        "{\"imei\":\"861234050000999\",\"previousImei\":\"861234050000113\"}"));
    return report;
  }

  private static void assertChallengedWithoutSms(Decision d, String... evidence) {
    assertEquals(Outcome.CHALLENGE, d.decision(), d.toString());
    assertFalse(d.requiredVerification().isEmpty(), d.toString());
    assertFalse(d.requiredVerification().contains("sms_otp"), d.toString());
    assertTrue(d.requiredVerification().contains("face") || d.requiredVerification().contains("in_person_id"), d.toString());
    Reason r = d.firstReason();
    assertEquals("watch.reported_stolen", r.code());
    assertFalse(r.message().isBlank());
    assertFalse(r.messageZh().isBlank());
    assertTrue(r.evidence().containsAll(List.of(evidence)), r.evidence().toString());
  }

  @Test
  void smsCodeAndSmsLoginAfterTheOwnerReportedThePhoneStolenAreChallenged() {
    reportThenSimMoves();
    Decision otp = send(event("s3", "/payment/alipay", "auth.otp.sent", "2026-11-20T21:07:00+08:00", V,
        "{\"purpose\":\"login\",\"senderNumber\":\"95188\"}"));
    assertChallengedWithoutSms(otp, "s1", "s3");
    assertTrue(otp.actions().contains("stop_sms_otp"), otp.toString());
    Decision login = send(event("s4", "/payment/alipay", "account.login", "2026-11-20T21:08:00+08:00", V,
        "{\"account\":\"2088000000000333\",\"channel\":\"app\",\"verification\":\"sms_otp\",\"newDevice\":true}"));
    assertChallengedWithoutSms(login, "s1", "s4");
  }

  @Test
  void resetsAndIdentityViewsAfterTheReportAreChallenged() {
    reportThenSimMoves();
    assertChallengedWithoutSms(send(event("s5", "/gov/app", "account.password.reset", "2026-11-20T21:10:00+08:00", V,
        "{\"account\":\"g-1\",\"channel\":\"app\",\"verification\":\"sms_otp\"}")), "s1", "s5");
    assertChallengedWithoutSms(send(event("s6", "/gov/app", "identity.data.viewed", "2026-11-20T21:12:00+08:00", V,
        "{\"account\":\"g-1\",\"fields\":[\"id_number\",\"id_photo\",\"bank_card\"]}")), "s1", "s6");
  }

  @Test
  void theOwnersFoundPhoneAndHerLineBackInPersonAreNotBothered() {
    reportThenSimMoves();
    Decision trusted = send(event("o1", "/payment/wx", "account.login", "2026-11-21T08:30:00+08:00", V,
        "{\"account\":\"wx-1\",\"channel\":\"app\",\"verification\":\"trusted_device\",\"newDevice\":false}"));
    assertEquals(Outcome.ALLOW, trusted.decision(), "her own handset, found again");
    Decision faceLogin = send(event("o2", "/payment/alipay", "account.login", "2026-11-21T08:40:00+08:00", V,
        "{\"account\":\"2088000000000333\",\"channel\":\"app\",\"verification\":\"face\",\"newDevice\":true}"));
    assertEquals(Outcome.ALLOW, faceLogin.decision());
    send(event("o3", "/telecom/bj-mobile", "telecom.sim.replaced", "2026-11-21T09:00:00+08:00", V,
        "{\"channel\":\"store\",\"verification\":\"in_person_id\",\"iccid\":\"89860025190102209999\"}"));
    send(event("o4", "/telecom/bj-mobile", "owner.recovered", "2026-11-21T09:02:00+08:00", V,
        "{\"channel\":\"store\",\"verification\":\"in_person_id\"}"));
    Decision otp = send(event("o5", "/bank/cmb", "auth.otp.sent", "2026-11-21T10:00:00+08:00", V,
        "{\"purpose\":\"login\",\"senderNumber\":\"95555\"}"));
    assertEquals(Outcome.ALLOW, otp.decision(), "the owner has the line back in person: SMS codes are hers again");
    Decision login = send(event("o6", "/bank/cmb", "account.login", "2026-11-21T10:01:00+08:00", V,
        "{\"account\":\"cmb-1\",\"channel\":\"app\",\"verification\":\"sms_otp\",\"newDevice\":true}"));
    assertEquals(Outcome.ALLOW, login.decision());
  }
}
