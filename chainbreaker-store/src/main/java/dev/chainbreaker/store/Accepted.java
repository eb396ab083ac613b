package dev.chainbreaker.store;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.event.Event;

/**
 * One newly decided event, ready to be written: the event and its stored form ({@code EventBinary}),
 * its decision (and JSON), the phone's new state.
 */
public record Accepted(Event event, byte[] stored, Decision decision, String decisionJson, byte[] state) {}
