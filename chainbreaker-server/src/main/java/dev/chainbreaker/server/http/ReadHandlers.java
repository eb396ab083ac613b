package dev.chainbreaker.server.http;

import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventData;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.event.Protected;
import dev.chainbreaker.core.state.PhoneState;
import dev.chainbreaker.store.StoredDecision;
import dev.chainbreaker.store.StoredEvent;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The analyst's reads: {@code GET /v1/subjects/{phone}} and {@code GET /v1/decisions}. */
final class ReadHandlers {
  private static final Set<String> OUTCOMES = Set.of("ALLOW", "CHALLENGE", "REVIEW", "DENY");
  private static final Set<String> RISKS = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
  /** A filtered listing stops after this many log entries, so one request cannot scan the whole log. */
  static final int MAX_SCAN = 200_000;
  static final int MAX_TIMELINE = 10_000;
  private static final Set<String> KINDS = Set.of("telecom", "gov", "device-vendor", "payment", "bank", "lender", "merchant", "antifraud", "handset");

  private final Services s;
  private final PhoneNumbers phones = PhoneNumbers.china();

  ReadHandlers(Services s) {
    this.s = s;
  }

  private String phone(String raw, String field) {
    try {
      return phones.normalise(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid(field, "'" + raw + "' " + e.getMessage());
    }
  }

  void subject(Context ctx) {
    String phone = phone(ctx.pathParam("phone"), "phone");
    // up to 10,000: the console's story page draws a phone's whole history in a few requests
    int limit = Requests.intParam(ctx, "limit", 50, 1, MAX_TIMELINE);
    long before = Requests.longParam(ctx, "before", Long.MAX_VALUE);
    List<Long> seqs = s.ledger().store().timeline(phone, before, limit);
    PhoneState state = s.ledger().engine().state(phone);
    if (state == null && seqs.isEmpty()) {
      throw Problem.notFound("phone", "no events about " + phone);
    }
    ObjectNode o = Json.object();
    o.put("subject", phone);
    // The engine mutates phone states under its own lock: read this one under it too, for a consistent view.
    synchronized (s.ledger().engine()) {
      o.put("state", s.ledger().engine().stateOf(phone).name());
      if (state != null && state.stateSince() != PhoneState.NEVER) {
        o.put("stateSince", Instant.ofEpochMilli(state.stateSince()).toString());
      }
      ArrayNode chain = o.putArray("chain");
      if (state != null) {
        for (String id : state.chain()) {
          chain.add(id);
        }
      }
    }
    putZone(s, phone, o);
    Map<Long, ObjectNode> linked = new LinkedHashMap<>();
    ArrayNode timeline = o.putArray("timeline");
    for (long seq : seqs) {
      StoredEvent e = s.ledger().store().event(seq);
      if (e == null) {
        continue;
      }
      timeline.add(entry(e));
      collectLinked(e.event(), linked);
    }
    ArrayNode ids = o.putArray("linkedIdentifiers");
    linked.values().forEach(ids::add);
    if (seqs.size() == limit) {
      o.put("nextBefore", seqs.get(seqs.size() - 1));
    }
    Json.send(ctx, 200, o);
  }

  /**
   * {@code zone}: the UTC offset of the phone's newest stored event, {@code +08:00}, absent when none is
   * stored. The console shows the phone's derived times (state since, case label) in it, so that they
   * read in the same zone as the events the institutions reported.
   */
  static void putZone(Services s, String phone, ObjectNode o) {
    List<Long> newest = s.ledger().store().timeline(phone, Long.MAX_VALUE, 1);
    StoredEvent e = newest.isEmpty() ? null : s.ledger().store().event(newest.get(0));
    if (e != null) {
      o.put("zone", offsetText(e.event().offsetSeconds()));
    }
  }

  /** {@code +08:00}, {@code -05:30}, {@code +00:00} (never {@code Z}: one shape for the console's label). */
  static String offsetText(int offsetSeconds) {
    int m = Math.abs(offsetSeconds) / 60;
    return String.format(Locale.ROOT, "%s%02d:%02d", offsetSeconds < 0 ? "-" : "+", m / 60, m % 60);
  }

  /** Identifiers seen with this phone, masked; the hash is only an opaque handle for matching. */
  private static void collectLinked(Event e, Map<Long, ObjectNode> out) {
    EventData d = e.data();
    add(out, "account", d.account(), e.source());
    add(out, "card", d.card(), null);
    add(out, "idNumber", d.idNumber(), null);
    add(out, "card", d.disburseTo(), null);
  }

  private static void add(Map<Long, ObjectNode> out, String kind, Protected p, String source) {
    if (p == null || out.containsKey(p.hash())) {
      return;
    }
    ObjectNode n = Json.object();
    n.put("kind", kind).put("masked", p.masked());
    if (source != null) {
      n.put("source", source);
    }
    out.put(p.hash(), n);
  }

  private ObjectNode entry(StoredEvent e) {
    Event ev = e.event();
    ObjectNode n = Json.object();
    n.put("seq", e.seq());
    n.put("eventId", ev.id());
    n.put("source", ev.source());
    n.put("type", ev.type().wire());
    n.put("time", ev.timeText());
    n.put("subject", ev.subject());
    ObjectNode details = details(ev.data());
    if (!details.isEmpty()) {
      n.set("details", details);
    }
    StoredDecision d = s.ledger().store().decision(ev.dedupKey());
    if (d != null) {
      n.set("decision", Json.parse(d.json()));
    }
    return n;
  }

  /**
   * What an analyst needs to read an event at a glance: how it was asked for and proved, money,
   * device. Identifiers only masked; message texts and raw device ids are left out.
   */
  private static ObjectNode details(EventData d) {
    ObjectNode o = Json.object();
    putIf(o, "channel", d.channel());
    putIf(o, "verification", d.verification());
    putIf(o, "actor", d.actor());
    putIf(o, "purpose", d.purpose());
    putIf(o, "deviceModel", d.deviceModel());
    if (d.newDevice() != null) {
      o.put("newDevice", d.newDevice());
    }
    if (d.hasAmount()) {
      o.put("amount", java.math.BigDecimal.valueOf(d.amount()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
      putIf(o, "currency", d.currency());
    }
    putIf(o, "category", d.category());
    putIf(o, "kind", d.kind());
    putIf(o, "realNameVerification", d.realNameVerification());
    if (d.account() != null) {
      o.put("account", d.account().masked());
    }
    if (d.moneyCard() != null) {
      o.put("card", d.moneyCard().masked());
    }
    if (d.idNumber() != null) {
      o.put("idNumber", d.idNumber().masked());
    }
    return o;
  }

  private static void putIf(ObjectNode o, String k, String v) {
    if (v != null && !v.isEmpty()) {
      o.put(k, v);
    }
  }

  void decisions(Context ctx) {
    String outcome = upper(Requests.queryParam(ctx, "decision"), OUTCOMES, "decision");
    String risk = upper(Requests.queryParam(ctx, "risk"), RISKS, "risk");
    String kind = Requests.queryParam(ctx, "kind") == null ? null : Requests.queryParam(ctx, "kind").strip().toLowerCase(Locale.ROOT);
    if (kind != null && !KINDS.contains(kind)) {
      throw Problem.invalid("kind", "must be one of " + new java.util.TreeSet<>(KINDS));
    }
    String subject = Requests.queryParam(ctx, "subject") == null ? null : phone(Requests.queryParam(ctx, "subject"), "subject");
    long from = time(Requests.queryParam(ctx, "from"), "from", Long.MIN_VALUE);
    long to = time(Requests.queryParam(ctx, "to"), "to", Long.MAX_VALUE);
    if (from > to) {
      throw Problem.invalid("from", "'from' is after 'to'");
    }
    int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
    long before = Requests.longParam(ctx, "before", Long.MAX_VALUE);
    List<ObjectNode> items = new ArrayList<>();
    long lastSeq = -1;
    int scanned = 0;
    if (subject != null) {
      long cursor = before;
      while (items.size() < limit && scanned < MAX_SCAN) {
        List<Long> seqs = s.ledger().store().timeline(subject, cursor, 256);
        if (seqs.isEmpty()) {
          break;
        }
        for (long seq : seqs) {
          scanned++;
          StoredEvent e = s.ledger().store().event(seq);
          ObjectNode n = e == null ? null : match(e, outcome, risk, kind, from, to);
          if (n != null) {
            items.add(n);
            lastSeq = seq;
            if (items.size() == limit) {
              break;
            }
          }
        }
        cursor = seqs.get(seqs.size() - 1);
      }
    } else {
      List<StoredEvent> page = s.ledger().store().eventsBackwards(before, limit, MAX_SCAN, e -> match(e, outcome, risk, kind, from, to) != null);
      for (StoredEvent e : page) {
        lastSeq = e.seq();
        items.add(match(e, outcome, risk, kind, from, to));
      }
    }
    ObjectNode o = Json.object();
    ArrayNode arr = o.putArray("items");
    items.forEach(arr::add);
    if (items.size() == limit) {
      o.put("nextBefore", lastSeq);
    }
    Json.send(ctx, 200, o);
  }

  private ObjectNode match(StoredEvent e, String outcome, String risk, String kind, long from, long to) {
    long t = e.event().timeMs();
    if (t < from || t > to) {
      return null;
    }
    if (kind != null && !e.event().source().startsWith("/" + kind + "/")) {
      return null;
    }
    ObjectNode n = entry(e);
    JsonNode d = n.get("decision");
    if (d == null) {
      return null;
    }
    if (outcome != null && !outcome.equals(d.path("decision").asString())) {
      return null;
    }
    if (risk != null && !risk.equals(d.path("risk").asString())) {
      return null;
    }
    return n;
  }

  private static String upper(String v, Set<String> allowed, String field) {
    if (v == null) {
      return null;
    }
    String u = v.strip().toUpperCase(Locale.ROOT);
    if (!allowed.contains(u)) {
      throw Problem.invalid(field, "must be one of " + new java.util.TreeSet<>(allowed));
    }
    return u;
  }

  private static long time(String v, String field, long dflt) {
    if (v == null) {
      return dflt;
    }
    try {
      return OffsetDateTime.parse(v.strip()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw Problem.invalid(field, "must be an RFC 3339 time with offset, e.g. 2020-09-04T20:51:07+08:00");
    }
  }
}
