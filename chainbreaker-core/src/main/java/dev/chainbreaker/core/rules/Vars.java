package dev.chainbreaker.core.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
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
    // the event
    for (String s : new String[] {
      "type", "source", "source_kind", "channel", "verification", "actor", "purpose", "category",
      "real_name", "card_type", "forwarding_kind", "message_verdict", "message_category"
    }) {
      m.put(s, SimpleType.STRING);
    }
    m.put("new_device", SimpleType.BOOL);
    m.put("quick_bind", SimpleType.BOOL);
    m.put("has_amount", SimpleType.BOOL);
    m.put("amount", SimpleType.DOUBLE);
    m.put("message_score", SimpleType.DOUBLE);
    m.put("hour", SimpleType.INT);
    m.put("fields", ListType.create(SimpleType.STRING));
    m.put("checks", ListType.create(SimpleType.STRING));
    // the subject
    m.put("state", SimpleType.STRING);
    m.put("minutes_in_state", SimpleType.INT);
    m.put("score", SimpleType.INT);
    m.put("exposed", SimpleType.BOOL);
    m.put("control", SimpleType.BOOL);
    m.put(SINCE, MapType.create(SimpleType.STRING, SimpleType.INT));
    m.put(FIRED, MapType.create(SimpleType.STRING, SimpleType.BOOL));
    m.put(COUNT, MapType.create(SimpleType.STRING, SimpleType.DOUBLE));
    // the identity graph
    m.put("id_known", SimpleType.BOOL);
    m.put("id_at_risk", SimpleType.BOOL);
    m.put("card_known", SimpleType.BOOL);
    m.put("card_at_risk", SimpleType.BOOL);
    m.put("card_frozen", SimpleType.BOOL);
    m.put("card_tainted", SimpleType.BOOL);
    m.put("account_known", SimpleType.BOOL);
    m.put("account_tainted", SimpleType.BOOL);
    m.put("account_age_days", SimpleType.INT);
    m.put("source_tainted", SimpleType.BOOL);
    return Map.copyOf(m);
  }

  /** What {@code since.NAME} reads when the signal never fired (or fired only after this event). */
  public static final long NEVER_MINUTES = 1_000_000_000L;
}
