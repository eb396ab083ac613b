package dev.chainbreaker.server.http;

import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.FreeText;
import dev.chainbreaker.core.event.PhoneNumbers;
import dev.chainbreaker.core.state.PhoneState;
import dev.chainbreaker.server.auth.ApiKey;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Case labels, the analysts' verdict on a phone's story: {@code PUT /v1/cases/{phone}},
 * {@code GET /v1/cases} and {@code GET /v1/cases/export}. A label is ground truth for tuning the
 * rule pack, so it is stored durably (with who and when, audited) and exported as JSON lines or CSV.
 * A case is a phone that was labelled, that was ever COMPROMISED (the store opens its case then), or
 * whose state is not {@code NORMAL}.
 */
final class CasesHandler {
  static final Set<String> LABELS = Set.of("open", "confirmed_takeover", "false_alarm");
  static final int MAX_NOTE = 2000;
  /** Listing scans at most this many phone states for unlabelled cases, so one request stays cheap. */
  static final int MAX_SCAN = 200_000;
  static final int MAX_LIST = 1000;

  private final Services s;
  private final PhoneNumbers phones = PhoneNumbers.china();

  CasesHandler(Services s) {
    this.s = s;
  }

  void put(Context ctx) {
    String phone = phone(ctx.pathParam("phone"), "phone");
    Requests.requireType(ctx, Set.of(Json.TYPE));
    JsonNode n = Json.parse(Requests.body(ctx, 16 * 1024));
    if (!n.isObject()) {
      throw Problem.invalid("body", "a JSON object with label and optional note");
    }
    String label = n.path("label").isString() ? n.get("label").asString().strip().toLowerCase(Locale.ROOT) : null;
    if (label == null || !LABELS.contains(label)) {
      throw Problem.invalid("label", "required: one of " + new java.util.TreeSet<>(LABELS));
    }
    JsonNode noteNode = n.get("note");
    if (noteNode != null && !noteNode.isNull() && !noteNode.isString()) {
      throw Problem.invalid("note", "must be a string");
    }
    // an analyst may quote the victim's card or ID number: stored and exported masked, as events' free text is
    String note = noteNode == null || noteNode.isNull() ? "" : FreeText.mask(noteNode.asString().strip());
    if (note.length() > MAX_NOTE) {
      throw Problem.invalid("note", "longer than " + MAX_NOTE + " characters");
    }
    if (s.ledger().engine().state(phone) == null && s.ledger().store().timeline(phone, Long.MAX_VALUE, 1).isEmpty()) {
      throw Problem.notFound("phone", "no events about " + phone);
    }
    ApiKey who = ctx.attribute(Api.KEY_ATTRIBUTE);
    long now = System.currentTimeMillis();
    ObjectNode rec = Json.object();
    rec.put("label", label).put("note", note).put("labelledBy", who.name() + " (" + who.id() + ")").put("labelledById", who.id())
        .put("labelledAtMs", now);
    s.ledger().store().putCase(phone, rec.toString(), now, who.name() + " (" + who.id() + ")", phone + " " + label);
    Json.send(ctx, 200, view(phone, rec));
  }

  void list(Context ctx) {
    String label = filter(Requests.queryParam(ctx, "label"), LABELS, "label");
    String state = filter(Requests.queryParam(ctx, "state"), Set.of("normal", "watch", "compromised", "recovering"), "state");
    ArrayNode items = Json.array();
    if (Requests.queryParam(ctx, "subject") != null) {
      // one phone's case, labelled or not: what the story page shows
      String phone = phone(Requests.queryParam(ctx, "subject"), "subject");
      String rec = s.ledger().store().caseRecord(phone);
      ObjectNode c = view(phone, rec == null ? null : (ObjectNode) Json.parse(rec));
      if ((label == null || label.equals(c.path("label").asString())) && (state == null || state.equalsIgnoreCase(c.path("state").asString()))) {
        items.add(c);
      }
      Json.send(ctx, 200, Json.object().put("truncated", false).set("items", items));
      return;
    }
    boolean truncated = false;
    for (ObjectNode c : cases()) {
      if ((label == null || label.equals(c.path("label").asString()))
          && (state == null || state.equalsIgnoreCase(c.path("state").asString()))) {
        if (items.size() == MAX_LIST) {
          truncated = true;
          break;
        }
        items.add(c);
      }
    }
    ObjectNode o = Json.object();
    o.set("items", items);
    o.put("truncated", truncated);
    Json.send(ctx, 200, o);
  }

