package dev.chainbreaker.screen.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.SharedFixtures;
import dev.chainbreaker.screen.Verdict;
import dev.chainbreaker.screen.model.Datasets;
import dev.chainbreaker.screen.model.LabeledMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every FRAUD or SPAM verdict names at least one reason. A verdict tipped by the text model alone, with
 * no rule firing, used to list nothing: the model's reason was hidden as "undecided" below log-odds 1,
 * and 134 FRAUD verdicts on the training split came with an empty list. SPAM verdicts from the model's
 * spam class had no reason, or only "its wording resembles ordinary messages", which contradicted them.
 */
class ExplanationsTest {
  private final Screener screener = Screener.standard();

  @ParameterizedTest
  @ValueSource(strings = {"dev.jsonl", "sms-handwritten-dev.jsonl"})
  void everyFraudOrSpamVerdictNamesAReason(String file) throws IOException {
    List<String> unexplained = new ArrayList<>();
    List<String> contradicted = new ArrayList<>();
    for (LabeledMessage m : Datasets.read(SharedFixtures.require("datasets/" + file))) {
      Verdict v = screener.screen(m.text(), m.sender());
      if (v.verdict() != Verdict.Label.NORMAL && v.reasons().isEmpty()) {
        unexplained.add(v.verdict() + " " + m.text());
      }
      if (v.verdict() == Verdict.Label.SPAM
          && v.reasons().stream().anyMatch(r -> r.code().equals("model.text_classifier"))) {
        contradicted.add(m.text());
      }
    }
    assertEquals(List.of(), unexplained, file + ": FRAUD or SPAM verdicts without a reason");
    assertEquals(List.of(), contradicted, file + ": SPAM verdicts explained by the fraud model's \"ordinary wording\"");
  }
}
