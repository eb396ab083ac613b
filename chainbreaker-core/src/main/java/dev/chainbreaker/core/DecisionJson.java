package dev.chainbreaker.core;

import dev.chainbreaker.core.event.ByteSink;
import dev.chainbreaker.core.event.Event;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
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

  /**
   * The decision as JSON text, streamed: identical to writing {@link #tree} but without building the
   * tree first.
   */
  public static String toJson(Decision d) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, d);
    }
    return out.toString();
  }

  /**
   * The decision as UTF-8 JSON, byte for byte {@code toJson(d).getBytes(UTF_8)}. Every event's answer
   * and log entry goes through here, and both want bytes: Jackson's UTF-8 generator writes them
   * directly, sparing the String and its two encodings (response and store).
   *
   * <p>The one difference between the two: a lone surrogate char (possible in an event id sent as a
   * JSON escape) is escaped as {@code \uD800} by the UTF-8 generator but becomes {@code ?} when the
   * text is encoded. Such a decision takes the text path, so the bytes stay what they always were.
   */
  public static byte[] toUtf8(Decision d) {
    if (hasSurrogate(d)) {
      return toJson(d).getBytes(StandardCharsets.UTF_8);
    }
    // this thread's scratch buffer: only the exact-size result is allocated (a growing
    // ByteArrayOutputStream was about a sixth of the bytes the server allocated, LOAD.md)
    ByteSink out = ByteSink.scratch();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, d);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Decision d) {
    g.writeStartObject();
    g.writeStringProperty("eventId", d.eventId());
    g.writeStringProperty("decision", d.decision().name());
    g.writeStringProperty("risk", d.risk().name());
    g.writeNumberProperty("score", d.score());
    g.writeStringProperty("subjectState", d.subjectState().name());
    g.writeArrayPropertyStart("reasons");
    for (Reason r : d.reasons()) {
      g.writeStartObject();
      g.writeStringProperty("code", r.code());
      g.writeStringProperty("message", r.message());
      g.writeStringProperty("messageZh", r.messageZh());
      strings(g, "evidence", r.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "requiredVerification", d.requiredVerification());
    strings(g, "actions", d.actions());
    g.writeEndObject();
  }

  /** Whether any text the decision writes holds a surrogate char (enum names are ASCII). */
  private static boolean hasSurrogate(Decision d) {
    if (hasSurrogate(d.eventId()) || anySurrogate(d.requiredVerification()) || anySurrogate(d.actions())) {
      return true;
    }
    for (Reason r : d.reasons()) {
      if (hasSurrogate(r.code()) || hasSurrogate(r.message()) || hasSurrogate(r.messageZh()) || anySurrogate(r.evidence())) {
        return true;
      }
    }
    return false;
  }

  private static boolean anySurrogate(java.util.List<String> values) {
    for (String v : values) {
      if (hasSurrogate(v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSurrogate(String s) {
    if (s == null) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void strings(JsonGenerator g, String name, java.util.List<String> values) {
    g.writeArrayPropertyStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** The replay form: the decision object plus the answered event's {@code source} and {@code type}. */
  public static String toReplayJson(Decision d, Event e) {
    ObjectNode o = tree(d);
    o.put("source", e.source());
    o.put("type", e.type().wire());
    return JSON.writeValueAsString(o);
  }
}