  /** The labelled cases (the tuning ground truth), as JSON lines (default) or CSV. */
  void export(Context ctx) {
    String format = Requests.queryParam(ctx, "format") == null ? "jsonl" : Requests.queryParam(ctx, "format").strip().toLowerCase(Locale.ROOT);
    if (!format.equals("jsonl") && !format.equals("csv")) {
      throw Problem.invalid("format", "must be jsonl or csv");
    }
    List<ObjectNode> labelled = new ArrayList<>();
    for (ObjectNode c : cases()) {
      if (c.has("labelledAt")) {
        labelled.add(c);
      }
    }
    StringBuilder out = new StringBuilder();
    if (format.equals("jsonl")) {
      for (ObjectNode c : labelled) {
        out.append(Json.MAPPER.writeValueAsString(c)).append('\n');
      }
      ctx.contentType("application/jsonl; charset=utf-8");
    } else {
      out.append("subject,label,state,note,labelledBy,labelledAt,chain\r\n");
      for (ObjectNode c : labelled) {
        List<String> chain = new ArrayList<>();
        c.path("chain").values().forEach(v -> chain.add(v.asString()));
        out.append(csv(c.path("subject").asString())).append(',').append(csv(c.path("label").asString())).append(',')
            .append(csv(c.path("state").asString())).append(',').append(csv(c.path("note").asString())).append(',')
            .append(csv(c.path("labelledBy").asString())).append(',').append(csv(c.path("labelledAt").asString())).append(',')
            .append(csv(String.join(" ", chain))).append("\r\n");
      }
      ctx.contentType("text/csv; charset=utf-8");
    }
    ctx.header("Content-Disposition", "attachment; filename=\"chainbreaker-cases." + format + "\"");
    ctx.status(200).result(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never evaluates a note. */
  static String csv(String v) {
    String x = v == null ? "" : v;
    if (!x.isEmpty() && "=+-@".indexOf(x.charAt(0)) >= 0) {
      x = "'" + x;
    }
    if (x.contains(",") || x.contains("\"") || x.contains("\n") || x.contains("\r") || x.contains("'")) {
      return "\"" + x.replace("\"", "\"\"") + "\"";
    }
    return x;
  }

  /** Labelled phones first recorded, then every phone the engine holds in a non-NORMAL state. */
  private List<ObjectNode> cases() {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    s.ledger().store().cases().forEach((phone, json) -> out.put(phone, view(phone, (ObjectNode) Json.parse(json))));
    int[] scanned = {0};
    s.ledger().store().forEachState((phone, bytes) -> {
      if (scanned[0]++ >= MAX_SCAN || out.containsKey(phone)) {
        return;
      }
      if (s.ledger().engine().stateOf(phone) != SubjectState.NORMAL) {
        out.put(phone, view(phone, null));
      }
    });
    List<ObjectNode> list = new ArrayList<>(out.values());
    // what most needs an analyst first: compromised, recovering, watch, then normal; open before labelled
    list.sort(java.util.Comparator.comparingInt((ObjectNode c) -> rank(c.path("state").asString()))
        .thenComparing(c -> !"open".equals(c.path("label").asString()))
        .thenComparing(c -> c.path("subject").asString()));
    return list;
  }

  private static int rank(String state) {
    return switch (state) {
      case "COMPROMISED" -> 0;
      case "RECOVERING" -> 1;
      case "WATCH" -> 2;
      default -> 3;
    };
  }

  private ObjectNode view(String phone, ObjectNode rec) {
    ObjectNode o = Json.object();
    o.put("subject", phone);
    synchronized (s.ledger().engine()) {
      o.put("state", s.ledger().engine().stateOf(phone).name());
      PhoneState st = s.ledger().engine().state(phone);
      if (st != null && st.stateSince() != PhoneState.NEVER) {
        o.put("stateSince", Instant.ofEpochMilli(st.stateSince()).toString());
      }
      ArrayNode chain = o.putArray("chain");
      if (st != null) {
        for (String id : st.chain()) {
          chain.add(id);
        }
      }
    }
    ReadHandlers.putZone(s, phone, o);
    o.put("label", rec == null ? "open" : rec.path("label").asString());
    if (rec != null && rec.has("openedAtMs")) {
      // opened by the store when the line became COMPROMISED (Store.append), not yet labelled
      o.put("openedAt", Instant.ofEpochMilli(rec.path("openedAtMs").asLong()).toString());
      o.put("openedBy", rec.path("openedBy").asString());
      ArrayNode chain = (ArrayNode) o.get("chain");
      if (chain.isEmpty()) {
        // the engine's state fell back since: the evidence that opened the case still explains it
        rec.path("openedChain").values().forEach(chain::add);
      }
    }
    if (rec != null && rec.has("labelledAtMs")) {
      o.put("note", rec.path("note").asString());
      o.put("labelledBy", rec.path("labelledBy").asString());
      o.put("labelledAt", Instant.ofEpochMilli(rec.path("labelledAtMs").asLong()).toString());
    }
    return o;
  }

  private String phone(String raw, String field) {
    try {
      return phones.normalise(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid(field, "'" + raw + "' " + e.getMessage());
    }
  }

  private static String filter(String v, Set<String> allowed, String field) {
    if (v == null || v.isBlank()) {
      return null;
    }
    String l = v.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(l)) {
      throw Problem.invalid(field, "must be one of " + new java.util.TreeSet<>(allowed));
    }
    return l;
  }
}
