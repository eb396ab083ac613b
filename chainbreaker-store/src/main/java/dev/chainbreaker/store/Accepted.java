package dev.chainbreaker.store;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.event.Event;

/**
 * One newly decided event, ready to be written: the event and its stored form ({@code EventBinary}),
 * its decision (and its JSON as UTF-8, the bytes that are stored), the phone's new state.
 */
public record Accepted(Event event, byte[] stored, Decision decision, byte[] decisionUtf8, byte[] state) {}
