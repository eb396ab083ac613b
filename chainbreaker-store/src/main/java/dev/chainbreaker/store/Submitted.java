package dev.chainbreaker.store;

import dev.chainbreaker.core.event.Event;
import java.nio.charset.StandardCharsets;

/**
 * The answer to one submitted event: the decision JSON as UTF-8 (the original one for a retry),
 * whether it was a retry, and the event's log sequence. The bytes are what the response carries;
 * callers must not modify them.
 */
public record Submitted(Event event, byte[] decisionUtf8, boolean retry, long seq) {
  /** The decision JSON as text. */
  public String decisionJson() {
    return new String(decisionUtf8, StandardCharsets.UTF_8);
  }
}
