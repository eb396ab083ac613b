package dev.chainbreaker.server.http;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventCodec;
import dev.chainbreaker.core.event.EventException;
import dev.chainbreaker.store.Submitted;
import dev.chainbreaker.store.UnstorableEventException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/events}: one CloudEvent ({@code application/cloudevents+json} or
 * {@code application/json}) or a batch ({@code application/cloudevents-batch+json}, or a JSON array
 * as {@code application/json}). Every event of a batch is validated before anything is decided, so
 * a bad batch writes nothing; a good one is written as one atomic batch and acknowledged after it.
 */
final class EventsHandler {
  static final String SINGLE = "application/cloudevents+json";
  static final String BATCH = "application/cloudevents-batch+json";
  private static final Set<String> TYPES = Set.of(SINGLE, BATCH, Json.TYPE);

  private final Services s;

  EventsHandler(Services s) {
    this.s = s;
  }

  void post(Context ctx) {
    String type = Requests.requireType(ctx, TYPES);
    String body = Requests.body(ctx, s.config().maxBodyBytes());
    JsonNode root;
    try {
      root = EventCodec.tree(body);
    } catch (EventException e) {
      throw Problem.invalid(e.field(), e.detail());
    }
    boolean batch = root.isArray();
    if (type.equals(BATCH) && !batch) {
      throw Problem.invalid("body", "a batch (" + BATCH + ") is a JSON array of events");
    }
    if (type.equals(SINGLE) && batch) {
      throw Problem.invalid("body", "a single event (" + SINGLE + ") is a JSON object; send arrays as " + BATCH);
    }
    List<Event> events = batch ? readBatch(root) : List.of(read(root, ""));
    List<Submitted> results;
    try {
      results = s.ledger().submit(events);
    } catch (UnstorableEventException e) {
      throw Problem.invalid((batch ? "[" + e.index() + "]." : "") + "data", e.getMessage() + " (at most 64 KB per value)");
    }
    for (Submitted r : results) {
      if (r.retry()) {
        s.metrics().retry();
      } else {
        s.metrics().decision(outcomeOf(r.decisionJson()), r.event().type().wire());
      }
    }
    if (!batch) {
      Submitted r = results.get(0);
      ctx.header("X-ChainBreaker-Retry", Boolean.toString(r.retry()));
      Json.sendRaw(ctx, 200, r.decisionJson());
      return;
    }
    StringBuilder sb = new StringBuilder(results.size() * 300).append('[');
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(results.get(i).decisionJson());
    }
    Json.sendRaw(ctx, 200, sb.append(']').toString());
  }

  private List<Event> readBatch(JsonNode root) {
    if (root.isEmpty()) {
      throw Problem.invalid("body", "the batch is empty");
    }
    if (root.size() > s.config().maxBatch()) {
      throw new Problem(413, "batch-too-large", "Batch too large", "a batch holds at most " + s.config().maxBatch() + " events", "body");
    }
    List<Event> out = new ArrayList<>(root.size());
    int i = 0;
    for (JsonNode n : root.values()) {
      out.add(read(n, "[" + i + "]."));
      i++;
    }
    return out;
  }

  private Event read(JsonNode n, String prefix) {
    try {
      return s.ledger().engine().codec().read(n);
    } catch (EventException e) {
      throw Problem.invalid(prefix + e.field(), e.detail());
    }
  }

  /** The outcome out of the decision JSON, without parsing it: it is our own fixed format. */
  static String outcomeOf(String json) {
    int i = json.indexOf("\"decision\":\"");
    if (i < 0) {
      return "UNKNOWN";
    }
    int start = i + 12;
    return json.substring(start, json.indexOf('"', start));
  }
}
