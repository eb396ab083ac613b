package dev.chainbreaker.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
      assertArrayEquals(DecisionJson.toJson(d).getBytes(StandardCharsets.UTF_8), DecisionJson.toUtf8(d));
    }
  }

  /** The UTF-8 form is written through a per-thread buffer: each result must be its own copy. */
  @Test
  void utf8ResultsDoNotShareTheBuffer() {
    Decision big = new Decision("e-big-" + "x".repeat(3000), Outcome.DENY, Risk.HIGH, 0.9, SubjectState.COMPROMISED,
        List.of(), List.of("face"), List.of());
    Decision small = new Decision("e-small", Outcome.ALLOW, Risk.LOW, 0.0, SubjectState.NORMAL, List.of(), List.of(), List.of());
    byte[] first = DecisionJson.toUtf8(big);
    byte[] second = DecisionJson.toUtf8(small);
    assertArrayEquals(DecisionJson.toJson(big).getBytes(StandardCharsets.UTF_8), first);
    assertArrayEquals(DecisionJson.toJson(small).getBytes(StandardCharsets.UTF_8), second);
  }

  /** The UTF-8 form is the text form encoded, for any text: escapes, controls, CJK, emoji, lone surrogates. */
  @Test
  void utf8BytesAreTheEncodedTextForRandomDecisions() {
    SplittableRandom r = new SplittableRandom(7);
    Outcome[] outcomes = Outcome.values();
    Risk[] risks = Risk.values();
    SubjectState[] states = SubjectState.values();
    for (int i = 0; i < 20_000; i++) {
      List<Reason> reasons = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        reasons.add(new Reason(text(r), text(r), text(r), texts(r)));
      }
      Decision d = new Decision(text(r), outcomes[r.nextInt(outcomes.length)], risks[r.nextInt(risks.length)],
          r.nextInt(4) == 0 ? r.nextDouble() * 1e6 : Math.round(r.nextDouble() * 100) / 100.0, states[r.nextInt(states.length)],
          reasons, texts(r), texts(r));
      assertArrayEquals(DecisionJson.toJson(d).getBytes(StandardCharsets.UTF_8), DecisionJson.toUtf8(d), d.toString());
    }
  }

  private static final String ALPHABET = "aZ09-_./:\"\\ \t\n\r\u0000\u0001\u001f\u007f\u0080\u00e9\u2028\u2029\u4e2d\u6587\uffff\ud83d\ude00\ud800\udc00";

  private static String text(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(12); n > 0; n--) {
      sb.append(ALPHABET.charAt(r.nextInt(r.nextInt(4) == 0 ? ALPHABET.length() : ALPHABET.length() - 4)));
    }
    return sb.toString();
  }

  private static List<String> texts(SplittableRandom r) {
    List<String> out = new ArrayList<>();
    for (int n = r.nextInt(3); n > 0; n--) {
      out.add(text(r));
    }
    return out;
  }
}
