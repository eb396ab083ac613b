package dev.chainbreaker.flink;

/**
 * A validated event on its way to the phone stage: the phone key it is partitioned by, its event
 * time, and the event in the core's stored form ({@link dev.chainbreaker.core.event.EventBinary}),
 * so that it is parsed and its identifiers hashed once, at the edge of the job.
 */
public class Envelope {
  /** {@link dev.chainbreaker.core.event.PhoneNumbers#key} of the subject. */
  public long phone;
  public long timeMs;
  public byte[] event;

  public Envelope() {}

  public Envelope(long phone, long timeMs, byte[] event) {
    this.phone = phone;
    this.timeMs = timeMs;
    this.event = event;
  }
}
