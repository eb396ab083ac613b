package dev.chainbreaker.screen.link;

/**
 * A link found in a message. {@code text} is the link as written in the original text at
 * {@code [start, end)}; {@code normalized} is the same link after normalisation (full-width forms and
 * disguised dots undone); {@code host} is the host as found there (not yet IDNA-processed).
 *
 * @param scheme the scheme in lower case, or null when the link had none
 * @param port the explicit port, or -1
 * @param ipHost the host is an IPv4 address
 * @param shortener the host is a known URL shortener: the real target is hidden
 * @param truncatedAtCjk the path ran into CJK text and was cut there (the writer gave no boundary)
 * @param normalizedStart start of the link in the normalised text ({@code normalizedEnd} its end)
 * @param userInfo the link carries {@code user@} before the host, a way to show a trusted name first
 */
public record ExtractedLink(
    String text,
    String normalized,
    String scheme,
    String host,
    int port,
    String path,
    int start,
    int end,
    boolean ipHost,
    boolean shortener,
    boolean truncatedAtCjk,
    boolean userInfo,
    int normalizedStart,
    int normalizedEnd) {}
