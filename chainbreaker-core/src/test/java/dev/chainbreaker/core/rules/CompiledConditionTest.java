package dev.chainbreaker.core.rules;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Fixtures;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.replay.Replay;
import dev.chainbreaker.core.replay.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiled fast path must decide exactly as the CEL interpreter does. */
class CompiledConditionTest {

  @Test
  void theDefaultPackCompilesEveryCondition() {
    RulePack pack = RulePackLoader.defaultPack();
    List<String> interpreted = new ArrayList<>();
    pack.signals().forEach(s -> check(s.name(), s.when(), interpreted));
    pack.transitions().forEach(t -> check(t.name(), t.when(), interpreted));
    pack.rules().forEach(r -> check(r.name(), r.when(), interpreted));
    assertTrue(interpreted.isEmpty(), "conditions left to the interpreter: " + interpreted);
  }

  private static void check(String name, Condition c, List<String> interpreted) {
    if (c instanceof CelCondition) {
      interpreted.add(name);
    }
  }

  @Test
  void compiledAndInterpretedPacksGiveIdenticalDecisionsAndStates() throws Exception {
    String yaml = RulePackLoader.defaultPack().source();
    List<Path> dirs = new ArrayList<>(List.of(Fixtures.variants()));
    Path shared = Path.of(System.getProperty("chainbreaker.shared", "../shared"), "scenarios");
    if (Files.isDirectory(shared)) {
      dirs.add(shared);
    }
    int compared = 0;
    for (Path dir : dirs) {
      for (Scenario sc : Scenario.all(dir)) {
        Engine fast = Engine.builder().rules(RulePackLoader.load(yaml, false)).build();
        Engine slow = Engine.builder().rules(RulePackLoader.load(yaml, true)).build();
        List<Event> events = Replay.read(fast, sc.events());
        for (Event e : events) {
          Decision a = fast.decide(e);
          Decision b = slow.decide(e);
          assertEquals(b, a, sc.name() + " " + e.id());
          assertArrayEquals(slow.encodeState(e.subject()), fast.encodeState(e.subject()), sc.name() + " " + e.id());
          compared++;
        }
      }
    }
    assertTrue(compared > 300);
  }

  private static final String PACK = """
      pack: expr
      version: "1"
      signals:
        - name: s
          on: [identity.data.viewed]
      counters:
        - name: n
          on: [payment.initiated]
          sum: amount
      rules:
        - name: r
          on: [identity.data.viewed, payment.initiated]
          when: %s
          decision: DENY
          risk: HIGH
          reason: {code: x, en: x, zh: x}
      """;

  @Test
  void everySupportedConstructAgreesWithTheInterpreter() {
    String[] conditions = {
      "fields.exists(f, f in [\"id_number\", \"id_photo\"])",
      "fields.all(f, f != \"address\")",
      "size(fields) >= 2 && fields.size() < 4",
      "amount >= 1000.0 && amount != 1200.0",
      "amount + 1.5 > 10.0 * 2.0",
      "hour - 1 < 5 || hour * 2 == 6",
      "(has_amount ? amount : 0.0) > 100.0",
      "count.n > 2000.0",
      "since.s < 60 && !fired.s",
      "\"cvv\" in checks || type == \"identity.data.viewed\"",
      "state != \"NORMAL\" || score == 0 && !exposed && !control",
      "9223372036854775807 + hour > 0",
    };
    String[] lines = {
      event("1", "/gov/a", "identity.data.viewed", "2024-01-01T03:00:00+08:00", "+8613800000031", "{\"account\":\"a\",\"fields\":[\"id_number\",\"bank_card\"]}"),
      event("2", "/pay/a".replace("/pay", "/payment"), "payment.initiated", "2024-01-01T03:20:00+08:00", "+8613800000031",
          "{\"account\":\"a\",\"amount\":\"1500.00\",\"currency\":\"CNY\",\"category\":\"transfer\"}"),
      event("3", "/payment/a", "payment.initiated", "2024-01-01T04:20:00+08:00", "+8613800000031",
          "{\"account\":\"a\",\"amount\":\"5.00\",\"currency\":\"CNY\",\"category\":\"merchant\"}"),
      event("4", "/gov/a", "identity.data.viewed", "2024-01-01T09:00:00+08:00", "+8613800000031", "{\"account\":\"a\",\"fields\":[\"address\"]}"),
    };
    for (String condition : conditions) {
      String yaml = String.format(PACK, "'" + condition.replace("'", "''") + "'");
      RulePack fastPack = RulePackLoader.load(yaml, false);
      assertTrue(fastPack.rules().get(0).when() instanceof CompiledCondition, condition + " should compile");
      Engine fast = Engine.builder().rules(fastPack).build();
      Engine slow = Engine.builder().rules(RulePackLoader.load(yaml, true)).build();
      for (String line : lines) {
        Event e = fast.codec().parse(line);
        assertEquals(slow.decide(e).decision(), fast.decide(e).decision(), condition + " on event " + e.id());
      }
    }
  }
}
