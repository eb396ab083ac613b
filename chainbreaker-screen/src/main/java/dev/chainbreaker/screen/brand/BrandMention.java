package dev.chainbreaker.screen.brand;

/**
 * A brand named in a message, at {@code [start, end)} of the normalised text; {@code signature} is
 * true when the name stands in a 【signature】 or opens the message ("社保局通知："), i.e. the message
 * speaks as that brand rather than about it.
 */
public record BrandMention(Brand brand, String alias, int start, int end, boolean signature) {}
