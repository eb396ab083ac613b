package dev.chainbreaker.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainbreaker.bench.Simulator;
import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.rules.RulePackLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Inputs, the embedded reference, and the comparison shared by the Flink tests. */
final class Harness {
  static final byte[] SECRET = "chainbreaker-flink-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Harness() {}

  /** {@code ../shared}, or the test is skipped with a message saying why. */
  static Path shared() {
    Path dir = Path.of(System.getProperty("chainbreaker.shared", "../shared"));
    Assumptions.assumeTrue(Files.isDirectory(dir.resolve("scenarios")),
        "skipped: the shared fixtures (" + dir.toAbsolutePath() + "/scenarios) are not beside this checkout");
    return dir;
  }

  /** Every scenario of ../shared/scenarios, one file after another (by name). */
  static List<String> scenarioLines() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(shared().resolve("scenarios"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(out::add);
      }
    }
    return out;
  }

  /** A small simulated population with more attacks than the benchmark mix (so takeovers are many). */
  static List<String> populationLines(int phones, int days, long seed) {
    List<String> out = new ArrayList<>();
    Simulator.Config cfg = new Simulator.Config(phones, days, seed, 0.03, Simulator.Config.DEFAULT_WEIGHTS, 0.01);
    new Simulator(cfg).run((json, t, phone, actor, tag) -> out.add(json));
    return out;
  }

  static Engine engine() {
    return Engine.builder().rules(RulePackLoader.defaultPack()).sensitive(new Sensitive(SECRET)).build();
  }

  /** The embedded engine's decisions, in input order, by (source, id). */
  static Map<String, String> reference(List<String> lines) {
    Engine engine = engine();
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      Event e = engine.codec().parse(line);
      Decision d = engine.decide(e);
      out.put(key(e.source(), e.id()), DecisionJson.toReplayJson(d, e));
    }
    return out;
  }

  static String key(String source, String id) {
    return source + " " + id;
  }

  static String key(String decisionJson) {
    JsonNode n = JSON.readTree(decisionJson);
    return key(n.get("source").asString(), n.get("eventId").asString());
  }

  static Path write(Path dir, String name, List<String> lines) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  /** The committed lines under a FileSink's directory (in-progress and pending files start with a dot). */
  static List<String> committed(Path dir) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
        Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(out::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Decision for decision, event for event: every event answered exactly once, with the embedded engine's answer. */
  static void assertSameDecisions(Map<String, String> expected, List<String> actual, String what) {
    Map<String, String> got = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (String json : actual) {
      if (got.put(key(json), json) != null) {
        duplicates.add(key(json));
      }
    }
    if (!duplicates.isEmpty()) {
      fail(what + ": " + duplicates.size() + " events answered more than once (not exactly-once), e.g. " + duplicates.subList(0, Math.min(5, duplicates.size())));
    }
    List<String> diffs = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String g = got.get(e.getKey());
      if (!e.getValue().equals(g)) {
        diffs.add(e.getKey() + "\n  embedded: " + e.getValue() + "\n  flink:    " + g);
      }
    }
    if (!diffs.isEmpty()) {
      fail(what + ": " + diffs.size() + " of " + expected.size() + " decisions differ from the embedded engine's, e.g.\n"
          + String.join("\n", diffs.subList(0, Math.min(5, diffs.size()))));
    }
    assertEquals(expected.size(), got.size(), what + ": decisions for events the embedded engine never saw");
  }
}
