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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine's acceptance criteria on every scenario: the shared seeds (real cases and benign
 * look-alikes) and our own variants (other orders, timings, institutions, missing steps, late
 * events, benign look-alikes).
 */
class ScenarioAcceptanceTest {

  @TestFactory
  Stream<DynamicTest> sharedScenarios() {
    return ScenarioTests.each(Fixtures.shared().resolve("scenarios"), ScenarioAcceptanceTest::check);
  }

  @TestFactory
  Stream<DynamicTest> ourVariants() {
    return ScenarioTests.each(Fixtures.variants(), ScenarioAcceptanceTest::check);
  }

  private static void check(Scenario sc) throws Exception {
    Engine engine = Engine.builder().build();
    List<Replay.Step> steps = Replay.run(engine, Replay.read(engine, sc.events()));
    ScenarioScore score = ScenarioScorer.score(sc, steps);
    assertTrue(score.passed(), sc.name() + ": " + score.failures());
    if (sc.hasThief()) {
      assertTrue(score.detected() && score.beforeFirstMoney(), "thief detected before the first money movement");
      assertEquals(1.0, score.thiefMoneyStopped(), "all thief money stopped");
    } else {
      assertTrue(score.ownerChallenged() <= 1, "a benign scenario is challenged at most once");
    }
    for (Replay.Step s : steps) {
      Decision d = s.decision();
      // The contract's invariants on every single decision.
      if (d.decision() != Outcome.ALLOW) {
        assertFalse(d.reasons().isEmpty(), s.event().id() + " is refused without a reason");
        for (Reason r : d.reasons()) {
          assertFalse(r.evidence().isEmpty(), s.event().id() + " reason " + r.code() + " names no evidence");
          assertFalse(r.messageZh().isBlank(), "Chinese message");
          assertFalse(r.message().isBlank(), "English message");
        }
      }
      if (d.subjectState() != SubjectState.NORMAL) {
        assertFalse(d.requiredVerification().contains("sms_otp"), s.event().id() + " asks for an SMS code on an exposed line");
      }
      if (d.decision() == Outcome.CHALLENGE) {
        assertFalse(d.requiredVerification().isEmpty(), s.event().id() + " challenges without naming the verification");
      }
    }
  }
}
