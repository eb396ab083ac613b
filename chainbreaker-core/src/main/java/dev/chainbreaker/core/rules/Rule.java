package dev.chainbreaker.core.rules;

import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.Risk;
import dev.chainbreaker.core.event.EventType;
import java.util.List;
import java.util.Set;

/** A decision rule: for events of {@link #on()} types, when {@link #when()} holds, decide. */
public record Rule(
    String name,
    Set<EventType> on,
    Condition when,
    Outcome decision,
    Risk risk,
    double score,
    List<String> verification,
    List<String> actions,
    Text reason) {}
