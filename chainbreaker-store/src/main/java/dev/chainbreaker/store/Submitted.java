package dev.chainbreaker.store;

import dev.chainbreaker.core.event.Event;

/**
 * The answer to one submitted event: the decision JSON (the original one for a retry), whether it
 * was a retry, and the event's log sequence.
 */
public record Submitted(Event event, String decisionJson, boolean retry, long seq) {}
