package dev.chainbreaker.server.cli;

import dev.chainbreaker.core.replay.ScenarioScore;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One scenario score as a JSON line. */
final class ScoreJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ScoreJson() {}

  static String toJson(ScenarioScore s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("scenario", s.scenario());
    o.put("hasThief", s.hasThief());
    o.put("detected", s.detected());
    o.put("minutesToDetection", s.minutesToDetection());
    o.put("beforeFirstMoney", s.beforeFirstMoney());
    o.put("thiefRequestsRefused", s.thiefRequestsRefused());
    o.put("thiefMoneyStopped", s.thiefMoneyStopped());
    o.put("ownerEvents", s.ownerEvents());
    o.put("ownerBlocked", s.ownerBlocked());
    o.put("ownerChallenged", s.ownerChallenged());
    o.put("protectiveNotAllowed", s.protectiveNotAllowed());
    o.put("passed", s.passed());
    s.failures().forEach(o.putArray("failures")::add);
    return JSON.writeValueAsString(o);
  }
}
