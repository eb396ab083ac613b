package dev.chainbreaker.server.http;

import dev.chainbreaker.screen.Verdict;
import io.javalin.http.Context;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code POST /v1/messages/screen}: {@code {"text": ..., "sender": ..., "id": ...}} or an array of
 * them; answers with the verdict (or an array of verdicts, in order). The whole batch is checked
 * before anything is screened.
 */
final class ScreenHandler {
  static final int MAX_TEXT = 64 * 1024;
  private final Services s;

  ScreenHandler(Services s) {
    this.s = s;
  }

  void post(Context ctx) {
    Requests.requireType(ctx, Set.of(Json.TYPE));
    JsonNode root = Json.parse(Requests.body(ctx, s.config().maxBodyBytes()));
    if (root.isArray()) {
      if (root.isEmpty()) {
        throw Problem.invalid("body", "the batch is empty");
      }
      if (root.size() > s.config().maxBatch()) {
        throw new Problem(413, "batch-too-large", "Batch too large", "a batch holds at most " + s.config().maxBatch() + " messages", "body");
      }
      int i = 0;
      for (JsonNode n : root.values()) {
        check(n, "[" + i++ + "].");
      }
      ArrayNode out = Json.array();
      for (JsonNode n : root.values()) {
        out.add(screen(n));
      }
      Json.send(ctx, 200, out);
      return;
    }
    check(root, "");
    Json.send(ctx, 200, screen(root));
  }

  private static void check(JsonNode n, String prefix) {
    if (!n.isObject()) {
      throw Problem.invalid(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "a message is a JSON object with text and optional sender and id");
    }
    JsonNode text = n.get("text");
    if (text == null || !text.isString() || text.asString().isBlank()) {
      throw Problem.invalid(prefix + "text", "required, a non-empty string");
    }
    if (text.asString().length() > MAX_TEXT) {
      throw Problem.invalid(prefix + "text", "longer than " + MAX_TEXT + " characters");
    }
    for (String f : new String[] {"sender", "id"}) {
      JsonNode v = n.get(f);
      if (v != null && !v.isNull() && !v.isString()) {
        throw Problem.invalid(prefix + f, "must be a string");
      }
    }
  }

  private JsonNode screen(JsonNode n) {
    String sender = n.hasNonNull("sender") ? n.get("sender").asString() : null;
    String id = n.hasNonNull("id") ? n.get("id").asString() : null;
    Verdict v = s.screener().get().screen(n.get("text").asString(), sender);
    s.metrics().screened(v.verdict().name());
    return VerdictJson.tree(id, v);
  }
}
