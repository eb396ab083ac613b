package dev.chainbreaker.core;

import java.util.List;

/**
 * The engine's answer to one event, exactly the decision object of the contract. {@code score} is
 * in [0, 1]; {@code requiredVerification} never names {@code sms_otp} unless the line is
 * {@link SubjectState#NORMAL}.
 */
public record Decision(
    String eventId,
    Outcome decision,
    Risk risk,
    double score,
    SubjectState subjectState,
    List<Reason> reasons,
    List<String> requiredVerification,
    List<String> actions) {

  public Decision {
    reasons = List.copyOf(reasons);
    requiredVerification = List.copyOf(requiredVerification);
    actions = List.copyOf(actions);
  }

  /** The first reason, or null. */
  public Reason firstReason() {
    return reasons.isEmpty() ? null : reasons.get(0);
  }
}
