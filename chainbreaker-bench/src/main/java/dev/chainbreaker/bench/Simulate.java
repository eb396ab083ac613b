package dev.chainbreaker.bench;

import dev.chainbreaker.bench.Simulator.Config;
import dev.chainbreaker.bench.Simulator.Family;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The population simulator's command line.
 *
 * <pre>
 * java -cp chainbreaker-bench.jar dev.chainbreaker.bench.Simulate --phones 100000 --days 7 --seed 42 \
 *     [--attack-rate 0.002] [--families stolen_phone=0.3,store_swap_forged_id=0.15,...] [--phish-rate 0.002] \
 *     [--out FILE.jsonl | --out -] [--truth FILE.truth.jsonl] [--null]
 * java -cp chainbreaker-bench.jar dev.chainbreaker.bench.Simulate --eval [same options] [--trace-phones 1,2,3]
 * ./chainbreaker simulate ...     (the same, through chainbreaker-server's SimulateCommand)
 * </pre>
 *
 * <p>Without {@code --out} (or with {@code --out -}) the events go to stdout. {@code --null} generates
 * and discards (to measure the generation rate). The truth file is JSON lines: a header, then one
 * line per attacked phone with its family and every one of its event ids mapped to owner, thief or
 * institution; events of phones not listed are by their owner or an institution (messages, loan
 * payouts, declines). A summary goes to stderr.
 */
public final class Simulate {
  private Simulate() {}

  // Named as users run it: ./chainbreaker simulate is the documented entry point (README, cli.md);
  // chainbreaker-server's SimulateCommand keeps a copy of this text for when this jar is absent.
  static final String USAGE = "usage: ./chainbreaker simulate [--eval] --phones N --days D [--seed S] [--attack-rate R] "
      + "[--families name=w,...] [--phish-rate R] [--out FILE|-] [--truth FILE] [--null] [--trace-phones i,j]";

  /** Parsed options. */
  record Options(Config config, Path out, Path truth, boolean discard, boolean eval, List<Integer> trace) {}

  static Options parse(List<String> args) {
    int phones = 10_000;
    int days = 7;
    long seed = 42;
    double attackRate = 0.002;
    double phishRate = 0.002;
    double[] weights = Config.DEFAULT_WEIGHTS.clone();
    Path out = null;
    Path truth = null;
    boolean discard = false;
    boolean eval = false;
    List<Integer> trace = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--phones" -> phones = Integer.parseInt(value(args, ++i).replace("_", ""));
        case "--days" -> days = Integer.parseInt(value(args, ++i));
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--attack-rate" -> attackRate = Double.parseDouble(value(args, ++i));
        case "--phish-rate" -> phishRate = Double.parseDouble(value(args, ++i));
        case "--families" -> {
          weights = new double[Family.values().length];
          for (String kv : value(args, ++i).split(",")) {
            String[] p = kv.split("=");
            weights[Family.of(p[0].trim()).ordinal()] = p.length > 1 ? Double.parseDouble(p[1]) : 1.0;
          }
        }
        case "--out" -> {
          String v = value(args, ++i);
          out = v.equals("-") ? null : Path.of(v);
        }
        case "--truth" -> truth = Path.of(value(args, ++i));
        case "--null" -> discard = true;
        case "--eval" -> eval = true;
        case "--trace-phones" -> {
          for (String s : value(args, ++i).split(",")) {
            trace.add(Integer.parseInt(s.trim()));
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return new Options(new Config(phones, days, seed, attackRate, weights, phishRate), out, truth, discard, eval, trace);
  }

  /** The value of the option before {@code i}; a missing value is a usage error, not an index error. */
  private static String value(List<String> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
    }
    return args.get(i);
  }

  public static void main(String[] args) throws IOException {
    System.exit(run(List.of(args), System.out, System.err));
  }

  public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(USAGE);
      return 0;
    }
    Options o;
    try {
      o = parse(args);
    } catch (RuntimeException e) {
      err.println("simulate: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (o.eval()) {
      return EvalPopulation.run(o, out, err);
    }
    Simulator sim = new Simulator(o.config());
    Lines w = o.discard() ? null : new Lines(o.out() == null ? out : new FileOutputStream(o.out().toFile()));
    Truth truth = o.truth() == null ? null : new Truth(sim);
    long start = System.nanoTime();
    long cpu0 = cpuNanos();
    // the simulator's UTF-8 bytes go out as they are: no String and no second encoding per event
    long events = sim.run((utf8, off, len, timeMs, phone, actor, tag) -> {
      if (w != null) {
        w.line(utf8, off, len);
      }
      if (truth != null) {
        truth.accept(utf8, off, len, phone, actor);
      }
    });
    if (w != null) {
      w.flush();
      if (o.out() != null) {
        w.close();
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    double cpu = (cpuNanos() - cpu0) / 1e9;
    if (truth != null) {
      truth.write(o.truth(), o.config());
    }
    summary(err, sim, events, secs, sim.chars());
    err.printf(Locale.ROOT, "generating thread CPU time %.2f s: %,.0f events per CPU-second%n", cpu, events / cpu);
    return 0;
  }

  static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static void summary(PrintStream err, Simulator sim, long events, double secs, long chars) {
    Config c = sim.config();
    err.printf(Locale.ROOT, "%,d events, %,d phones, %d days, seed %d in %.2f s: %,.0f events/s (%,d chars)%n",
        events, c.phones(), c.days(), c.seed(), secs, events / secs, chars);
    StringBuilder fam = new StringBuilder();
    for (Family f : Family.values()) {
      fam.append(' ').append(f.label).append('=').append(sim.familyCount(f));
    }
    err.printf(Locale.ROOT, "attacked phones:%s; phishing texts ignored: %d%n", fam, sim.phishIgnoredCount());
  }

  /**
   * Lines into a large buffer, then to the stream. Not a BufferedOutputStream: its writes take a
   * lock, twice per line (the line, then its newline).
   */
  static final class Lines {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 20];
    private int n;

    Lines(OutputStream out) {
      this.out = out;
    }

    void line(byte[] b, int off, int len) {
      try {
        if (n + len + 1 > buf.length) {
          drain();
          if (len + 1 > buf.length) {
            out.write(b, off, len);
            out.write('\n');
            return;
          }
        }
        System.arraycopy(b, off, buf, n, len);
        n += len;
        buf[n++] = '\n';
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void drain() throws IOException {
      out.write(buf, 0, n);
      n = 0;
    }

    void flush() throws IOException {
      drain();
      out.flush();
    }

    void close() throws IOException {
      flush();
      out.close();
    }
  }

  /** Collects the ground truth of attacked phones. */
  static final class Truth {
    private final Simulator sim;
    private final Map<Integer, StringBuilder> byPhone = new TreeMap<>();

    Truth(Simulator sim) {
      this.sim = sim;
    }

    void accept(byte[] utf8, int off, int len, int phone, int actor) {
      if (sim.familyOf(phone) == null) {
        return;
      }
      String json = new String(utf8, off, len, StandardCharsets.UTF_8); // attacked phones only: few
      StringBuilder b = byPhone.get(phone);
      if (b == null) {
        b = new StringBuilder();
        byPhone.put(phone, b);
      } else {
        b.append(',');
      }
      b.append('"').append(eventId(json)).append("\":\"").append(Simulator.ACTORS[actor]).append('"');
    }

    void write(Path file, Config c) throws IOException {
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write(String.format(Locale.ROOT,
            "{\"phones\":%d,\"days\":%d,\"seed\":%d,\"attackRate\":%s,\"phishRate\":%s,\"note\":\"one line per attacked phone; events of phones not listed are by their owner or an institution\"}%n",
            c.phones(), c.days(), c.seed(), c.attackRate(), c.phishIgnoredRate()));
        for (Map.Entry<Integer, StringBuilder> e : byPhone.entrySet()) {
          w.write("{\"phone\":" + e.getKey() + ",\"subject\":\"" + Simulator.msisdn(e.getKey()) + "\",\"family\":\""
              + sim.familyOf(e.getKey()).label + "\",\"actors\":{" + e.getValue() + "}}\n");
        }
      }
    }
  }

  /** The id of a generated line (the simulator always writes it second). */
  static String eventId(String json) {
    int s = json.indexOf("\"id\":\"") + 6;
    return json.substring(s, json.indexOf('"', s));
  }
}
