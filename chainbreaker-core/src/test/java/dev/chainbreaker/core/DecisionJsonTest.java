package dev.chainbreaker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The streamed decision JSON is byte for byte what the tree form writes: the log and the API depend on it. */
class DecisionJsonTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void streamedJsonEqualsTheTreeForEveryShapeOfDecision() {
    List<Decision> decisions = List.of(
        new Decision("e-1", Outcome.ALLOW, Risk.LOW, 0.0, SubjectState.NORMAL, List.of(), List.of(), List.of()),
        new Decision("e-2 \"quoted\"\n", Outcome.DENY, Risk.CRITICAL, 0.97, SubjectState.COMPROMISED,
            List.of(new Reason("line.taken_over", "The line is in someone else's hands: \\ \t", "号码已被他人控制：号码暴露后", List.of("v1", "v2")),
                new Reason("screen.link", "link \u0001 control", "链接", List.of())),
            List.of("in_person_id", "face"), List.of("hold_funds")),
        new Decision("e-3", Outcome.CHALLENGE, Risk.HIGH, 1e-7, SubjectState.WATCH, List.of(), List.of("face"), List.of()),
        new Decision("e-4", Outcome.REVIEW, Risk.MEDIUM, 12345.678, SubjectState.RECOVERING, List.of(), List.of(), List.of("a", "b")));
    for (Decision d : decisions) {
      assertEquals(JSON.writeValueAsString(DecisionJson.tree(d)), DecisionJson.toJson(d));
    }
  }
}
