package dev.chainbreaker.store;

/**
 * One rule pack that was in force: {@code fromSeq} is the first event sequence it decided, so
 * recovery switches to it at exactly the position where it was swapped in.
 */
public record RuleVersion(long version, String name, String packVersion, String yaml, String who, long whenMs, long fromSeq) {}
