package dev.chainbreaker.core.rules;

import dev.cel.common.types.CelType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a rule condition can read, with their CEL types. Conditions are type-checked
 * against exactly these at load time, so a typo or a string compared with a number is rejected
 * before the pack is used. The names are the documentation of the rule language (see RULES.md).
 */
public final class Vars {
  private Vars() {}

  /** Maps whose keys must be declared signal (or counter) names: {@code since.NAME}, {@code fired.NAME}, {@code count.NAME}. */
  public static final String SINCE = "since";
  public static final String FIRED = "fired";
  public static final String COUNT = "count";

  public static final Map<String, CelType> ALL = declare();

  /** Variables about the subject's state: a condition reading them is explained by the takeover chain. */
  public static final java.util.Set<String> STATE = java.util.Set.of("state", "score", "exposed", "control", "minutes_in_state");

  /** Variables the identity graph answers: a condition reading them is explained by the chain that put the identity at risk. */
  public static final java.util.Set<String> IDENTITY =
      java.util.Set.of("id_at_risk", "card_at_risk", "account_tainted", "card_tainted", "source_tainted");

  private static Map<String, CelType> declare() {
    Map<String, CelType> m = new LinkedHashMap<>();
    for (Var v : Var.values()) {
      m.put(v.varName(), v.celType());
    }
    return Map.copyOf(m);
  }

  /** What {@code since.NAME} reads when the signal never fired (or fired only after this event). */
  public static final long NEVER_MINUTES = 1_000_000_000L;
}
