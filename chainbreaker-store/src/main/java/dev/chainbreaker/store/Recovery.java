package dev.chainbreaker.store;

/**
 * What recovery found: events replayed, rule versions re-applied, decisions that came out different
 * from the stored ones and phones whose rebuilt state bytes differ from the stored bytes (both should
 * be 0), and how long it took.
 */
public record Recovery(long events, int ruleVersions, long decisionMismatches, long stateMismatches, long phones, long millis) {
  public boolean consistent() {
    return decisionMismatches == 0 && stateMismatches == 0;
  }
}
