package dev.chainbreaker.flink;

/**
 * What the phone stage keeps per phone in one value: the phone's state in the core's one byte
 * encoding ({@link dev.chainbreaker.core.state.StateCodec}), and the processing time at which it
 * expires (the TTL timer that matches). One state access per event instead of two.
 */
public class PhoneRecord {
  /** {@link dev.chainbreaker.core.state.StateCodec#encode} of the phone's {@code PhoneState}. */
  public byte[] state;
  /** The pending TTL timer (processing time), or 0. */
  public long expiresAt;

  public PhoneRecord() {}
}
