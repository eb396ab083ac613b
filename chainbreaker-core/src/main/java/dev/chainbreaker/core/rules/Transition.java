package dev.chainbreaker.core.rules;

import dev.chainbreaker.core.SubjectState;

/** Moves the subject to {@link #to()} when {@link #when()} holds after this event's signals are recorded. */
public record Transition(String name, SubjectState to, Condition when, Text reason) {}
