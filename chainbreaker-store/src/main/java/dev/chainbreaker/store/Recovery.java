package dev.chainbreaker.store;

/**
 * What opening the ledger did. {@code mode} is {@code loaded} (the engine was loaded from the stored
 * phone states and identity-graph nodes: {@code events} is the log's length, nothing was compared)
 * (with the rule versions stored) or {@code replayed} (the log was replayed through a fresh engine: events replayed, rule versions
 * re-applied, and decisions, phone states and graph nodes that came out different from the stored
 * ones, all of which should be 0; graph nodes only when {@code graphCompared}: a store written before
 * the graph was stored has none to compare). {@code millis}: how long it took.
 */
public record Recovery(String mode, long events, int ruleVersions, long decisionMismatches, long stateMismatches,
    long phones, long entities, long entityMismatches, boolean graphCompared, long millis) {

  static Recovery loaded(long events, int ruleVersions, long phones, long entities, long millis) {
    return new Recovery("loaded", events, ruleVersions, 0, 0, phones, entities, 0, false, millis);
  }

  public boolean replayed() {
    return mode.equals("replayed");
  }

  public boolean consistent() {
    return decisionMismatches == 0 && stateMismatches == 0 && entityMismatches == 0;
  }
}
