package dev.chainbreaker.screen.eval;

import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.Verdict;
import dev.chainbreaker.screen.model.LabeledMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Screens a labelled data set and measures the verdicts. */
public final class Evaluator {

  private final Screener screener;

  public Evaluator(Screener screener) {
    this.screener = screener;
  }

  public EvalReport evaluate(String name, List<LabeledMessage> data) {
    long[][] conf = new long[3][3];
    Map<String, long[]> perCat = new TreeMap<>();
    Map<String, String> catLabel = new HashMap<>();
    Map<String, long[]> catCounts = new TreeMap<>(); // tp, fp, fn
    Set<String> trueCategories = new HashSet<>();
    for (LabeledMessage m : data) {
      trueCategories.add(m.category());
    }
    List<String> errors = new ArrayList<>();
    long t0 = System.nanoTime();
    for (LabeledMessage m : data) {
      int t = EvalReport.LABELS.indexOf(m.label());
      if (t < 0) {
        continue;
      }
      Verdict v = screener.screen(m.text(), m.sender());
      int p = switch (v.verdict()) {
        case FRAUD -> 0;
        case SPAM -> 1;
        case NORMAL -> 2;
      };
      conf[t][p]++;
      long[] pc = perCat.computeIfAbsent(m.category(), k -> new long[2]);
      catLabel.put(m.category(), m.label());
      pc[0]++;
      if (t == p) {
        pc[1]++;
      } else if (errors.size() < 200) {
        errors.add(m.id() + " true=" + m.label() + "/" + m.category() + " judged=" + v.verdict()
            + "/" + v.category() + " score=" + v.score());
      }
      if (trueCategories.contains(v.category()) || trueCategories.contains(m.category())) {
        if (v.category().equals(m.category())) {
          catCounts.computeIfAbsent(m.category(), k -> new long[3])[0]++;
        } else {
          catCounts.computeIfAbsent(v.category(), k -> new long[3])[1]++;
          catCounts.computeIfAbsent(m.category(), k -> new long[3])[2]++;
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Map<String, EvalReport.Prf> perLabel = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      long tp = conf[i][i];
      long fp = conf[0][i] + conf[1][i] + conf[2][i] - tp;
      long fn = conf[i][0] + conf[i][1] + conf[i][2] - tp;
      perLabel.put(EvalReport.LABELS.get(i), prf(tp, fp, fn));
    }
    Map<String, EvalReport.CategoryStats> cats = new TreeMap<>();
    perCat.forEach((c, v) -> cats.put(c, new EvalReport.CategoryStats(catLabel.get(c), v[0], v[1])));
    Map<String, EvalReport.Prf> catPrf = new TreeMap<>();
    // category P/R/F1 only where the set uses the screener's names (at least half of them match)
    long predictedKnown = catCounts.entrySet().stream()
        .filter(e -> trueCategories.contains(e.getKey())).mapToLong(e -> e.getValue()[0]).sum();
    if (predictedKnown * 4 >= data.size()) {
      catCounts.forEach((c, v) -> {
        if (trueCategories.contains(c)) {
          catPrf.put(c, prf(v[0], v[1], v[2]));
        }
      });
    }
    long ham = conf[2][0] + conf[2][1] + conf[2][2];
    return new EvalReport(name, data.size(), conf, perLabel, cats, catPrf,
        ham == 0 ? 0 : (double) conf[2][0] / ham,
        ham == 0 ? 0 : (double) (conf[2][0] + conf[2][1]) / ham,
        data.size() / Math.max(secs, 1e-9), errors);
  }

  private static EvalReport.Prf prf(long tp, long fp, long fn) {
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new EvalReport.Prf(p, r, f, tp + fn);
  }
}
