package dev.chainbreaker.core;

/** What the institution should do with the request, weakest first. */
public enum Outcome {
  /** Go ahead. */
  ALLOW,
  /** Go ahead only after the verification named in {@code requiredVerification}. */
  CHALLENGE,
  /** Hold for an analyst; for something already done: reverse or investigate. */
  REVIEW,
  /** Refuse. */
  DENY;

  public Outcome max(Outcome other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
