package dev.chainbreaker.server.http;

import static dev.chainbreaker.server.http.ServerE2ETest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.server.config.ServerConfig;
import dev.chainbreaker.server.load.SyntheticEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What the analyst console needs from the server, end to end: static files, cases, rules history, me, long timelines. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleApiE2ETest {
  static final String ADMIN = "test-admin-key-console-0123";
  static final String PHONE = "+8613800000042";

  @TempDir
  static Path data;

  static Server server;
  static TestClient client;
  static String ingest;
  static String analyst;

  @BeforeAll
  static void start() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withData(data);
    server = Server.start(config, Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    client = new TestClient(server.port());
    ingest = key("ingest", "bank");
    analyst = key("analyst", "analyst one");
    // a takeover story: a new handset, then a remote SIM replacement and a login
    List<String> events = List.of(
        event("c-1", "/telecom/op", "telecom.device.changed", "2026-02-01T20:00:00+08:00", "{\"imei\":\"864000000000017\",\"previousImei\":\"864000000000009\"}"),
        event("c-2", "/telecom/op", "telecom.sim.replaced", "2026-02-01T20:05:00+08:00", "{\"channel\":\"hotline\",\"verification\":\"service_password\"}"),
        event("c-3", "/payment/pay", "account.login", "2026-02-01T20:10:00+08:00",
            "{\"account\":\"acct-77881234\",\"verification\":\"sms_otp\",\"newDevice\":true,\"deviceModel\":\"X1\"}"),
        event("c-4", "/bank/b", "payment.initiated", "2026-02-01T20:12:00+08:00",
            "{\"account\":\"acct-77881234\",\"amount\":\"5000.00\",\"currency\":\"CNY\",\"card\":\"6222021234567890123\",\"category\":\"transfer\"}"));
    HttpResponse<String> r = client.send("POST", "/v1/events", ingest, ServerE2ETest.BATCH, "[" + String.join(",", events) + "]");
    assertEquals(200, r.statusCode(), r.body());
  }

  static String event(String id, String source, String type, String time, String data) {
    return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type + "\",\"time\":\"" + time
        + "\",\"subject\":\"" + PHONE + "\",\"data\":" + data + "}";
  }

  static String key(String role, String name) {
    HttpResponse<String> r = client.postJson("/v1/keys", ADMIN, "{\"role\":\"" + role + "\",\"name\":\"" + name + "\"}");
    assertEquals(201, r.statusCode(), r.body());
    return TestClient.json(r).get("key").asString();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theConsoleIsServedWithoutAKeyUnderAStrictPolicy() {
    HttpResponse<String> index = client.get("/", null);
    assertEquals(200, index.statusCode());
    assertTrue(index.headers().firstValue("Content-Type").orElse("").replace(" ", "").equals("text/html;charset=utf-8"), index.headers().toString());
    String csp = index.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertFalse(index.body().contains("<script>"), "no inline scripts");
    HttpResponse<String> js = client.get("/console/js/app.js", null);
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(client.get("/console/css/console.css", null).headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertProblem(client.get("/console/js/nothing.js", null), 404, "path");
    assertProblem(client.get("/console/../openapi.json", null), 404, null);
    assertProblem(client.get("/console/js/.hidden.js", null), 404, "path");
    // the API's own behaviour is unchanged
    assertProblem(client.get("/v1/nothing", analyst), 404, null);
    assertProblem(client.get("/v1/decisions", null), 401, "Authorization");
  }

  @Test
  void meNamesTheCallersRole() {
    JsonNode me = TestClient.json(client.get("/v1/me", analyst));
    assertEquals("analyst", me.get("role").asString());
    assertEquals("analyst one", me.get("name").asString());
    assertFalse(me.toString().contains(analyst), "no secret");
    assertEquals("admin", TestClient.json(client.get("/v1/me", ADMIN)).get("role").asString());
    assertProblem(client.get("/v1/me", null), 401, "Authorization");
  }

  @Test
  void casesAreLabelledListedAndExported() {
    JsonNode open = TestClient.json(client.get("/v1/cases", analyst));
    JsonNode first = find(open, PHONE);
    assertEquals("open", first.get("label").asString());
    assertFalse("NORMAL".equals(first.get("state").asString()), first.toString());
    HttpResponse<String> put = client.send("PUT", "/v1/cases/13800000042", analyst, "application/json",
        "{\"label\":\"confirmed_takeover\",\"note\":\"=owner called, \\\"confirmed\\\"\"}");
    assertEquals(200, put.statusCode(), put.body());
    JsonNode c = TestClient.json(put);
    assertEquals(PHONE, c.get("subject").asString());
    assertTrue(c.get("labelledBy").asString().startsWith("analyst one ("), c.toString());
    JsonNode labelled = TestClient.json(client.get("/v1/cases?label=confirmed_takeover", analyst));
    assertEquals("confirmed_takeover", find(labelled, PHONE).get("label").asString());
    assertEquals(0, TestClient.json(client.get("/v1/cases?label=false_alarm", analyst)).get("items").size());
    assertTrue(server.ledger().store().auditLog(10).stream().anyMatch(a -> a.action().equals("cases.label") && a.detail().contains(PHONE)));
    // export: JSON lines and CSV (formula-safe, quoted)
    HttpResponse<String> jsonl = client.get("/v1/cases/export", analyst);
    assertEquals(200, jsonl.statusCode());
    assertTrue(jsonl.headers().firstValue("Content-Type").orElse("").startsWith("application/jsonl"));
    JsonNode line = TestClient.JSON.readTree(jsonl.body().lines().findFirst().orElseThrow());
    assertEquals("confirmed_takeover", line.get("label").asString());
    assertTrue(line.get("chain").size() > 0, line.toString());
    HttpResponse<String> csv = client.get("/v1/cases/export?format=csv", analyst);
    assertTrue(csv.body().startsWith("subject,label,state,note,labelledBy,labelledAt,chain\r\n"), csv.body());
    assertTrue(csv.body().contains(",\"'=owner called, \"\"confirmed\"\"\","), csv.body());
    // a victim's card or ID number quoted in a note is stored and exported masked, never raw
    HttpResponse<String> quoted = client.send("PUT", "/v1/cases/13800000042", analyst, "application/json",
        "{\"label\":\"confirmed_takeover\",\"note\":\"victim ID 11010519491231002X, card 6222021234567890128\"}");
    assertEquals(200, quoted.statusCode(), quoted.body());
    String exported = client.get("/v1/cases/export", analyst).body() + client.get("/v1/cases/export?format=csv", analyst).body();
    assertFalse(quoted.body().contains("11010519491231002X") || exported.contains("11010519491231002X"), exported);
    assertFalse(quoted.body().contains("6222021234567890128") || exported.contains("6222021234567890128"), exported);
    assertTrue(exported.contains("victim ID"), exported);
    // bad input names the field; ingest may not label
    assertProblem(client.send("PUT", "/v1/cases/" + PHONE, analyst, "application/json", "{\"label\":\"maybe\"}"), 400, "label");
    assertProblem(client.send("PUT", "/v1/cases/" + PHONE, analyst, "application/json", "{\"label\":\"open\",\"note\":5}"), 400, "note");
    assertProblem(client.send("PUT", "/v1/cases/" + PHONE, analyst, "application/json", "{\"label\":\"open\",\"note\":\"" + "x".repeat(2001) + "\"}"), 400, "note");
    assertProblem(client.send("PUT", "/v1/cases/" + PHONE, analyst, "text/plain", "{}"), 415, "Content-Type");
    assertProblem(client.send("PUT", "/v1/cases/abc", analyst, "application/json", "{\"label\":\"open\"}"), 400, "phone");
    assertProblem(client.send("PUT", "/v1/cases/13600000001", analyst, "application/json", "{\"label\":\"open\"}"), 404, "phone");
    assertProblem(client.send("PUT", "/v1/cases/" + PHONE, ingest, "application/json", "{\"label\":\"open\"}"), 403, "Authorization");
    assertProblem(client.get("/v1/cases?label=x", analyst), 400, "label");
    assertProblem(client.get("/v1/cases?state=x", analyst), 400, "state");
    assertProblem(client.get("/v1/cases/export?format=xml", analyst), 400, "format");
    // one phone's case, even a NORMAL unlabelled one
    assertEquals("confirmed_takeover", TestClient.json(client.get("/v1/cases?subject=13800000042", analyst)).get("items").get(0).get("label").asString());
    assertProblem(client.get("/v1/cases?subject=abc", analyst), 400, "subject");
  }

  /**
   * A takeover stays in the analysts' queue until someone labels it: the case is opened when the
   * line becomes COMPROMISED, and after the engine's state has fallen back to NORMAL (a quiet month)
   * it is still listed, open, with the evidence that opened it. Only labels are exported.
   */
  @Test
  void aTakeoverCaseOutlivesTheStateThatOpenedIt() {
    String phone = "+8613800000043";
    List<String> story = List.of(
        event("d-1", "/telecom/op", "telecom.device.changed", "2025-01-10T20:00:00+08:00", "{\"imei\":\"864000000000025\"}"),
        event("d-2", "/telecom/op", "telecom.sim.replaced", "2025-01-10T20:05:00+08:00", "{\"channel\":\"hotline\",\"verification\":\"service_password\"}"),
        event("d-3", "/payment/pay", "account.login", "2025-01-10T20:10:00+08:00",
            "{\"account\":\"acct-5551\",\"verification\":\"sms_otp\",\"newDevice\":true}"),
        event("d-4", "/bank/b", "payment.initiated", "2025-01-10T20:12:00+08:00",
            "{\"account\":\"acct-5551\",\"amount\":\"5000.00\",\"currency\":\"CNY\",\"card\":\"6222021234567890123\",\"category\":\"transfer\"}"));
    String batch = "[" + String.join(",", story).replace(PHONE, phone) + "]";
    assertEquals(200, client.send("POST", "/v1/events", ingest, ServerE2ETest.BATCH, batch).statusCode());
    JsonNode opened = find(TestClient.json(client.get("/v1/cases", analyst)), phone);
    assertEquals("COMPROMISED", opened.get("state").asString(), opened.toString());
    assertTrue(opened.has("openedAt") && opened.get("openedBy").asString().startsWith("d-"), opened.toString());
    // a quiet month later the owner logs in as usual: the engine's state falls back, its chain is gone
    String later = event("d-5", "/payment/pay", "account.login", "2025-06-01T09:00:00+08:00",
        "{\"account\":\"acct-5551\",\"verification\":\"password\",\"newDevice\":false}").replace(PHONE, phone);
    assertEquals(200, client.postJson("/v1/events", ingest, later).statusCode());
    JsonNode after = find(TestClient.json(client.get("/v1/cases", analyst)), phone);
    assertEquals("NORMAL", after.get("state").asString(), after.toString());
    assertEquals("open", after.get("label").asString());
    assertEquals(opened.get("openedAt"), after.get("openedAt"));
    assertTrue(after.get("chain").size() > 0, "the evidence that opened the case: " + after);
    assertFalse(after.has("labelledBy"), "opened by the engine, not labelled by anyone: " + after);
    assertFalse(client.get("/v1/cases/export", analyst).body().contains(phone), "only labelled cases are ground truth");
  }

  static JsonNode find(JsonNode list, String phone) {
    for (JsonNode c : list.get("items")) {
      if (c.get("subject").asString().equals(phone)) {
        return c;
      }
    }
    throw new AssertionError(phone + " not in " + list);
  }

  @Test
  @Order(Integer.MAX_VALUE) // restarts the server: last (unordered tests come before it)
  void labelsSurviveARestart() {
    assertEquals(200, client.send("PUT", "/v1/cases/" + PHONE, analyst, "application/json", "{\"label\":\"false_alarm\"}").statusCode());
    server.close();
    ServerConfig config = ServerConfig.defaults().withPort(0).withData(data);
    server = Server.start(config, Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    client = new TestClient(server.port());
    assertEquals("false_alarm", find(TestClient.json(client.get("/v1/cases", analyst)), PHONE).get("label").asString());
  }

  @Test
  void rulesHistoryListsEveryVersionWithItsYaml() {
    String yaml = TestClient.json(client.get("/v1/rules", analyst)).get("yaml").asString();
    assertEquals(200, client.send("PUT", "/v1/rules", ADMIN, "application/yaml", yaml).statusCode());
    JsonNode h = TestClient.json(client.get("/v1/rules/history", analyst));
    assertTrue(h.get("total").asInt() >= 2);
    JsonNode newest = h.get("items").get(0);
    assertTrue(newest.get("active").asBoolean());
    assertEquals(yaml, newest.get("yaml").asString());
    assertFalse(h.get("items").get(1).get("active").asBoolean());
    assertProblem(client.get("/v1/rules/history", ingest), 403, "Authorization");
  }

  @Test
  void aSubjectReturnsUpToTenThousandEventsWithMaskedDetails() {
    String phone = "+8613900077001";
    SyntheticEvents gen = new SyntheticEvents(9, "long", 1);
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      batch.add(gen.next().replaceFirst("\"subject\":\"[^\"]*\"", "\"subject\":\"" + phone + "\""));
    }
    assertEquals(200, client.send("POST", "/v1/events", ingest, ServerE2ETest.BATCH, SyntheticEvents.batch(batch)).statusCode());
    JsonNode s = TestClient.json(client.get("/v1/subjects/" + phone + "?limit=10000", analyst));
    assertEquals(600, s.get("timeline").size());
    assertFalse(s.has("nextBefore"));
    assertProblem(client.get("/v1/subjects/" + phone + "?limit=10001", analyst), 400, "limit");
    JsonNode story = TestClient.json(client.get("/v1/subjects/" + PHONE, analyst));
    JsonNode pay = story.get("timeline").get(0);
    assertEquals("payment.initiated", pay.get("type").asString());
    assertEquals("5000.00", pay.get("details").get("amount").asString());
    assertTrue(pay.get("details").get("card").asString().contains("*"), pay.toString());
    assertFalse(story.toString().contains("6222021234567890123") || story.toString().contains("acct-77881234"), story.toString());
  }

  @Test
  void decisionsFilterByInstitutionKind() {
    JsonNode bank = TestClient.json(client.get("/v1/decisions?kind=bank&limit=500", analyst));
    assertTrue(bank.get("items").size() > 0);
    for (JsonNode item : bank.get("items")) {
      assertTrue(item.get("source").asString().startsWith("/bank/"), item.toString());
    }
    assertProblem(client.get("/v1/decisions?kind=school", analyst), 400, "kind");
  }

  @Test
  void analystsMayScreenInThePlayground() {
    assertEquals(200, client.postJson("/v1/messages/screen", analyst, "{\"text\":\"hello\"}").statusCode());
  }
}
