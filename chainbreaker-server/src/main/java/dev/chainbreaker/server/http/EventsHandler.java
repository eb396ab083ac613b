package dev.chainbreaker.server.http;

import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventCodec;
import dev.chainbreaker.core.event.EventException;
import dev.chainbreaker.store.Submitted;
import dev.chainbreaker.store.UnstorableEventException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
  /**
   * How far ahead of this server's clock an event's time may be. An event carries when it happened,
   * so a later time is a sender's wrong clock or offset (local time sent as UTC is 8 hours ahead).
   * Windows run on event time: one event dated in the future would move a phone's clock past every
   * window and switch its detection off, so it is refused rather than decided. An hour leaves room
   * for ordinary clock drift.
   */
  static final long MAX_AHEAD_MS = 3_600_000L;

  private final Services s;

  EventsHandler(Services s) {
    this.s = s;
  }

  void post(Context ctx) {
    String type = Requests.requireType(ctx, TYPES);
    byte[] body = Requests.utf8Body(ctx, s.config().maxBodyBytes());
    EventCodec.Body root;
    try {
      root = EventCodec.body(body);
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
    long latest = System.currentTimeMillis() + MAX_AHEAD_MS;
    List<Event> events = batch ? readBatch(root, latest) : List.of(read(root, 0, "", latest));
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
        s.metrics().decision(outcomeOf(r.decisionUtf8()), r.event().type().wire());
      }
    }
    if (!batch) {
      Submitted r = results.get(0);
      ctx.header("X-ChainBreaker-Retry", Boolean.toString(r.retry()));
      Json.sendRaw(ctx, 200, r.decisionUtf8());
      return;
    }
    Json.sendRaw(ctx, 200, jsonArray(results));
  }

  /** {@code [d0,d1,...]}: the decisions' UTF-8 JSON joined into one array, sized exactly. */
  static byte[] jsonArray(List<Submitted> results) {
    int length = 1 + results.size(); // '[', the commas and ']'
    for (Submitted r : results) {
      length += r.decisionUtf8().length;
    }
    byte[] out = new byte[length];
    int at = 0;
    out[at++] = '[';
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) {
        out[at++] = ',';
      }
      byte[] d = results.get(i).decisionUtf8();
      System.arraycopy(d, 0, out, at, d.length);
      at += d.length;
    }
    out[at] = ']';
    return out;
  }

  private List<Event> readBatch(EventCodec.Body root, long latest) {
    if (root.size() == 0) {
      throw Problem.invalid("body", "the batch is empty");
    }
    if (root.size() > s.config().maxBatch()) {
      throw new Problem(413, "batch-too-large", "Batch too large", "a batch holds at most " + s.config().maxBatch() + " events", "body");
    }
    List<Event> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      out.add(read(root, i, "[" + i + "].", latest));
    }
    return out;
  }

  private Event read(EventCodec.Body root, int i, String prefix, long latest) {
    Event e;
    try {
      e = s.ledger().engine().codec().read(root, i);
    } catch (EventException ex) {
      throw Problem.invalid(prefix + ex.field(), ex.detail());
    }
    if (e.timeMs() > latest) {
      throw Problem.invalid(prefix + "time", "is more than an hour ahead of this server's clock ("
          + java.time.Instant.ofEpochMilli(latest - MAX_AHEAD_MS) + "): an event's time is when it happened;"
          + " check the sender's clock and UTC offset");
    }
    return e;
  }

  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final byte[] DECISION_KEY = "\"decision\":\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * The outcome out of the decision JSON, without parsing it: it is our own fixed format. A quote
   * inside an earlier string is escaped ({@code \"}), so the first match is the property itself.
   */
  static String outcomeOf(byte[] json) {
    int i = indexOf(json, DECISION_KEY);
    if (i < 0) {
      return "UNKNOWN";
    }
    int start = i + DECISION_KEY.length;
    int end = start;
    while (end < json.length && json[end] != '"') {
      end++;
    }
    return outcomeName(json, start, end);
  }

  /** The outcome's name: the constant for a known one, so that counting a decision allocates nothing. */
  private static String outcomeName(byte[] json, int start, int end) {
    for (Outcome o : OUTCOMES) {
      if (asciiEquals(json, start, end, o.name())) {
        return o.name();
      }
    }
    return new String(json, start, end - start, StandardCharsets.UTF_8);
  }

  private static boolean asciiEquals(byte[] bytes, int start, int end, String ascii) {
    if (end - start != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (bytes[start + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
