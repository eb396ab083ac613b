package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.Risk;
import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.store.Submitted;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsHandlerTest {
  private static byte[] json(String eventId, Outcome outcome) {
    return DecisionJson.toUtf8(new Decision(eventId, outcome, Risk.LOW, 0.5, SubjectState.NORMAL, List.of(), List.of(), List.of()));
  }

  @Test
  void theOutcomeIsReadFromTheDecisionPropertyNotFromAnIdThatLooksLikeIt() {
    for (Outcome o : Outcome.values()) {
      assertEquals(o.name(), EventsHandler.outcomeOf(json("x\",\"decision\":\"DENY", o)));
    }
    assertEquals("UNKNOWN", EventsHandler.outcomeOf("{}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBatchAnswerIsTheDecisionsJoinedAsOneArray() {
    List<Submitted> results = List.of(new Submitted(null, json("a", Outcome.ALLOW), false, 1),
        new Submitted(null, json("号码", Outcome.DENY), true, 2));
    String expected = "[" + results.get(0).decisionJson() + "," + results.get(1).decisionJson() + "]";
    assertEquals(expected, new String(EventsHandler.jsonArray(results), StandardCharsets.UTF_8));
    assertEquals("[" + results.get(0).decisionJson() + "]", new String(EventsHandler.jsonArray(results.subList(0, 1)), StandardCharsets.UTF_8));
  }
}
