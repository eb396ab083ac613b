package dev.chainbreaker.server.http;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One JSON mapper for the server, and writing JSON responses. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final String TYPE = "application/json";

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JacksonException e) {
      throw Problem.invalid("body", "malformed JSON: " + e.getOriginalMessage());
    }
  }

  static void send(Context ctx, int status, JsonNode node) {
    ctx.status(status).contentType(TYPE).result(MAPPER.writeValueAsString(node));
  }

  static void sendRaw(Context ctx, int status, String json) {
    ctx.status(status).contentType(TYPE).result(json);
  }

  /** JSON already encoded as UTF-8: sent as is (the String form would be encoded here again). */
  static void sendRaw(Context ctx, int status, byte[] json) {
    ctx.status(status).contentType(TYPE).result(json);
  }
}
