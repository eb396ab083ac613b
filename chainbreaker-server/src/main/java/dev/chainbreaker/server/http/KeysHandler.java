package dev.chainbreaker.server.http;

import dev.chainbreaker.server.auth.ApiKey;
import dev.chainbreaker.server.auth.ApiKeys;
import dev.chainbreaker.server.auth.Role;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST/GET /v1/keys}, {@code DELETE /v1/keys/{id}}: admin only; every change is audited. */
final class KeysHandler {
  private final Services s;

  KeysHandler(Services s) {
    this.s = s;
  }

  void create(Context ctx) {
    Requests.requireType(ctx, Set.of(Json.TYPE));
    JsonNode n = Json.parse(Requests.body(ctx, 16 * 1024));
    if (!n.isObject()) {
      throw Problem.invalid("body", "a JSON object with role and name");
    }
    Role role = Role.parse(n.path("role").isString() ? n.get("role").asString() : null);
    if (role == null) {
      throw Problem.invalid("role", "required: ingest, analyst or admin");
    }
    String name = n.path("name").isString() ? n.get("name").asString().strip() : "";
    if (name.isEmpty() || name.length() > 100) {
      throw Problem.invalid("name", "required: a name of 1 to 100 characters (who holds the key)");
    }
    ApiKey by = ctx.attribute(Api.KEY_ATTRIBUTE);
    String secret = ApiKeys.newSecret();
    ApiKey k = s.keys().add(secret, role, name, by.name() + " (" + by.id() + ")", System.currentTimeMillis());
    ObjectNode o = view(k);
    o.put("key", secret); // the only time the key is ever shown
    Json.send(ctx, 201, o);
  }

  void list(Context ctx) {
    ArrayNode arr = Json.array();
    s.keys().list().forEach(k -> arr.add(view(k)));
    ObjectNode o = Json.object();
    o.set("items", arr);
    Json.send(ctx, 200, o);
  }

  void delete(Context ctx) {
    ApiKey k = s.keys().byId(ctx.pathParam("id"));
    if (k == null) {
      throw Problem.notFound("id", "no key with id " + ctx.pathParam("id"));
    }
    ApiKey by = ctx.attribute(Api.KEY_ATTRIBUTE);
    if (!s.keys().delete(k, by.name() + " (" + by.id() + ")", System.currentTimeMillis())) {
      throw new Problem(409, "last-admin-key", "Conflict", "the last admin key cannot be deleted; create another admin key first", "id");
    }
    ctx.status(204);
  }

  /** {@code GET /v1/me}: the caller's own key (id, role, name), so the console knows what to offer. */
  void me(Context ctx) {
    ApiKey k = ctx.attribute(Api.KEY_ATTRIBUTE);
    Json.send(ctx, 200, view(k));
  }

  private static ObjectNode view(ApiKey k) {
    ObjectNode o = Json.object();
    o.put("id", k.id()).put("role", k.role().wire()).put("name", k.name()).put("createdBy", k.createdBy())
        .put("createdAt", Instant.ofEpochMilli(k.createdMs()).toString());
    return o;
  }
}
