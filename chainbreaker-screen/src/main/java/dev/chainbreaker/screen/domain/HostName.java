package dev.chainbreaker.screen.domain;

/**
 * A host after UTS #46 processing: its ASCII ({@code xn--}) and Unicode forms, whether any label is
 * an internationalised one, and whether IDNA processing reported errors (the host is then kept as
 * written, lower-cased, and should be treated as suspicious rather than rejected).
 */
public record HostName(String ascii, String unicode, boolean idn, boolean valid) {}
