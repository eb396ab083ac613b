package dev.chainbreaker.store;

/** Who did what to the configuration (rules, keys), and when. {@code detail} is free text without secrets. */
public record AuditEntry(long seq, long whenMs, String who, String action, String detail) {}
