package dev.chainbreaker.screen.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Metrics of one data set: confusion matrix over fraud/spam/ham (rows true, columns judged),
 * precision/recall/F1 per label, per true category the share judged with the right label, category
 * precision/recall/F1 (meaningful where the set uses the screener's category names), and the
 * false-positive rate on ham (ham judged FRAUD).
 */
public record EvalReport(
    String name,
    int total,
    long[][] confusion,
    Map<String, Prf> perLabel,
    Map<String, CategoryStats> perCategory,
    Map<String, Prf> categoryPrf,
    double hamJudgedFraudRate,
    double hamJudgedNotNormalRate,
    double messagesPerSecond,
    List<String> examplesOfErrors) {

  public static final List<String> LABELS = List.of("fraud", "spam", "ham");

  /** Precision, recall, F1 and support. */
  public record Prf(double precision, double recall, double f1, long support) {}

  /** Per true category: how many, and how many got the right label. */
  public record CategoryStats(String label, long count, long labelCorrect) {
    public double labelRecall() {
      return count == 0 ? 0 : (double) labelCorrect / count;
    }
  }

  public double fraudRecall() {
    return perLabel.get("fraud").recall();
  }

  /** A plain-text rendering for the CLI. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "== %s (%d messages, %.0f msg/s)%n", name, total,
        messagesPerSecond));
    sb.append("confusion (rows true, columns judged FRAUD/SPAM/NORMAL):\n");
    for (int i = 0; i < 3; i++) {
      sb.append(String.format(Locale.ROOT, "  %-6s %7d %7d %7d%n", LABELS.get(i), confusion[i][0],
          confusion[i][1], confusion[i][2]));
    }
    sb.append("label   precision recall  f1     support\n");
    for (String l : LABELS) {
      Prf p = perLabel.get(l);
      sb.append(String.format(Locale.ROOT, "  %-6s %.4f    %.4f  %.4f %d%n", l, p.precision(),
          p.recall(), p.f1(), p.support()));
    }
    sb.append(String.format(Locale.ROOT,
        "ham judged FRAUD: %.4f%%   ham judged FRAUD or SPAM: %.4f%%%n",
        100 * hamJudgedFraudRate, 100 * hamJudgedNotNormalRate));
    sb.append("per true category: label recall (count)\n");
    perCategory.forEach((c, s) -> sb.append(String.format(Locale.ROOT, "  %-5s %-30s %.4f (%d)%n",
        s.label(), c, s.labelRecall(), s.count())));
    if (!categoryPrf.isEmpty()) {
      sb.append("category precision recall f1 (support)\n");
      categoryPrf.forEach((c, p) -> sb.append(String.format(Locale.ROOT,
          "  %-30s %.4f %.4f %.4f (%d)%n", c, p.precision(), p.recall(), p.f1(), p.support())));
    }
    return sb.toString();
  }
}
