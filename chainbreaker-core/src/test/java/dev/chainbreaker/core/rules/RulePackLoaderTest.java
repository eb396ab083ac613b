package dev.chainbreaker.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RulePackLoaderTest {
  static final String HEADER = """
      pack: test
      version: "1"
      signals:
        - name: handset_changed
          on: [telecom.device.changed]
          exposure: true
      """;

  static String withRule(String rule) {
    return HEADER + "rules:\n" + rule;
  }

  @Test
  void theDefaultPackLoadsAndIsIndexedByEventType() {
    RulePack p = RulePackLoader.defaultPack();
    assertEquals("chainbreaker-default", p.name());
    assertFalse(p.rulesFor(dev.chainbreaker.core.event.EventType.TELECOM_LOSS_CANCELLED).isEmpty());
    assertTrue(p.signals().size() > 10);
    assertFalse(p.sequences().isEmpty());
  }

  @Test
  void aConditionThatDoesNotTypeCheckIsRejectedWithRuleAndLine() {
    String yaml = withRule("""
          - name: bad.compare
            on: [payment.initiated]
            when: amount > "lots"
            decision: DENY
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """);
    RulePackException e = assertThrows(RulePackException.class, () -> RulePackLoader.load(yaml));
    assertEquals("bad.compare", e.rule());
    assertEquals(10, e.line(), "the line of the when: key");
    assertTrue(e.reason().contains("no matching overload"), e.reason());
  }

  @Test
  void aTypoInAVariableIsRejected() {
    RulePackException e = assertThrows(RulePackException.class, () -> RulePackLoader.load(withRule("""
          - name: typo
            on: [payment.initiated]
            when: amout > 10.0
            decision: DENY
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """)));
    assertTrue(e.getMessage().contains("rule 'typo' (line 10)"), e.getMessage());
    assertTrue(e.reason().contains("amout"), e.reason());
  }

  @Test
  void signalNamesInSinceAreChecked() {
    RulePackException e = assertThrows(RulePackException.class, () -> RulePackLoader.load(withRule("""
          - name: since.typo
            on: [payment.initiated]
            when: since.handset_chnged < 60
            decision: DENY
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """)));
    assertTrue(e.reason().contains("since.handset_chnged"), e.reason());
  }

  @Test
  void structuralMistakesAreNamed() {
    assertTrue(assertThrows(RulePackException.class, () -> RulePackLoader.load(withRule("""
          - name: no.verification
            on: [payment.initiated]
            decision: CHALLENGE
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """))).reason().contains("verification"));
    assertTrue(assertThrows(RulePackException.class, () -> RulePackLoader.load(withRule("""
          - name: bad.type
            on: [payment.teleported]
            decision: DENY
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """))).reason().contains("payment.teleported"));
    assertTrue(assertThrows(RulePackException.class, () -> RulePackLoader.load(withRule("""
          - name: bad.key
            on: [payment.initiated]
            decison: DENY
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """))).reason().contains("decison"));
    assertTrue(assertThrows(RulePackException.class, () -> RulePackLoader.load(withRule("""
          - name: bad.outcome
            on: [payment.initiated]
            decision: MAYBE
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """))).reason().contains("MAYBE"));
    assertTrue(assertThrows(RulePackException.class, () -> RulePackLoader.load("pack: x\nversion: [1\n")).line() >= 2);
  }

  @Test
  void sequencesNeedKnownStepsAndAWindow() {
    String base = HEADER + """
        sequences:
          - name: seq
            steps: [handset_changed, nothing_like_this]
            within: 1h
        rules:
          - name: r
            on: [payment.initiated]
            decision: ALLOW
            risk: LOW
            reason: {code: x, en: x, zh: x}
        """;
    assertTrue(assertThrows(RulePackException.class, () -> RulePackLoader.load(base)).reason().contains("nothing_like_this"));
    assertTrue(assertThrows(RulePackException.class, () -> RulePackLoader.load(base.replace("nothing_like_this", "handset_changed").replace("    within: 1h\n", "")))
        .reason().contains("within"));
  }

  @Test
  void aConditionListsTheSignalsItReadsInTheOrderItReadsThem() {
    // The order is the order of a decision's evidence: it must not change from one JVM run to the
    // next (Set.copyOf's order does).
    java.util.regex.Pattern read = java.util.regex.Pattern.compile("\\b(?:since|fired)\\.([a-z_0-9]+)");
    for (Rule r : RulePackLoader.defaultPack().rules()) {
      java.util.Set<String> expected = new java.util.LinkedHashSet<>();
      java.util.regex.Matcher m = read.matcher(r.when().source());
      while (m.find()) {
        expected.add(m.group(1));
      }
      assertEquals(java.util.List.copyOf(expected), java.util.List.copyOf(r.when().signals()), r.name());
    }
    // six signals: an unordered set would give this order about once in 720 runs
    String yaml = """
        pack: test
        version: "1"
        signals:
          - {name: s_f, on: [telecom.device.changed]}
          - {name: s_b, on: [telecom.device.changed]}
          - {name: s_e, on: [telecom.device.changed]}
          - {name: s_a, on: [telecom.device.changed]}
          - {name: s_d, on: [telecom.device.changed]}
          - {name: s_c, on: [telecom.device.changed]}
        rules:
          - name: six
            on: [payment.initiated]
            when: since.s_a < 5 && fired.s_b || since.s_c < 5 && since.s_d < 5 || fired.s_e && since.s_f < 9
            decision: DENY
            risk: HIGH
            reason: {code: x, en: x, zh: x}
        """;
    assertEquals(java.util.List.of("s_a", "s_b", "s_c", "s_d", "s_e", "s_f"),
        java.util.List.copyOf(RulePackLoader.load(yaml).rules().get(0).when().signals()));
  }

  /** A rule asking for {@code verification} under {@code when}, with its decision. */
  static String smsRule(String when, String decision) {
    return withRule("""
          - name: otp.rule
            on: [payment.initiated]
            when: '%s'
            decision: %s
            risk: HIGH
            verification: [sms_otp]
            reason: {code: x, en: x, zh: x}
        """.formatted(when, decision));
  }

  /**
   * Never ask for an SMS code once the line may be in someone else's hands: a rule that can only
   * match on a line that is not NORMAL or was exposed would have sms_otp stripped by the engine at
   * run time (a DENY requiring nothing), so the pack is refused at load, naming the rule and field,
   * which is what PUT /v1/rules answers with.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "state == \"COMPROMISED\"",
      "\"COMPROMISED\" == state && amount > 10.0",
      "state != \"NORMAL\"",
      "!(state == \"NORMAL\")",
      "state in [\"WATCH\", \"COMPROMISED\", \"RECOVERING\"]",
      "state == \"WATCH\" || state == \"RECOVERING\"",
      "exposed",
      "exposed == true && amount > 10.0",
      "amount > 10.0 && (state == \"COMPROMISED\" || exposed)"})
  void anSmsCodeOnALineThatMayBeTakenIsRejectedWithRuleAndField(String when) {
    for (String decision : java.util.List.of("DENY", "CHALLENGE", "REVIEW")) {
      RulePackException e = assertThrows(RulePackException.class, () -> RulePackLoader.load(smsRule(when, decision)), when);
      assertEquals("otp.rule", e.rule());
      assertEquals(13, e.line(), "the line of the verification: key");
      assertTrue(e.reason().contains("'verification' names sms_otp"), e.reason());
    }
  }

  /**
   * Exactly what the engine strips is refused: where the rule can also match on a NORMAL line with
   * no exposure the code is still asked for there, and an ALLOW asks for nothing.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "amount > 10.0",
      "state == \"NORMAL\"",
      "state in [\"NORMAL\", \"WATCH\"]",
      "state == \"COMPROMISED\" || amount > 10.0",
      "!exposed",
      "exposed || state == \"NORMAL\""})
  void anSmsCodeThatCanBeAskedOnANormalUnexposedLineIsKept(String when) {
    assertEquals(java.util.List.of("sms_otp"), RulePackLoader.load(smsRule(when, "CHALLENGE")).rules().get(0).verification());
    RulePackLoader.load(smsRule("state == \"COMPROMISED\"", "ALLOW"));
  }
}
