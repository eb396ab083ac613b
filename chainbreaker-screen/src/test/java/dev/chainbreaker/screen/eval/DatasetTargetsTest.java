package dev.chainbreaker.screen.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.SharedFixtures;
import dev.chainbreaker.screen.model.Datasets;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The targets, as a regression guard: fraud recall at least 0.97 with ham judged FRAUD at
 * most 0.5%, on the dev split and on the hand-written dev set. (These are development sets; they do
 * not measure accuracy on real traffic.)
 */
class DatasetTargetsTest {

  private final Evaluator evaluator = new Evaluator(Screener.standard());

  private void check(String file) throws IOException {
    Path p = SharedFixtures.require("datasets/" + file);
    EvalReport r = evaluator.evaluate(file, Datasets.read(p));
    System.out.print(r.render());
    assertTrue(r.fraudRecall() >= 0.97, file + " fraud recall " + r.fraudRecall());
    assertTrue(r.hamJudgedFraudRate() <= 0.005, file + " ham judged FRAUD " + r.hamJudgedFraudRate());
  }

  @Test
  void handwrittenDevSet() throws IOException {
    check("sms-handwritten-dev.jsonl");
  }

  @Test
  void devSplit() throws IOException {
    check("dev.jsonl");
  }
}
