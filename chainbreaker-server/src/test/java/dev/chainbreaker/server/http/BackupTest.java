package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.server.load.SyntheticEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/backups}: an admin makes a consistent copy while the server runs; a server started
 * on the copy (with the same identifier secret) holds exactly the events, states and keys of that
 * moment, and nothing that came after.
 */
class BackupTest {
  private static final String ADMIN = "backup-admin-key-0123456789";
  private static final Map<String, String> ENV = Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN,
      "CHAINBREAKER_IDENTIFIER_SECRET", "backup-test-identifier-secret-0123");

  @TempDir
  Path data;

  private static Server start(Path dir, Map<String, String> env) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Server.start(ServerConfig.defaults().withPort(0).withData(dir), env, quiet, quiet);
  }

  private static void post(TestClient c, String key, SyntheticEvents gen, int n) {
    for (int i = 0; i < n; i += 50) {
      List<String> batch = new ArrayList<>();
      for (int j = 0; j < 50; j++) {
        batch.add(gen.next());
      }
      HttpResponse<String> r = c.send("POST", "/v1/events", key, "application/cloudevents-batch+json", SyntheticEvents.batch(batch));
      assertEquals(200, r.statusCode(), r.body());
    }
  }

  private static Map<String, String> states(TestClient c, String key, int phones) {
    Map<String, String> out = new TreeMap<>();
    for (int p = 0; p < phones; p++) {
      String phone = "+86137" + String.format("%08d", p);
      out.put(phone, TestClient.json(c.get("/v1/subjects/" + phone, key)).path("state").asString());
    }
    return out;
  }

  @Test
  void aBackupIsADataDirectoryThatStartsAsTheServerWasWhenItWasMade() throws Exception {
    SyntheticEvents gen = new SyntheticEvents(11, "backup", 20);
    Path backup;
    Map<String, String> statesThen;
    String ingest;
    try (Server first = start(data, ENV)) {
      TestClient c = new TestClient(first.port());
      ingest = TestClient.json(c.postJson("/v1/keys", ADMIN, "{\"role\":\"ingest\",\"name\":\"bank\"}")).get("key").asString();
      post(c, ingest, gen, 300);

      HttpResponse<String> refused = c.send("POST", "/v1/backups", ingest, "application/json", "");
      assertEquals(403, refused.statusCode(), "only an admin makes backups: " + refused.body());
      HttpResponse<String> made = c.send("POST", "/v1/backups", ADMIN, "application/json", "");
      assertEquals(201, made.statusCode(), made.body());
      JsonNode b = TestClient.json(made);
      backup = Path.of(b.get("path").asString());
      assertTrue(backup.startsWith(data.resolve("backups").toAbsolutePath()), b.toString());
      assertEquals(300, b.get("events").asLong());
      assertTrue(b.get("restore").asString().contains("--data " + backup), b.toString());
      assertTrue(first.ledger().store().auditLog(10).stream().anyMatch(a -> a.action().equals("backups.create")),
          "the backup is in the audit log");
      statesThen = states(c, ADMIN, 20);

      post(c, ingest, gen, 100); // after the backup: not in it
      assertEquals(400, TestClient.json(c.get("/healthz", null)).get("events").asLong());
    }

    IllegalArgumentException noSecret = assertThrows(IllegalArgumentException.class,
        () -> start(backup, Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN)), "the backup holds no identifier secret");
    assertTrue(noSecret.getMessage().contains("CHAINBREAKER_IDENTIFIER_SECRET"), noSecret.getMessage());

    try (Server restored = start(backup, ENV)) {
      TestClient c = new TestClient(restored.port());
      JsonNode health = TestClient.json(c.get("/healthz", null));
      assertEquals(300, health.get("events").asLong(), health.toString());
      assertEquals("loaded", health.get("recovery").get("mode").asString(), health.toString());
      assertEquals(statesThen, states(c, ADMIN, 20), "every phone as it was at the backup");
      post(c, ingest, new SyntheticEvents(12, "after-restore", 20), 50); // its keys came with it
      assertEquals(350, TestClient.json(c.get("/healthz", null)).get("events").asLong());
    }
    assertTrue(Files.isDirectory(backup.resolve("rocksdb")));
  }
}
