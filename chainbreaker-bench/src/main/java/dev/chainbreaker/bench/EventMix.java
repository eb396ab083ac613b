package dev.chainbreaker.bench;

import dev.chainbreaker.bench.Simulator.Config;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark event mix: the {@link Simulator} population with the benchmark's attack shares
 * (0.7% of phones attacked, most by line takeover, plus phishing texts nobody acts on), collected
 * in memory as JSON lines in global time order for {@link DecideBenchmark} and {@link StateSize}.
 *
 * <p>Until 2026-12-01 this class held its own generator; the simulator grew out of it and replaced
 * it, so mixes (and the figures measured on them) from before that change are not byte-identical
 * to today's.
 *
 * <pre>java -cp chainbreaker-bench.jar dev.chainbreaker.bench.EventMix --phones 20000 --days 7 --seed 42 --out mix.jsonl</pre>
 */
public final class EventMix {
  /** Share of phones attacked. */
  public static final double ATTACK_SHARE = 0.007;
  /** Family weights: stolen phone, store swap, eSIM transfer, smishing takeover, smishing card binding. */
  public static final double[] FAMILY_WEIGHTS = {0.40, 0.10, 0.20, 0.15, 0.15};
  /** Share of phones that get a phishing text and ignore it. */
  public static final double PHISH_IGNORED_SHARE = 0.001;

  private EventMix() {}

  public static Config config(int phones, int days, long seed) {
    return new Config(phones, days, seed, ATTACK_SHARE, FAMILY_WEIGHTS, PHISH_IGNORED_SHARE);
  }

  /** The mix as JSON lines in global time order. */
  public static List<String> generate(int phones, int days, long seed) {
    List<String> out = new ArrayList<>();
    new Simulator(config(phones, days, seed)).run((json, t, phone, actor, tag) -> out.add(json));
    return out;
  }

  public static void main(String[] args) throws IOException {
    int phones = 20_000;
    int days = 7;
    long seed = 42;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--phones" -> phones = Integer.parseInt(args[++i]);
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: EventMix --phones N --days D --seed S --out FILE.jsonl");
          System.exit(2);
        }
      }
    }
    if (out == null || phones <= 0 || days <= 0) {
      System.err.println("usage: EventMix --phones N --days D --seed S --out FILE.jsonl");
      System.exit(2);
    }
    Simulator sim = new Simulator(config(phones, days, seed));
    Map<String, Integer> typeCounts = new TreeMap<>();
    long n;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      n = sim.run((json, t, phone, actor, tag) -> {
        try {
          w.write(json);
          w.write('\n');
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        int s = json.indexOf("\"type\":\"") + 8;
        typeCounts.merge(json.substring(s, json.indexOf('"', s)), 1, Integer::sum);
      });
    }
    Simulate.summary(System.err, sim, n, Double.NaN, 0);
    long total = n;
    typeCounts.forEach((k, v) -> System.err.printf(Locale.ROOT, "  %-34s %8d  %5.2f%%%n", k, v, 100.0 * v / total));
  }
}
