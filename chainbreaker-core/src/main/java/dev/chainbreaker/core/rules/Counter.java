package dev.chainbreaker.core.rules;

import dev.chainbreaker.core.event.EventType;
import java.util.Set;

/**
 * A sliding-window sum kept in a bucket ring: counts events (or sums their amounts) of the given
 * types over {@link #windowMs()}. Read in conditions as {@code count.NAME}.
 */
public record Counter(int index, String name, Set<EventType> on, Condition when, boolean sumAmount, long windowMs) {}
