package dev.chainbreaker.core.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Set;

/** A condition evaluated by the CEL runtime. Evaluation errors count as false and are tallied. */
final class CelCondition implements Condition {
  private final CelRuntime.Program program;
  private final String source;
  private final Set<String> signals;
  private final Set<String> variables;

  CelCondition(CelRuntime.Program program, String source, Set<String> signals, Set<String> variables) {
    this.program = program;
    this.source = source;
    this.signals = Set.copyOf(signals);
    this.variables = Set.copyOf(variables);
  }

  @Override
  public boolean test(RuleContext context) {
    try {
      return Boolean.TRUE.equals(program.eval(context));
    } catch (CelEvaluationException e) {
      // A condition that cannot be evaluated for this event (e.g. a missing map key) does not hold.
      return false;
    }
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Set<String> signals() {
    return signals;
  }

  @Override
  public Set<String> variables() {
    return variables;
  }
}
