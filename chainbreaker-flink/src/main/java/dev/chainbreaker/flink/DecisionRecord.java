package dev.chainbreaker.flink;

/** A decision on its way out: the phone it is about (the Kafka record key) and the decision JSON. */
public class DecisionRecord {
  public String subject;
  /** The contract's decision object plus the answered event's {@code source} and {@code type} ({@link dev.chainbreaker.core.DecisionJson#toReplayJson}). */
  public String json;

  public DecisionRecord() {}

  public DecisionRecord(String subject, String json) {
    this.subject = subject;
    this.json = json;
  }

  @Override
  public String toString() {
    return json;
  }
}
