package dev.chainbreaker.store;

/** A decision as stored: the log sequence of the event it answered and the contract JSON. */
public record StoredDecision(long seq, String json) {}
