package dev.chainbreaker.core.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** A condition that passed the CEL type checker: its source and what it reads, whoever evaluates it. */
abstract class CheckedCondition implements Condition {
  private final String source;
  private final Set<String> signals;
  private final Set<String> variables;

  CheckedCondition(String source, Set<String> signals, Set<String> variables) {
    this.source = source;
    // Not Set.copyOf: its iteration order changes from one JVM run to the next, and the signals'
    // order is the order of a decision's evidence
    this.signals = Collections.unmodifiableSet(new LinkedHashSet<>(signals));
    this.variables = Collections.unmodifiableSet(new LinkedHashSet<>(variables));
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public final Set<String> signals() {
    return signals;
  }

  @Override
  public final Set<String> variables() {
    return variables;
  }
}
