package dev.chainbreaker.screen;

/**
 * Why a message was judged as it was: a stable code, English and Chinese messages, and the span
 * {@code [start, end)} of the original text it points at ({@code -1, -1} when it is about the whole
 * message or the sender).
 */
public record Reason(String code, String message, String messageZh, int start, int end) {}
