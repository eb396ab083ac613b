package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.replay.Replay;
import dev.chainbreaker.core.rules.RulePackLoader;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The real server on a free port, driven over HTTP: scenarios, batches, retries, roles, bad input. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerE2ETest {
  static final String ADMIN = "test-admin-key-0123456789";
  static final String BATCH = "application/cloudevents-batch+json";

  @TempDir
  static Path data;

  static Server server;
  static TestClient client;
  static String ingest;
  static String analyst;
  static final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @BeforeAll
  static void start() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withData(data);
    server = Server.start(config, Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN), new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
    client = new TestClient(server.port());
    ingest = createKey("ingest", "bank");
    analyst = createKey("analyst", "analyst one");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String createKey(String role, String name) {
    HttpResponse<String> r = client.postJson("/v1/keys", ADMIN, "{\"role\":\"" + role + "\",\"name\":\"" + name + "\"}");
    assertEquals(201, r.statusCode(), r.body());
    return TestClient.json(r).get("key").asString();
  }

  static void assertProblem(HttpResponse<String> r, int status, String field) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
    JsonNode p = TestClient.json(r);
    assertEquals(status, p.get("status").asInt());
    assertTrue(p.get("type").asString().startsWith("https://"), r.body());
    assertTrue(p.hasNonNull("title") && p.hasNonNull("detail"), r.body());
    if (field != null) {
      assertEquals(field, p.path("field").asString(), r.body());
    }
    assertFalse(r.body().contains("at dev.") || r.body().contains("Exception"), "no stack traces: " + r.body());
  }

  @Test
  @Order(1)
  void firstStartSaysHowToGetTheAdminKeyWithoutPrintingIt() {
    String out = stdout.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("CHAINBREAKER_ADMIN_KEY"), out);
    assertTrue(out.contains("listening on http://127.0.0.1:" + server.port()), out);
    assertFalse(out.contains(ADMIN), "the key from the environment is not echoed");
  }

  @Test
  @Order(2)
  void seedScenariosGetTheEnginesDecisions() throws Exception {
    String shared = System.getProperty("chainbreaker.shared");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "scenarios")),
        "shared fixtures absent (system property chainbreaker.shared = " + shared + "): scenario test skipped");
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(shared, "scenarios"))) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    Engine reference = Engine.builder().rules(RulePackLoader.defaultPack()).build();
    int events = 0;
    for (Path f : files) {
      List<Event> parsed = Replay.read(reference, f);
      List<String> expected = new ArrayList<>();
      for (Replay.Step st : Replay.run(reference, parsed)) {
        expected.add(DecisionJson.toJson(st.decision()));
      }
      List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
      HttpResponse<String> r = client.send("POST", "/v1/events", ingest, BATCH, "[" + String.join(",", lines) + "]");
      assertEquals(200, r.statusCode(), f + ": " + r.body());
      JsonNode got = TestClient.json(r);
      assertEquals(expected.size(), got.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(TestClient.JSON.readTree(expected.get(i)), got.get(i), f + " event " + (i + 1));
      }
      events += expected.size();
    }
    // the stolen phone's story is visible to the analyst
    JsonNode subject = TestClient.json(client.get("/v1/subjects/13800000001?limit=500", analyst));
    assertEquals(reference.stateOf("+8613800000001").name(), subject.get("state").asString());
    assertEquals(72, subject.get("timeline").size());
    assertTrue(subject.get("linkedIdentifiers").size() > 0, subject.toString());
    for (JsonNode id : subject.get("linkedIdentifiers")) {
      assertTrue(id.get("masked").asString().contains("*"), "masked: " + id);
    }
    JsonNode health = TestClient.json(client.get("/healthz", null));
    assertEquals(events, health.get("events").asLong());
    // a second posting of a scenario is all retries: same decisions, nothing new stored
    List<String> lines = Files.readAllLines(files.get(0)).stream().filter(l -> !l.isBlank()).toList();
    HttpResponse<String> again = client.send("POST", "/v1/events", ingest, BATCH, "[" + String.join(",", lines) + "]");
    assertEquals(200, again.statusCode());
    assertEquals(events, TestClient.json(client.get("/healthz", null)).get("events").asLong());
  }

  @Test
  @Order(3)
  void singleEventsBatchesAndRetries() {
    SyntheticEvents gen = new SyntheticEvents(1, "e2e", 50);
    String one = gen.next();
    HttpResponse<String> first = client.send("POST", "/v1/events", ingest, "application/cloudevents+json", one);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals("false", first.headers().firstValue("X-ChainBreaker-Retry").orElse(""));
    long before = seq();
    HttpResponse<String> retry = client.postJson("/v1/events", ingest, one);
    assertEquals(first.body(), retry.body());
    assertEquals("true", retry.headers().firstValue("X-ChainBreaker-Retry").orElse(""));
    assertEquals(before, seq(), "a retry is not counted twice");
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      batch.add(gen.next());
    }
    batch.add(one); // a retry inside a batch answers with the original decision
    HttpResponse<String> r = client.send("POST", "/v1/events", ingest, BATCH, SyntheticEvents.batch(batch));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode arr = TestClient.json(r);
    assertEquals(21, arr.size());
    assertEquals(TestClient.JSON.readTree(first.body()), arr.get(20));
    assertEquals(before + 20, seq());
    // a JSON array sent as application/json is a batch too
    assertEquals(200, client.postJson("/v1/events", ingest, SyntheticEvents.batch(List.of(gen.next()))).statusCode());
  }

  static long seq() {
    return TestClient.json(client.get("/healthz", null)).get("events").asLong();
  }

  @Test
  @Order(4)
  void everyBadInputIsAProblemNamingTheFieldAndWritesNothing() throws Exception {
    SyntheticEvents gen = new SyntheticEvents(2, "bad", 50);
    String good = gen.next();
    long before = seq();
    assertProblem(client.postJson("/v1/events", ingest, "{\"specversion\": \"1.0\","), 400, "body");
    assertProblem(client.postJson("/v1/events", ingest, good.replace("telecom.", "telecom.bogus.").replace("account.", "bogus.")
        .replace("card.", "bogus.").replace("payment.", "bogus.").replace("loan.", "bogus.").replace("auth.", "bogus.")), 400, "type");
    assertProblem(client.postJson("/v1/events", ingest, good.replaceFirst("\"subject\":\"[^\"]*\"", "\"subject\":\"not-a-phone\"")), 400, "subject");
    assertProblem(client.postJson("/v1/events", ingest, good.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"yesterday\"")), 400, "time");
    // a time in the future is a sender's wrong clock or offset: refused, since deciding it would move
    // the phone's event-time clock past every window and switch its detection off
    assertProblem(client.postJson("/v1/events", ingest, good.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"9999-12-31T23:59:59+08:00\"")), 400, "time");
    String twoHoursAhead = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString();
    assertProblem(client.send("POST", "/v1/events", ingest, BATCH, SyntheticEvents.batch(List.of(gen.next(),
        gen.next().replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"" + twoHoursAhead + "\"")))), 400, "[1].time");
    // not a number anyone can hold; a telecom fact from a merchant
    assertProblem(client.postJson("/v1/events", ingest, good.replaceFirst("\"subject\":\"[^\"]*\"", "\"subject\":\"12345\"")), 400, "subject");
    assertProblem(client.postJson("/v1/events", ingest, "{\"specversion\":\"1.0\",\"id\":\"m1\",\"source\":\"/merchant/shady\","
        + "\"type\":\"telecom.sim.replaced\",\"time\":\"2026-03-01T10:00:00+08:00\",\"subject\":\"+8613700000003\","
        + "\"data\":{\"channel\":\"store\",\"verification\":\"in_person_id\"}}"), 400, "source");
    assertProblem(client.send("POST", "/v1/events", ingest, "text/plain", good), 415, "Content-Type");
    assertProblem(client.send("POST", "/v1/events", ingest, null, good), 415, "Content-Type");
    // a little over the limit: read, discarded and answered
    assertProblem(client.postJson("/v1/events", ingest, "[" + "x".repeat(1024 * 1024) + "]"), 413, "body");
    // far over: answered at once from the announced length, before the body is read
    String[] tooLarge = client.rawPostAnnouncing("/v1/events", ingest, 64L * 1024 * 1024);
    assertTrue(tooLarge[0].contains(" 413 "), tooLarge[0]);
    assertEquals("body", TestClient.JSON.readTree(tooLarge[1]).get("field").asString(), tooLarge[1]);
    assertProblem(client.postJson("/v1/events", ingest, "[]"), 400, "body");
    assertProblem(client.send("POST", "/v1/events", ingest, BATCH, good), 400, "body");
    assertProblem(client.send("POST", "/v1/events", ingest, "application/cloudevents+json", "[" + good + "]"), 400, "body");
    assertProblem(client.postJson("/v1/events", ingest, "{\"specversion\":\"1.0\"}"), 400, null);
    assertProblem(client.postJson("/v1/events", ingest, "\"just a string\""), 400, null);
    assertProblem(client.postJson("/v1/events", ingest, good + " trailing"), 400, "body");
    assertProblem(client.postJson("/v1/events", ingest, good.replace("{\"specversion\"", "{\u0000\"specversion\"")), 400, "body");
    // an unset timestamp (zero) is a sender's bug, not an event of 1970
    assertProblem(client.postJson("/v1/events", ingest, good.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"1970-01-01T00:00:00Z\"")), 400, "time");
    // a field sent twice: parsers disagree on which copy wins, so neither is taken
    assertProblem(client.postJson("/v1/events", ingest, good.replaceFirst("\\{", "{\"subject\":\"+8613900000999\",")), 400, "subject");
    assertProblem(client.send("POST", "/v1/events", ingest, BATCH, SyntheticEvents.batch(List.of(gen.next(),
        "{\"specversion\":\"1.0\",\"id\":\"dup-channel\",\"source\":\"/bank/x\",\"type\":\"account.login\","
            + "\"time\":\"2026-03-01T10:00:00+08:00\",\"subject\":\"+8613700000003\","
            + "\"data\":{\"channel\":\"app\",\"channel\":\"web\",\"verification\":\"password\"}}"))), 400, "[1].data.channel");
    assertProblem(client.send("POST", "/v1/messages/screen", ingest, "application/json", "{\"text\":\"hi\",\"text\":\"hxxps://a.cc\"}"), 400, "body");
    // a batch with one bad event: nothing of it is written
    String bad = gen.next().replaceFirst("\"subject\":\"[^\"]*\"", "\"subject\":\"12\"");
    assertProblem(client.send("POST", "/v1/events", ingest, BATCH, SyntheticEvents.batch(List.of(gen.next(), gen.next(), bad))), 400, "[2].subject");
    assertEquals(before, seq(), "nothing half-written");
    // queries, routes, methods
    assertProblem(client.get("/v1/decisions?decision=MAYBE", analyst), 400, "decision");
    assertProblem(client.get("/v1/decisions?risk=1", analyst), 400, "risk");
    assertProblem(client.get("/v1/decisions?from=yesterday", analyst), 400, "from");
    assertProblem(client.get("/v1/decisions?limit=0", analyst), 400, "limit");
    assertProblem(client.get("/v1/subjects/abc", analyst), 400, "phone");
    assertProblem(client.get("/v1/subjects/13600000000", analyst), 404, "phone");
    assertProblem(client.get("/v1/nothing", analyst), 404, null);
    // a misspelt filter is refused, never answered with the unfiltered list
    assertProblem(client.get("/v1/decisions?decison=DENY", analyst), 400, "decison");
    assertProblem(client.get("/v1/cases?subject=%2B8613800000001&labels=open", analyst), 400, "labels");
    assertProblem(client.get("/v1/me?verbose=1", analyst), 400, "verbose");
    assertProblem(client.send("POST", "/v1/events?dryRun=true", ingest, "application/cloudevents+json", good), 400, "dryRun");
    assertEquals(200, client.get("/v1/decisions?decision=DENY&limit=5", analyst).statusCode());
    assertProblem(client.send("DELETE", "/v1/events", ingest, null, null), 405, null);
    assertProblem(client.send("POST", "/v1/messages/screen", ingest, "application/json", "{\"sender\":\"1\"}"), 400, "text");
    assertProblem(client.send("POST", "/v1/messages/screen", ingest, "application/json", "[{\"text\":\"hi\"},{\"text\":5}]"), 400, "[1].text");
    assertProblem(client.send("PUT", "/v1/rules", ADMIN, "application/yaml", "pack: x\nversion: 1\nrules: [[["), 400, null);
    assertProblem(client.send("PUT", "/v1/rules", ADMIN, "application/json", "{}"), 415, "Content-Type");
    assertProblem(client.postJson("/v1/keys", ADMIN, "{\"role\":\"root\",\"name\":\"x\"}"), 400, "role");
    // ordinary clock drift is not refused
    String fiveMinutesAhead = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusMinutes(5).withNano(0).toString();
    assertEquals(200, client.postJson("/v1/events", ingest, gen.next().replaceFirst("\"time\":\"[^\"]*\"",
        "\"time\":\"" + fiveMinutesAhead + "\"")).statusCode());
  }

  @Test
  @Order(5)
  void rolesAndKeys() {
    String event = new SyntheticEvents(3, "roles", 50).next();
    assertProblem(client.postJson("/v1/events", null, event), 401, "Authorization");
    assertProblem(client.postJson("/v1/events", "cb_not_a_key", event), 401, "Authorization");
    assertProblem(client.postJson("/v1/events", analyst, event), 403, "Authorization");
    assertProblem(client.get("/v1/decisions", ingest), 403, "Authorization");
    assertProblem(client.get("/v1/keys", analyst), 403, "Authorization");
    assertProblem(client.send("PUT", "/v1/rules", analyst, "application/yaml", "x: 1"), 403, "Authorization");
    assertEquals(200, client.get("/healthz", null).statusCode());
    for (String key : List.of(ingest, analyst, ADMIN)) {
      assertEquals(200, client.get("/metrics", key).statusCode());
      assertEquals(200, client.get("/openapi.json", key).statusCode());
    }
    assertEquals(200, client.postJson("/v1/events", ADMIN, event).statusCode(), "admin may do everything");
    assertEquals(200, client.get("/v1/decisions", analyst).statusCode());
    // keys: list (no secrets), revoke, the revoked key stops working, the last admin stays
    String temp = createKey("ingest", "temporary");
    JsonNode list = TestClient.json(client.get("/v1/keys", ADMIN));
    assertFalse(list.toString().contains(temp) || list.toString().contains(ADMIN), "no secrets listed");
    String tempId = null;
    String adminId = null;
    for (JsonNode k : list.get("items")) {
      if (k.get("name").asString().equals("temporary")) {
        tempId = k.get("id").asString();
      }
      if (k.get("role").asString().equals("admin")) {
        adminId = k.get("id").asString();
      }
    }
    assertEquals(200, client.postJson("/v1/messages/screen", temp, "{\"text\":\"hello\"}").statusCode());
    assertEquals(204, client.send("DELETE", "/v1/keys/" + tempId, ADMIN, null, null).statusCode());
    assertProblem(client.postJson("/v1/messages/screen", temp, "{\"text\":\"hello\"}"), 401, "Authorization");
    assertProblem(client.send("DELETE", "/v1/keys/" + tempId, ADMIN, null, null), 404, "id");
    assertProblem(client.send("DELETE", "/v1/keys/" + adminId, ADMIN, null, null), 409, "id");
    String revoked = tempId;
    assertTrue(server.ledger().store().auditLog(50).stream().anyMatch(a -> a.action().equals("keys.delete") && a.detail().contains(revoked)));
  }

  @Test
  @Order(6)
  void decisionsAreFilteredAndPaged() {
    SyntheticEvents gen = new SyntheticEvents(4, "paging", 3);
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(gen.next());
    }
    assertEquals(200, client.send("POST", "/v1/events", ingest, BATCH, SyntheticEvents.batch(batch)).statusCode());
    JsonNode page1 = TestClient.json(client.get("/v1/decisions?limit=10", analyst));
    assertEquals(10, page1.get("items").size());
    long cursor = page1.get("nextBefore").asLong();
    JsonNode page2 = TestClient.json(client.get("/v1/decisions?limit=10&before=" + cursor, analyst));
    assertTrue(page2.get("items").get(0).get("seq").asLong() < cursor);
    JsonNode denied = TestClient.json(client.get("/v1/decisions?decision=ALLOW&limit=500", analyst));
    for (JsonNode item : denied.get("items")) {
      assertEquals("ALLOW", item.get("decision").get("decision").asString());
    }
    String phone = page1.get("items").get(0).get("subject").asString();
    JsonNode bySubject = TestClient.json(client.get("/v1/decisions?subject=" + phone.substring(3) + "&limit=500", analyst));
    assertTrue(bySubject.get("items").size() > 0);
    for (JsonNode item : bySubject.get("items")) {
      assertEquals(phone, item.get("subject").asString());
    }
    JsonNode march = TestClient.json(client.get("/v1/decisions?from=2026-03-01T00:00:00%2B08:00&to=2026-03-10T00:00:00%2B08:00&limit=500", analyst));
    for (JsonNode item : march.get("items")) {
      assertTrue(item.get("time").asString().compareTo("2026-03-10") < 0, item.toString());
    }
  }

  @Test
  @Order(7)
  void screeningOneAndMany() {
    HttpResponse<String> one = client.postJson("/v1/messages/screen", ingest,
        "{\"id\":\"m1\",\"text\":\"【社保中心】您的社保卡即将注销，请于7月30日前打开 a.szxq9.cc 在线办理\",\"sender\":\"+8617000000000\"}");
    assertEquals(200, one.statusCode(), one.body());
    JsonNode v = TestClient.json(one);
    assertEquals("m1", v.get("id").asString());
    assertTrue(List.of("FRAUD", "SPAM", "NORMAL").contains(v.get("verdict").asString()));
    HttpResponse<String> many = client.postJson("/v1/messages/screen", ingest, "[{\"text\":\"晚上一起吃饭吗\"},{\"text\":\"hello\",\"id\":\"x\"}]");
    assertEquals(200, many.statusCode(), many.body());
    assertEquals(2, TestClient.json(many).size());
  }

  @Test
  @Order(8)
  void rulesAreSwappedAuditedAndDryRun() {
    JsonNode current = TestClient.json(client.get("/v1/rules", analyst));
    String yaml = current.get("yaml").asString();
    long version = current.get("version").asLong();
    assertEquals(200, client.get("/v1/rules?format=yaml", analyst).statusCode());
    // a pack whose CEL does not type-check is rejected with the rule named
    HttpResponse<String> bad = client.send("PUT", "/v1/rules", ADMIN, "application/yaml", "pack: broken\nversion: \"1\"\nsignals: []\nrules:\n  - name: r1\n    on: [account.login]\n    when: \"nosuch.field > 3\"\n    decision: DENY\n");
    assertProblem(bad, 400, null);
    assertTrue(TestClient.json(bad).get("field").asString().startsWith("rules"), bad.body());
    assertEquals(version, TestClient.json(client.get("/v1/rules", analyst)).get("version").asLong(), "a bad pack changes nothing");
    // the active pack with its COMPROMISED-state OTP rule asking for an SMS code instead of a face is
    // rejected, in the swap and in a dry run, naming the rule and its verification: the engine would
    // silently drop the code at run time and leave a refusal that requires nothing
    String otpRule = "  - name: compromised.otp\n";
    int at = yaml.indexOf(otpRule);
    assertTrue(at >= 0, "the default pack's compromised.otp rule");
    int verification = yaml.indexOf("    verification: [face]\n", at);
    String smsOnCompromised = yaml.substring(0, verification) + "    verification: [sms_otp]\n"
        + yaml.substring(verification + "    verification: [face]\n".length());
    HttpResponse<String> sms = client.send("PUT", "/v1/rules", ADMIN, "application/yaml", smsOnCompromised);
    assertProblem(sms, 400, null);
    assertTrue(TestClient.json(sms).get("field").asString().startsWith("rules.compromised.otp (line "), sms.body());
    assertTrue(TestClient.json(sms).get("detail").asString().contains("'verification' names sms_otp"), sms.body());
    HttpResponse<String> smsDry = client.send("POST", "/v1/rules/dry-run", analyst, "application/yaml", smsOnCompromised);
    assertProblem(smsDry, 400, TestClient.json(sms).get("field").asString());
    assertEquals(version, TestClient.json(client.get("/v1/rules", analyst)).get("version").asLong(), "a rejected pack changes nothing");
    // dry runs: stored log and uploaded file, with the active pack itself: nothing changes
    HttpResponse<String> stored = client.send("POST", "/v1/rules/dry-run", analyst, "application/yaml", yaml);
    assertEquals(200, stored.statusCode(), stored.body());
    assertEquals(0, TestClient.json(stored).get("changedCount").asLong(), stored.body());
    assertTrue(TestClient.json(stored).get("events").asLong() > 0);
    SyntheticEvents gen = new SyntheticEvents(5, "dry", 5);
    String jsonl = gen.next() + "\n" + gen.next() + "\n";
    ObjectNodeBuilder body = new ObjectNodeBuilder().put("rules", yaml).put("events", jsonl);
    HttpResponse<String> uploaded = client.postJson("/v1/rules/dry-run", analyst, body.json());
    assertEquals(200, uploaded.statusCode(), uploaded.body());
    assertEquals(2, TestClient.json(uploaded).get("events").asLong());
    assertEquals(0, TestClient.json(uploaded).get("changedCount").asLong());
    assertProblem(client.postJson("/v1/rules/dry-run", analyst, new ObjectNodeBuilder().put("rules", yaml).put("events", "{\"id\":1}\n").json()), 400, "events[line 1].specversion");
    // the swap: a new version, recorded with who and when
    HttpResponse<String> put = client.send("PUT", "/v1/rules", ADMIN, "application/yaml", yaml);
    assertEquals(200, put.statusCode(), put.body());
    assertEquals(version + 1, TestClient.json(put).get("version").asLong());
    assertTrue(TestClient.json(put).get("changedBy").asString().startsWith("first admin"));
    assertTrue(server.ledger().store().auditLog(10).stream().anyMatch(a -> a.action().equals("rules.put")));
    assertEquals(200, client.postJson("/v1/events", ingest, gen.next()).statusCode());
  }

  @Test
  @Order(9)
  void metricsCountRequestsDecisionsAndPhones() {
    assertEquals(404, client.get("/v1/no-such-route-" + System.nanoTime(), analyst).statusCode());
    String m = client.get("/metrics", analyst).body();
    assertTrue(m.contains("chainbreaker_http_requests_total{method=\"GET\",route=\"(unmatched)\",status=\"404\"}"), m);
    assertTrue(m.contains("chainbreaker_http_requests_total{method=\"POST\",route=\"/v1/events\",status=\"200\"}"), m);
    assertTrue(m.contains("chainbreaker_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/events\",le=\"+Inf\"}"), m);
    assertTrue(m.contains("chainbreaker_decisions_total{decision="), m);
    assertTrue(m.contains("chainbreaker_events_total{type="), m);
    assertTrue(m.contains("chainbreaker_phones_tracked "), m);
    for (String gauge : List.of("chainbreaker_rule_version ", "chainbreaker_recovery_decision_mismatches 0", "chainbreaker_recovery_state_mismatches 0",
        "chainbreaker_jvm_heap_used_bytes ", "chainbreaker_jvm_gc_collections ")) {
      assertTrue(m.contains(gauge), gauge + " in " + m);
    }
    assertEquals(200, client.postJson("/v1/messages/screen", ingest, "{\"text\":\"【社保中心】请打开 a.szxq9.cc 在线办理，过时将被注销账户\"}").statusCode());
    assertTrue(client.get("/metrics", analyst).body().contains("chainbreaker_screen_verdicts_total{verdict=\"FRAUD\"} "), "screening verdicts are counted");
    assertNotEquals(-1, m.indexOf("chainbreaker_state_bytes "));
  }

  @Test
  @Order(10)
  void noRawIdentifierLeavesTheServerOrReachesTheDisk() throws Exception {
    String raw = "510104199003071234";
    String event = "{\"specversion\":\"1.0\",\"id\":\"pii-1\",\"source\":\"/payment/pay\",\"type\":\"account.created\",\"time\":\"2026-03-01T10:00:00+08:00\","
        + "\"subject\":\"+8613700000777\",\"data\":{\"account\":\"acct-secret-991\",\"idNumber\":\"" + raw + "\",\"realNameVerification\":\"face\"}}";
    assertEquals(200, client.postJson("/v1/events", ingest, event).statusCode());
    String subject = client.get("/v1/subjects/+8613700000777", analyst).body();
    assertFalse(subject.contains(raw) || subject.contains("acct-secret-991"), subject);
    assertTrue(subject.contains("5101"), "masked form shown: " + subject);
    server.ledger().store().awaitDurable(1);
    try (Stream<Path> files = Files.walk(data)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertFalse(content.contains(raw), "raw ID number in " + p);
      }
    }
  }

  /** A raw-socket answer is an RFC 9457 problem: the status, problem+json, the field, no stack trace, no HTML. */
  static JsonNode assertRawProblem(TestClient.RawResponse r, int status, String field) {
    assertEquals(status, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType(), r.headers() + " " + r.body());
    JsonNode p = TestClient.JSON.readTree(r.body());
    assertEquals(status, p.get("status").asInt(), r.body());
    assertTrue(p.get("type").asString().startsWith(Problem.TYPE_BASE), r.body());
    assertTrue(p.hasNonNull("title") && p.hasNonNull("detail"), r.body());
    if (field != null) {
      assertEquals(field, p.path("field").asString(), r.body());
    }
    assertFalse(r.body().contains("at dev.") || r.body().contains("at org.") || r.body().contains("Exception"), "no stack traces: " + r.body());
    assertFalse(r.body().toLowerCase(java.util.Locale.ROOT).contains("<html"), "no HTML: " + r.body());
    return p;
  }

  /**
   * A malformed percent-encoding in a query parameter is a 400 naming that parameter, on every route
   * that reads the query: before, Javalin dropped the parameter, so {@code subject=%ZZ} answered 200 with
   * everyone's decisions instead of one phone's. A name that cannot be decoded makes the whole query
   * string malformed ({@code field: query}). Well-formed encodings still work.
   */
  @Test
  @Order(11)
  void malformedPercentEncodingInTheQueryIsA400NamingTheParameterNeverAnUnfilteredAnswer() throws Exception {
    assertRawProblem(client.rawGet("/v1/decisions?subject=%ZZ", analyst, ""), 400, "subject");
    assertRawProblem(client.rawGet("/v1/decisions?decision=%ZZ", analyst, ""), 400, "decision");
    assertRawProblem(client.rawGet("/v1/decisions?risk=HIGH&kind=%G1", analyst, ""), 400, "kind");
    assertRawProblem(client.rawGet("/v1/decisions?limit=10&subject=138%2", analyst, ""), 400, "subject"); // truncated escape
    assertRawProblem(client.rawGet("/v1/decisions?subject=%C3%28", analyst, ""), 400, "subject"); // escapes, but not UTF-8
    assertRawProblem(client.rawGet("/v1/decisions?from=%", analyst, ""), 400, "from");
    assertRawProblem(client.rawGet("/v1/decisions?%ZZ=1", analyst, ""), 400, "query");
    assertRawProblem(client.rawGet("/v1/decisions?limit=5&%E0%A4=ALLOW", analyst, ""), 400, "query");
    // every route that reads query parameters
    assertRawProblem(client.rawGet("/v1/subjects/13800000001?limit=%ZZ", analyst, ""), 400, "limit");
    assertRawProblem(client.rawGet("/v1/subjects/13800000001?before=%ZZ", analyst, ""), 400, "before");
    assertRawProblem(client.rawGet("/v1/cases?subject=%ZZ", analyst, ""), 400, "subject");
    assertRawProblem(client.rawGet("/v1/cases?label=%ZZ", analyst, ""), 400, "label");
    assertRawProblem(client.rawGet("/v1/cases?state=%ZZ", analyst, ""), 400, "state");
    assertRawProblem(client.rawGet("/v1/cases/export?format=%ZZ", analyst, ""), 400, "format");
    assertRawProblem(client.rawGet("/v1/rules?format=%ZZ", analyst, ""), 400, "format");
    // and the routes that read none: a malformed query is never silently ignored
    assertRawProblem(client.rawGet("/v1/me?x=%ZZ", analyst, ""), 400, "x");
    // still: no key, no answer about the query
    assertRawProblem(client.rawGet("/v1/decisions?subject=%ZZ", null, ""), 401, "Authorization");
    // well-formed encodings are decoded as before: '+' is a space, %2B a plus, raw UTF-8 through escapes
    TestClient.RawResponse ok = client.rawGet("/v1/decisions?subject=%2B8613800000001&limit=1", analyst, "");
    assertEquals(200, ok.status(), ok.body());
    TestClient.RawResponse spaced = client.rawGet("/v1/decisions?decision=+ALLOW+&limit=1", analyst, "");
    assertEquals(200, spaced.status(), spaced.body());
    assertRawProblem(client.rawGet("/v1/decisions?kind=%E9%93%B6%E8%A1%8C", analyst, ""), 400, "kind"); // valid UTF-8, not a kind
  }

  /**
   * Errors Jetty answers before any route runs keep their status but are problem+json like ours, not
   * Jetty's text/html "HTTP ERROR" page, and do not echo the request: an undecodable path segment, a
   * {@code ..} climbing above the root (sent as is, like curl --path-as-is), a 70 KB header (431).
   */
  @Test
  @Order(12)
  void jettyLevelErrorsAreProblemJsonWithTheirStatusNotHtml() throws Exception {
    JsonNode badPath = assertRawProblem(client.rawGet("/v1/subjects/%ZZ", analyst, ""), 400, "path");
    assertFalse(badPath.toString().contains("%ZZ"), badPath.toString());
    TestClient.RawResponse climb = client.rawGet("/console/../../../etc/passwd", null, "");
    JsonNode escape = assertRawProblem(climb, 400, "path");
    assertFalse(climb.body().contains("passwd") || climb.body().contains(".."), "the path is not echoed: " + climb.body());
    assertFalse(escape.has("instance"), escape.toString());
    String huge = "X-Filler: " + "a".repeat(70 * 1024) + "\r\n";
    TestClient.RawResponse tooLarge = client.rawGet("/v1/decisions", analyst, huge);
    assertRawProblem(tooLarge, 431, "headers");
    assertTrue(tooLarge.body().length() < 1024, "short: " + tooLarge.body());
    // the path's other Jetty-level faults: escaped dot-segments, a NUL, escapes that are not UTF-8
    for (String bad : List.of("/console/%2e%2e/%2e%2e/etc/passwd", "/../v1/decisions", "/v1/subjects/%00", "/v1/subjects/%C3%28", "/v1/subjects/%4")) {
      assertRawProblem(client.rawGet(bad, analyst, ""), 400, "path");
    }
    // odd paths that reach the router: answered by it (404, or the phone named), still never HTML
    for (String odd : List.of("/v1/subjects/%2e%2e/%2e%2e/x", "/v1/subjects/a%2Fb", "/console/..%2F..%2Fetc/passwd", "/v1//decisions")) {
      TestClient.RawResponse r = client.rawGet(odd, analyst, "");
      assertTrue(r.status() == 400 || r.status() == 404, odd + ": " + r.status() + " " + r.body());
      assertRawProblem(r, r.status(), null);
    }
    // the server still answers normally afterwards
    assertEquals(200, client.get("/healthz", null).statusCode());
  }

  /** Builds a small JSON object with string members. */
  static final class ObjectNodeBuilder {
    private final tools.jackson.databind.node.ObjectNode o = TestClient.JSON.createObjectNode();

    ObjectNodeBuilder put(String k, String v) {
      o.put(k, v);
      return this;
    }

    String json() {
      return o.toString();
    }
  }
}
