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
 * Every FRAUD verdict names at least one reason. A verdict tipped by the text model alone, with no
 * rule firing, used to list nothing: the model's reason was hidden as "undecided" below log-odds 1,
 * and 134 FRAUD verdicts on the training split came with an empty list.
 */
class ExplanationsTest {
  private final Screener screener = Screener.standard();

  @ParameterizedTest
  @ValueSource(strings = {"dev.jsonl", "sms-handwritten-dev.jsonl"})
  void everyFraudVerdictNamesAReason(String file) throws IOException {
    List<String> unexplained = new ArrayList<>();
    for (LabeledMessage m : Datasets.read(SharedFixtures.require("datasets/" + file))) {
      Verdict v = screener.screen(m.text(), m.sender());
      if (v.verdict() == Verdict.Label.FRAUD && v.reasons().isEmpty()) {
        unexplained.add(m.text());
      }
    }
    assertEquals(List.of(), unexplained, file + ": FRAUD verdicts without a reason");
  }
}
