package dev.chainbreaker.core.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/**
 * Every variable a condition can read, with its CEL type. The enum is the one list: CEL
 * declarations, the CEL resolver and the compiled fast path are all built from it.
 */
public enum Var {
  // the event
  TYPE("type", SimpleType.STRING),
  SOURCE("source", SimpleType.STRING),
  SOURCE_KIND("source_kind", SimpleType.STRING),
  CHANNEL("channel", SimpleType.STRING),
  VERIFICATION("verification", SimpleType.STRING),
  ACTOR("actor", SimpleType.STRING),
  PURPOSE("purpose", SimpleType.STRING),
  CATEGORY("category", SimpleType.STRING),
  REAL_NAME("real_name", SimpleType.STRING),
  CARD_TYPE("card_type", SimpleType.STRING),
  FORWARDING_KIND("forwarding_kind", SimpleType.STRING),
  MESSAGE_VERDICT("message_verdict", SimpleType.STRING),
  MESSAGE_CATEGORY("message_category", SimpleType.STRING),
  NEW_DEVICE("new_device", SimpleType.BOOL),
  QUICK_BIND("quick_bind", SimpleType.BOOL),
  HAS_AMOUNT("has_amount", SimpleType.BOOL),
  AMOUNT("amount", SimpleType.DOUBLE),
  MESSAGE_SCORE("message_score", SimpleType.DOUBLE),
  HOUR("hour", SimpleType.INT),
  FIELDS("fields", ListType.create(SimpleType.STRING)),
  CHECKS("checks", ListType.create(SimpleType.STRING)),
  // the subject
  STATE("state", SimpleType.STRING),
  MINUTES_IN_STATE("minutes_in_state", SimpleType.INT),
  SCORE("score", SimpleType.INT),
  EXPOSED("exposed", SimpleType.BOOL),
  CONTROL("control", SimpleType.BOOL),
  SINCE(Vars.SINCE, MapType.create(SimpleType.STRING, SimpleType.INT)),
  FIRED(Vars.FIRED, MapType.create(SimpleType.STRING, SimpleType.BOOL)),
  COUNT(Vars.COUNT, MapType.create(SimpleType.STRING, SimpleType.DOUBLE)),
  // the identity graph
  ID_KNOWN("id_known", SimpleType.BOOL),
  ID_AT_RISK("id_at_risk", SimpleType.BOOL),
  CARD_KNOWN("card_known", SimpleType.BOOL),
  CARD_AT_RISK("card_at_risk", SimpleType.BOOL),
  CARD_FROZEN("card_frozen", SimpleType.BOOL),
  CARD_TAINTED("card_tainted", SimpleType.BOOL),
  ACCOUNT_KNOWN("account_known", SimpleType.BOOL),
  ACCOUNT_TAINTED("account_tainted", SimpleType.BOOL),
  ACCOUNT_AGE_DAYS("account_age_days", SimpleType.INT),
  SOURCE_TAINTED("source_tainted", SimpleType.BOOL);

  private static final java.util.Map<String, Var> BY_NAME = new java.util.HashMap<>();

  static {
    for (Var v : values()) {
      BY_NAME.put(v.name, v);
    }
  }

  final String name;
  final CelType type;

  Var(String name, CelType type) {
    this.name = name;
    this.type = type;
  }

  public String varName() {
    return name;
  }

  public CelType celType() {
    return type;
  }

  public static Var named(String name) {
    return BY_NAME.get(name);
  }
}
