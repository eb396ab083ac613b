package dev.chainbreaker.screen;

import java.util.List;

/**
 * The judgement of one message: label, calibrated score in [0, 1], category (the category names of
 * the hand-written dev set, e.g. {@code social_security}), the links with their judgement, the
 * reasons with spans into the original text, and advice for the recipient.
 */
public record Verdict(
    Label verdict,
    double score,
    String category,
    List<LinkFinding> links,
    List<Reason> reasons,
    List<String> advice) {

  public enum Label { FRAUD, SPAM, NORMAL }

  public Verdict {
    links = List.copyOf(links);
    reasons = List.copyOf(reasons);
    advice = List.copyOf(advice);
  }

  public boolean isFraud() {
    return verdict == Label.FRAUD;
  }
}
