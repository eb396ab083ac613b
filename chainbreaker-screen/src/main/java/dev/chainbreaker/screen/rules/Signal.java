package dev.chainbreaker.screen.rules;

/**
 * One piece of evidence: a stable code, its weight in log-odds of fraud (negative weights speak for
 * the message), English and Chinese explanations, and a span {@code [start, end)} in the ORIGINAL text
 * ({@code -1, -1} when it is about the sender or the whole message).
 */
public record Signal(String code, double weight, String message, String messageZh, int start, int end) {}
