package dev.chainbreaker.server.http;

import dev.chainbreaker.screen.LinkFinding;
import dev.chainbreaker.screen.Reason;
import dev.chainbreaker.screen.Verdict;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A screening verdict as JSON, the same shape as {@code screen --json} (shared/spec/cli.md). */
final class VerdictJson {
  private VerdictJson() {}

  static ObjectNode tree(String id, Verdict v) {
    ObjectNode o = Json.object();
    if (id != null) {
      o.put("id", id);
    }
    o.put("verdict", v.verdict().name());
    o.put("score", v.score());
    o.put("category", v.category());
    ArrayNode links = o.putArray("links");
    for (LinkFinding l : v.links()) {
      ObjectNode n = links.addObject();
      n.put("text", l.text()).put("host", l.host()).put("registrableDomain", l.registrableDomain()).put("risk", l.risk());
      n.putArray("span").add(l.start()).add(l.end());
    }
    ArrayNode reasons = o.putArray("reasons");
    for (Reason r : v.reasons()) {
      ObjectNode n = reasons.addObject();
      n.put("code", r.code()).put("message", r.message()).put("messageZh", r.messageZh());
      n.putArray("span").add(r.start()).add(r.end());
    }
    ArrayNode advice = o.putArray("advice");
    v.advice().forEach(advice::add);
    return o;
  }
}
