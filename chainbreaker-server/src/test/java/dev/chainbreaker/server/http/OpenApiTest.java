package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The hand-written OpenAPI document and the route table must list exactly the same operations. */
class OpenApiTest {
  private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() throws Exception {
    TreeSet<String> registered = new TreeSet<>();
    for (Route r : new Api(null, System.err).routes()) {
      registered.add(r.method().name() + " " + r.path());
    }
    JsonNode doc;
    try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
      doc = TestClient.JSON.readTree(in);
    }
    assertEquals("3.1.0", doc.get("openapi").asString());
    TreeSet<String> documented = new TreeSet<>();
    doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
      if (METHODS.contains(op.getKey())) {
        documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey());
      }
    }));
    assertEquals(registered, documented);
  }
}
