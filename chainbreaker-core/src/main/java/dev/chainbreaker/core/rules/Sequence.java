package dev.chainbreaker.core.rules;

import java.util.List;

/**
 * "A, then B within T, then C": an ordered chain of steps, each satisfied by any of a set of
 * signals, all within {@link #withinMs()}. When an event completes the chain the sequence is
 * recorded as a derived signal ({@link #signal()}) whose evidence is every event of the chain.
 */
public record Sequence(String name, List<int[]> steps, long withinMs, Signal signal) {}
