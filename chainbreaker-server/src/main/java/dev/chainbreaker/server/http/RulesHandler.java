package dev.chainbreaker.server.http;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventException;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackException;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.server.auth.ApiKey;
import dev.chainbreaker.store.RuleVersion;
import dev.chainbreaker.store.StoredDecision;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The active rule pack: {@code GET /v1/rules}, {@code PUT /v1/rules} (validate, store a new version,
 * swap atomically, audit), and {@code POST /v1/rules/dry-run} (what a draft would change).
 */
final class RulesHandler {
  static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain");
  /** A dry run over the stored log replays at most this many events (from the start: state needs them all). */
  static final int DRY_RUN_MAX_EVENTS = 1_000_000;
  static final int DRY_RUN_MAX_LISTED = 500;
  static final int MAX_HISTORY = 100;

  private final Services s;

  RulesHandler(Services s) {
    this.s = s;
  }

  void get(Context ctx) {
    List<RuleVersion> versions = s.ledger().store().ruleVersions();
    RuleVersion current = versions.get(versions.size() - 1);
    if ("yaml".equals(Requests.queryParam(ctx, "format"))) {
      ctx.status(200).contentType("application/yaml; charset=utf-8").result(current.yaml());
      return;
    }
    ObjectNode o = version(current);
    o.put("yaml", current.yaml());
    ArrayNode history = o.putArray("history");
    for (int i = versions.size() - 1; i >= 0 && history.size() < 20; i--) {
      history.add(version(versions.get(i)));
    }
    Json.send(ctx, 200, o);
  }

  /** {@code GET /v1/rules/history}: every version, newest first, each with its YAML (packs are small). */
  void history(Context ctx) {
    List<RuleVersion> versions = s.ledger().store().ruleVersions();
    ArrayNode items = Json.array();
    for (int i = versions.size() - 1; i >= 0 && items.size() < MAX_HISTORY; i--) {
      ObjectNode o = version(versions.get(i));
      o.put("active", i == versions.size() - 1);
      o.put("yaml", versions.get(i).yaml());
      items.add(o);
    }
    ObjectNode o = Json.object();
    o.set("items", items);
    o.put("total", versions.size());
    Json.send(ctx, 200, o);
  }

  private static ObjectNode version(RuleVersion v) {
    ObjectNode o = Json.object();
    o.put("version", v.version()).put("name", v.name()).put("packVersion", v.packVersion()).put("changedBy", v.who())
        .put("changedAt", Instant.ofEpochMilli(v.whenMs()).toString()).put("fromSequence", v.fromSeq());
    return o;
  }

  void put(Context ctx) {
    Requests.requireType(ctx, YAML_TYPES);
    String yaml = Requests.body(ctx, s.config().maxBodyBytes());
    ApiKey who = ctx.attribute(Api.KEY_ATTRIBUTE);
    RuleVersion v;
    try {
      v = s.ledger().useRules(yaml, who.name() + " (" + who.id() + ")", System.currentTimeMillis());
    } catch (RulePackException e) {
      throw rejected(e, "");
    }
    Json.send(ctx, 200, version(v));
  }

  static Problem rejected(RulePackException e, String prefix) {
    String field = prefix + "rules" + (e.rule() == null ? "" : "." + e.rule()) + (e.line() > 0 ? " (line " + e.line() + ")" : "");
    return new Problem(400, "invalid-rule-pack", "Invalid rule pack", e.getMessage(), field);
  }

  /**
   * Body: {@code application/yaml} (the draft; replays the stored log) or JSON
   * {@code {"rules": YAML, "events": JSONL}} (replays the uploaded events, compared with the active
   * pack on the same events). Answers with the decisions that would change.
   */
  void dryRun(Context ctx) {
    String type = Requests.requireType(ctx, union(YAML_TYPES, Set.of(Json.TYPE)));
    String body = Requests.body(ctx, s.config().maxBodyBytes());
    String yaml;
    String jsonl = null;
    if (type.equals(Json.TYPE)) {
      JsonNode n = Json.parse(body);
      if (!n.isObject() || !n.path("rules").isString()) {
        throw Problem.invalid("rules", "required: the draft pack as a YAML string");
      }
      yaml = n.get("rules").asString();
      if (n.has("events")) {
        if (!n.get("events").isString()) {
          throw Problem.invalid("events", "the events to replay, as JSON lines in one string");
        }
        jsonl = n.get("events").asString();
      }
    } else {
      yaml = body;
    }
    RulePack draft;
    try {
      draft = RulePackLoader.load(yaml);
    } catch (RulePackException e) {
      throw rejected(e, "");
    }
    Engine after = s.ledger().freshEngine(draft);
    List<ObjectNode> changed = new ArrayList<>();
    long[] count = {0, 0};
    if (jsonl == null) {
      s.ledger().store().forEachEvent(1, se -> {
        if (count[0] >= DRY_RUN_MAX_EVENTS) {
          return;
        }
        count[0]++;
        Decision d = after.decide(se.event());
        StoredDecision was = s.ledger().store().decision(se.event().dedupKey());
        compare(se.event(), was == null ? null : Json.parse(was.json()), DecisionJson.tree(d), changed, count);
      });
    } else {
      Engine before = s.ledger().freshEngine(s.ledger().engine().rules());
      String[] lines = jsonl.split("\n", -1);
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        try {
          events.add(after.codec().parse(lines[i]));
        } catch (EventException e) {
          throw Problem.invalid("events[line " + (i + 1) + "]." + e.field(), e.detail());
        }
      }
      for (Event e : events) {
        count[0]++;
        compare(e, DecisionJson.tree(before.decide(e)), DecisionJson.tree(after.decide(e)), changed, count);
      }
    }
    ObjectNode o = Json.object();
    o.put("draft", draft.name() + " " + draft.version());
    o.put("replayed", jsonl == null ? "stored" : "uploaded");
    o.put("events", count[0]);
    o.put("changedCount", count[1]);
    ArrayNode arr = o.putArray("changed");
    changed.forEach(arr::add);
    o.put("truncated", count[1] > changed.size());
    Json.send(ctx, 200, o);
  }

  private static void compare(Event e, JsonNode was, ObjectNode now, List<ObjectNode> changed, long[] count) {
    if (was != null && was.path("decision").equals(now.path("decision")) && was.path("risk").equals(now.path("risk"))
        && was.path("subjectState").equals(now.path("subjectState"))) {
      return;
    }
    count[1]++;
    if (changed.size() >= DRY_RUN_MAX_LISTED) {
      return;
    }
    ObjectNode c = Json.object();
    c.put("eventId", e.id()).put("source", e.source()).put("type", e.type().wire()).put("subject", e.subject()).put("time", e.timeText());
    c.set("before", was == null ? null : summary(was));
    c.set("after", summary(now));
    changed.add(c);
  }

  private static ObjectNode summary(JsonNode d) {
    ObjectNode o = Json.object();
    o.set("decision", d.path("decision"));
    o.set("risk", d.path("risk"));
    o.set("subjectState", d.path("subjectState"));
    JsonNode reasons = d.path("reasons");
    if (reasons.isArray() && !reasons.isEmpty()) {
      o.set("firstReason", reasons.get(0).path("code"));
    }
    return o;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }
}
