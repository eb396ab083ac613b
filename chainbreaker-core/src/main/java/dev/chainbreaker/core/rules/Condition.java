package dev.chainbreaker.core.rules;

import java.util.Set;

/**
 * A compiled, type-checked rule condition. {@link #signals()} are the signal names it reads through
 * {@code since.X} or {@code fired.X}: their events are the evidence when it holds.
 */
public interface Condition {

  boolean test(RuleContext context);

  /** The CEL source, for display and errors. */
  String source();

  /** Signals the condition reads; their latest events become evidence. */
  Set<String> signals();

  /** Every variable it reads. */
  Set<String> variables();

  /** Whether it reads the subject state or the takeover score: then the takeover chain is evidence. */
  default boolean readsState() {
    for (String v : variables()) {
      if (Vars.STATE.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /** Whether it reads what the identity graph says: then the chain that put the identity at risk is evidence. */
  default boolean readsIdentity() {
    for (String v : variables()) {
      if (Vars.IDENTITY.contains(v)) {
        return true;
      }
    }
    return false;
  }

  Condition TRUE =
      new Condition() {
        @Override
        public boolean test(RuleContext context) {
          return true;
        }

        @Override
        public String source() {
          return "true";
        }

        @Override
        public Set<String> signals() {
          return Set.of();
        }

        @Override
        public Set<String> variables() {
          return Set.of();
        }
      };
}
