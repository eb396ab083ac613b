package dev.chainbreaker.core.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Set;

/** A condition evaluated by the CEL interpreter: the fallback for what {@link CompiledCondition} does not compile. */
final class CelCondition extends CheckedCondition {
  private final CelRuntime.Program program;

  CelCondition(CelRuntime.Program program, String source, Set<String> signals, Set<String> variables) {
    super(source, signals, variables);
    this.program = program;
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
}
