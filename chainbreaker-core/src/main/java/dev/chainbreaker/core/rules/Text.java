package dev.chainbreaker.core.rules;

/** A stable code with its English and Chinese message: what a reason says to an analyst or owner. */
public record Text(String code, String en, String zh) {}
