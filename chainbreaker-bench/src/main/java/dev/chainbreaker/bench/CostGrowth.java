package dev.chainbreaker.bench;

import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventType;
import dev.chainbreaker.core.event.Sensitive;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackLoader;
import dev.chainbreaker.screen.Screener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * How the cost of {@code decide()} grows along the three dimensions an operator can turn: the
 * number of phones, the number of rules, and the length of the windows. Each row replays one
 * simulated population through a fresh engine on one thread (after a warm-up pass on another
 * engine) and reports events per second, the mean and p99 time of the events that are not text
 * messages (the engine's own work; screening a message costs the same whatever the pack), the mean
 * time of a message, and the encoded state bytes per tracked phone.
 *
 * <pre>java -Xmx8g -cp chainbreaker-bench.jar dev.chainbreaker.bench.CostGrowth [--dimension phones|rules|windows|all]</pre>
 *
 * <p>Rules: the default pack plus N synthetic rules that are evaluated on the common event types
 * (payments, logins, codes sent, messages, card bindings) and never fire. Windows: the indicator
 * window, the exposure window and the money counter's window set to the given length (sequences keep
 * their own {@code within}).
 */
public final class CostGrowth {
  private CostGrowth() {}

  static final String DEFAULT_YAML = defaultYaml();

  public static void main(String[] args) {
    String dimension = "all";
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dimension" -> dimension = args[++i];
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: CostGrowth [--dimension phones|rules|windows|all] [--seed S]");
          System.exit(2);
        }
      }
    }
    Screener screener = Screener.standard();
    System.out.println("| dimension | value | events | events/s | non-message mean µs | non-message p99 µs | message mean µs | encoded B/phone |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    if (dimension.equals("phones") || dimension.equals("all")) {
      for (int phones : new int[] {10_000, 100_000, 1_000_000}) {
        Event[] events = events(phones, 1, seed);
        row("phones (1 day)", String.format(Locale.ROOT, "%,d", phones), events, RulePackLoader.defaultPack(), screener);
      }
    }
    if (dimension.equals("rules") || dimension.equals("all")) {
      Event[] events = events(100_000, 2, seed);
      int base = RulePackLoader.defaultPack().rules().size();
      for (int extra : new int[] {0, 25, 50, 100, 200}) {
        row("rules (100k phones, 2 days)", (base + extra) + (extra == 0 ? " (default)" : " (+" + extra + " synthetic)"), events,
            RulePackLoader.load(withExtraRules(extra)), screener);
      }
    }
    if (dimension.equals("windows") || dimension.equals("all")) {
      Event[] events = events(100_000, 7, seed);
      for (String w : new String[] {"24h", "72h", "7d"}) {
        row("windows (100k phones, 7 days)", w + (w.equals("24h") ? " (default)" : ""), events, RulePackLoader.load(withWindows(w)), screener);
      }
    }
  }

  static Event[] events(int phones, int days, long seed) {
    List<String> lines = EventMix.generate(phones, days, seed);
    Engine parser = Engine.builder().dedupCapacity(1).build();
    Event[] out = new Event[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = parser.codec().parse(lines.get(i));
    }
    return out;
  }

  private static void row(String dimension, String value, Event[] events, RulePack pack, Screener screener) {
    Sensitive sensitive = new Sensitive("chainbreaker-bench-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    // warm-up: the first 300k events on a throwaway engine (JIT), then a fresh engine for the measurement
    Engine warm = Engine.builder().rules(pack).screener(screener).sensitive(sensitive).dedupCapacity(1).build();
    for (int i = 0; i < Math.min(events.length, 300_000); i++) {
      warm.decide(events[i]);
    }
    Engine engine = Engine.builder().rules(pack).screener(screener).sensitive(sensitive).dedupCapacity(1).build();
    Histogram other = new Histogram(3_600_000_000_000L, 3);
    long messageNanos = 0;
    long messages = 0;
    long t0 = System.nanoTime();
    for (Event e : events) {
      long s = System.nanoTime();
      engine.decide(e);
      long d = System.nanoTime() - s;
      if (e.type() == EventType.MESSAGE_RECEIVED) {
        messageNanos += d;
        messages++;
      } else {
        other.recordValue(d);
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double bytesPerPhone = engine.phoneCount() == 0 ? 0 : (double) engine.stateBytes() / engine.phoneCount();
    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.2f | %.1f | %.1f | %.1f |%n", dimension, value, events.length,
        events.length / secs, other.getMean() / 1e3, other.getValueAtPercentile(99) / 1e3,
        messages == 0 ? 0.0 : messageNanos / 1e3 / messages, bytesPerPhone);
  }

  /** The default pack with {@code n} rules that run on the common event types and never fire. */
  static String withExtraRules(int n) {
    StringBuilder sb = new StringBuilder(DEFAULT_YAML);
    if (!DEFAULT_YAML.endsWith("\n")) {
      sb.append('\n');
    }
    for (int i = 0; i < n; i++) {
      sb.append(String.format(Locale.ROOT, """
            - name: synthetic.r%d
              on: [payment.initiated, account.login, auth.otp.sent, message.received, card.bound]
              when: amount > %d.0 && hour < 3 && state == "WATCH"
              decision: REVIEW
              risk: HIGH
              score: 0.5
              reason:
                code: synthetic.r%d
                en: "synthetic rule %d"
                zh: "合成规则 %d"
          """, i, 1_000_000_000 + i, i, i, i));
    }
    return sb.toString();
  }

  /** The default pack with its indicator, exposure and counter windows set to {@code w}. */
  static String withWindows(String w) {
    String y = DEFAULT_YAML.replace("indicatorWindow: 24h", "indicatorWindow: " + w)
        .replace("exposureWindow: 72h", "exposureWindow: " + (w.equals("24h") ? "72h" : w))
        .replace("    window: 24h", "    window: " + w);
    if (!w.equals("24h") && y.equals(DEFAULT_YAML)) {
      throw new IllegalStateException("the default pack's window settings moved: update CostGrowth.withWindows");
    }
    return y;
  }

  private static String defaultYaml() {
    try (InputStream in = RulePackLoader.class.getResourceAsStream("/dev/chainbreaker/core/rules/default-pack.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
