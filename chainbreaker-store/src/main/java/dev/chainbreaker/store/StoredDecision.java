package dev.chainbreaker.store;

import java.nio.charset.StandardCharsets;

/**
 * A decision as stored: the log sequence of the event it answered and the contract JSON, kept as the
 * stored UTF-8 bytes (a retry sends them back as they are).
 */
public record StoredDecision(long seq, byte[] utf8) {

  /** The JSON as text. */
  public String json() {
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
