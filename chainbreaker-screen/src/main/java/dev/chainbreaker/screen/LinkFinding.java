package dev.chainbreaker.screen;

/**
 * A link found in a message: the text as written, the host it resolves to after normalisation, its
 * registrable domain (Public Suffix List), a risk ({@code HIGH}, {@code MEDIUM}, {@code LOW}) and the
 * span {@code [start, end)} in the original text.
 */
public record LinkFinding(String text, String host, String registrableDomain, String risk, int start, int end) {}
