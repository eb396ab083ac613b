package dev.chainbreaker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.bench.Simulator.Config;
import dev.chainbreaker.bench.Simulator.Family;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the population simulator honest: reproducible, at the configured rates, in the contract. */
class SimulatorTest {

  private static final Config SMALL = new Config(3_000, 3, 7, 0.05, Config.DEFAULT_WEIGHTS, 0.01);

  /**
   * Fixed seed, fixed output. If the simulator's behaviour is changed on purpose, update the hash
   * (and say so in BENCHMARKS.md: figures made with the old simulator are not comparable).
   */
  static final String EXPECTED_SHA256 = "6a55c7f5593ae0f9b516dcfe2671a7e3d4e3b2395dd4950045b18ac7efdeadff";

  static String hash(Config c) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    new Simulator(c).run((json, t, phone, actor, tag) -> {
      md.update(json.getBytes(StandardCharsets.UTF_8));
      md.update((byte) '\n');
      md.update((byte) actor);
    });
    return HexFormat.of().formatHex(md.digest());
  }

  @Test
  void fixedSeedGivesFixedOutput() throws Exception {
    String h = hash(SMALL);
    assertEquals(h, hash(SMALL), "two runs of one config differ");
    assertEquals(EXPECTED_SHA256, h);
    assertTrue(!h.equals(hash(new Config(3_000, 3, 8, 0.05, Config.DEFAULT_WEIGHTS, 0.01))), "the seed changes nothing");
  }

  @Test
  void familiesAppearAtTheConfiguredRates() {
    double[] weights = {0.4, 0.1, 0.1, 0.2, 0.2};
    Config c = new Config(200_000, 7, 11, 0.02, weights, 0.005);
    Simulator sim = new Simulator(c);
    int[] perFamily = new int[Family.values().length];
    int attacked = 0;
    for (int i = 0; i < c.phones(); i++) {
      Family f = sim.familyOf(i);
      if (f != null) {
        attacked++;
        perFamily[f.ordinal()]++;
      }
    }
    assertWithin("attacked phones", attacked, c.phones(), c.attackRate());
    for (Family f : Family.values()) {
      assertWithin(f.label, perFamily[f.ordinal()], attacked, c.familyShare(f));
    }
  }

  /** Within 4 standard deviations of the binomial expectation. */
  private static void assertWithin(String what, long k, long n, double p) {
    double mean = n * p;
    double sd = Math.sqrt(n * p * (1 - p));
    assertTrue(Math.abs(k - mean) <= 4 * sd + 1, what + ": " + k + " of " + n + ", expected about " + mean);
  }

  @Test
  void everyLineParsesInTimeOrderWithUniqueIdsAndTruth() {
    Simulator sim = new Simulator(SMALL);
    EventCodec codec = Engine.builder().build().codec();
    Set<String> keys = new HashSet<>();
    long[] last = {Long.MIN_VALUE};
    Map<Integer, Integer> thiefEvents = new HashMap<>();
    long n = sim.run((json, t, phone, actor, tag) -> {
      Event e = codec.parse(json);
      assertEquals(t, e.timeMs(), "time of " + json);
      assertTrue(t >= last[0], "out of order: " + json);
      last[0] = t;
      assertEquals(Simulator.msisdn(phone), e.subject());
      assertTrue(keys.add(e.dedupKey()), "duplicate (source, id): " + json);
      if (actor == Simulator.THIEF) {
        assertTrue(sim.familyOf(phone) != null, "a thief on a phone that is not attacked: " + json);
        thiefEvents.merge(phone, 1, Integer::sum);
      }
    });
    assertTrue(n > 15_000, "too few events: " + n);
    int attacked = 0;
    for (Family f : Family.values()) {
      assertTrue(sim.familyCount(f) > 0, "no " + f.label);
      attacked += sim.familyCount(f);
    }
    // every attacked phone whose attack starts inside the window shows thief events
    assertEquals(attacked, thiefEvents.size());
  }

  @Test
  void simulateWritesEventsAndTruth() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sim");
    java.nio.file.Path out = dir.resolve("pop.jsonl");
    java.nio.file.Path truth = dir.resolve("pop.truth.jsonl");
    int rc = Simulate.run(java.util.List.of("--phones", "500", "--days", "2", "--seed", "3", "--attack-rate", "0.1",
        "--out", out.toString(), "--truth", truth.toString()), System.out, System.err);
    assertEquals(0, rc);
    assertTrue(java.nio.file.Files.size(out) > 0);
    var lines = java.nio.file.Files.readAllLines(truth);
    assertTrue(lines.size() > 10, "truth has " + lines.size() + " lines");
    assertTrue(lines.get(1).contains("\"thief\""));
  }
}
