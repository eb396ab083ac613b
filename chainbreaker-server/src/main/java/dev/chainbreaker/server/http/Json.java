package dev.chainbreaker.server.http;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One JSON mapper for the server, and writing JSON responses. */
final class Json {
  /**
   * Rejects a name repeated in one object: parsers disagree on which copy wins, so a proxy that
   * vetted one copy would pass a request read here by the other. Events have their own codec, which
   * does the same for the fields of the contract.
   */
  static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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

  /**
   * JSON already encoded as UTF-8: sent as is (the String form would be encoded here again), in one
   * write to the context's stream, which still compresses when the client asks for it. A result
   * would be copied through a new 8 KB buffer per response (Kotlin's {@code copyTo}): 13% of the
   * bytes the server allocated at 14,000 events/s (LOAD.md).
   */
  static void sendRaw(Context ctx, int status, byte[] json) {
    ctx.status(status).contentType(TYPE);
    try {
      ctx.outputStream().write(json);
    } catch (java.io.IOException e) {
      // The client went away. Its events are recorded, and a retry gets the same decisions.
    }
  }
}
