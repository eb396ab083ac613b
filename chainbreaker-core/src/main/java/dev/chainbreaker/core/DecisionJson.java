package dev.chainbreaker.core;

import dev.chainbreaker.core.event.Event;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes decisions as the contract's JSON object (plus {@code source} and {@code type} for replay). */
public final class DecisionJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DecisionJson() {}

  public static ObjectNode tree(Decision d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("eventId", d.eventId());
    o.put("decision", d.decision().name());
    o.put("risk", d.risk().name());
    o.put("score", d.score());
    o.put("subjectState", d.subjectState().name());
    ArrayNode reasons = o.putArray("reasons");
    for (Reason r : d.reasons()) {
      ObjectNode ro = reasons.addObject();
      ro.put("code", r.code());
      ro.put("message", r.message());
      ro.put("messageZh", r.messageZh());
      ArrayNode ev = ro.putArray("evidence");
      r.evidence().forEach(ev::add);
    }
    ArrayNode v = o.putArray("requiredVerification");
    d.requiredVerification().forEach(v::add);
    ArrayNode a = o.putArray("actions");
    d.actions().forEach(a::add);
    return o;
  }

  public static String toJson(Decision d) {
    return JSON.writeValueAsString(tree(d));
  }

  /** The replay form: the decision object plus the answered event's {@code source} and {@code type}. */
  public static String toReplayJson(Decision d, Event e) {
    ObjectNode o = tree(d);
    o.put("source", e.source());
    o.put("type", e.type().wire());
    return JSON.writeValueAsString(o);
  }
}
