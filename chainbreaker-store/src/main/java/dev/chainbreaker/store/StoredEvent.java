package dev.chainbreaker.store;

import dev.chainbreaker.core.event.Event;

/** An event read back from the log with its sequence. */
public record StoredEvent(long seq, Event event) {}
