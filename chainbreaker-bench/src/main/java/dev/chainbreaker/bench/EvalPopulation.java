package dev.chainbreaker.bench;

import dev.chainbreaker.bench.Simulator.Family;
import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Outcome;
import dev.chainbreaker.core.Reason;
import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.replay.ScenarioScorer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replays a simulated population through one default engine ({@code Engine.builder().build()}) as
 * it is generated, and scores it against the simulator's ground truth: per attack family, detection
 * (the line held COMPROMISED at or after the thief's first event), detection no later than the
 * thief's first money movement, the first money movement refused, and the thief's money refused
 * (challenged or refused; the share refused outright, DENY or REVIEW, in brackets);
 * owner friction (owner events challenged per 10,000, blocked, REVIEW or DENY, per 100,000) with
 * the first reason codes and the activities that cause it. Shares come with 95% Wilson intervals.
 *
 * <pre>java -Xmx8g -cp chainbreaker-bench.jar dev.chainbreaker.bench.Simulate --eval --phones 1000000 --days 7 --seed 42</pre>
 *
 * <p>{@code --trace-phones i,j} prints every event of those phones with its decision (run the same
 * options again with the example phones printed by a first run).
 */
public final class EvalPopulation {
  private EvalPopulation() {}

  static final int DEDUP = 1;

  /** Per attacked phone. */
  static final class Attack {
    final Family family;
    long firstThief = Long.MAX_VALUE;
    long firstMoney = Long.MAX_VALUE;
    long detection = Long.MAX_VALUE;
    boolean firstMoneyRefused;
    boolean anyThiefRefused;
    int moneyEvents;
    int moneyRefused;
    double money;
    double moneyStopped;
    /** Of the money stopped, what was refused outright (DENY or REVIEW) rather than challenged. */
    double moneyDenied;

    Attack(Family family) {
      this.family = family;
    }
  }

  /** Friction counts for one key. */
  static final class Count {
    long challenged;
    long blocked;
    final List<Integer> examples = new ArrayList<>(3);
  }

  static int run(Simulate.Options o, PrintStream out, PrintStream err) {
    Simulator sim = new Simulator(o.config());
    // The default engine (default rule pack, bundled screener) with a one-entry retry cache (as `replay --stats`): the
    // simulator never repeats an (id, source) pair, so the cache changes no decision, and the
    // default 1,000,000-entry cache makes every decide() after the millionth event rebuild the
    // whole cache table (DecisionCache.put -> LongMap.remove -> removeIf), see BENCHMARKS.md.
    Engine engine = Engine.builder().dedupCapacity(DEDUP).build();
    Map<Integer, Attack> attacks = new HashMap<>();
    Set<Integer> trace = new HashSet<>(o.trace());
    long[] ownerEvents = new long[2]; // [clean phones, attacked phones]
    long[] ownerChallenged = new long[2];
    long[] ownerBlocked = new long[2];
    long[] parseErrors = {0};
    long[] outcomes = new long[Outcome.values().length];
    Map<String, Count> byRule = new LinkedHashMap<>();
    Map<String, Count> byTag = new LinkedHashMap<>();
    Map<String, Count> byType = new LinkedHashMap<>();
    long start = System.nanoTime();
    long[] seen = {0};
    long events = sim.run((json, timeMs, phone, actor, tag) -> {
      Event e;
      try {
        e = engine.codec().parse(json);
      } catch (RuntimeException ex) {
        if (parseErrors[0]++ < 5) {
          err.println("parse error: " + ex.getMessage() + " in " + json);
        }
        return;
      }
      Decision d = engine.decide(e);
      outcomes[d.decision().ordinal()]++;
      if (++seen[0] % 1_000_000 == 0) {
        err.printf(Locale.ROOT, "... %,d events, %s, %.0f s%n", seen[0], e.timeText(), (System.nanoTime() - start) / 1e9);
      }
      Family fam = sim.familyOf(phone);
      if (trace.contains(phone)) {
        StringBuilder codes = new StringBuilder();
        for (Reason rr : d.reasons()) {
          codes.append(codes.length() == 0 ? "" : ",").append(rr.code());
        }
        var data = e.data();
        out.printf(Locale.ROOT, "TRACE phone=%d %s %-8s %-32s %-22s %-9s %-11s %s  [account %s, card %s, %s]%n", phone, e.timeText(),
            Simulator.ACTORS[actor], e.type().wire(), e.source(), d.decision(), d.subjectState(), codes,
            data.account() == null ? "-" : data.account().masked(), data.moneyCard() == null ? "-" : data.moneyCard().masked(),
            data.category() == null ? "-" : data.category());
      }
      if (fam != null) {
        Attack a = attacks.computeIfAbsent(phone, k -> new Attack(fam));
        if (actor == Simulator.THIEF) {
          a.firstThief = Math.min(a.firstThief, timeMs);
          if (d.decision() != Outcome.ALLOW) {
            a.anyThiefRefused = true;
          }
          if (ScenarioScorer.isMoney(e)) {
            boolean refused = d.decision() != Outcome.ALLOW;
            if (a.firstMoney == Long.MAX_VALUE) {
              a.firstMoney = timeMs;
              a.firstMoneyRefused = refused;
            }
            a.moneyEvents++;
            a.money += e.data().amount();
            if (refused) {
              a.moneyRefused++;
              a.moneyStopped += e.data().amount();
              if (d.decision() != Outcome.CHALLENGE) {
                a.moneyDenied += e.data().amount();
              }
            }
          }
        }
        if (a.firstThief != Long.MAX_VALUE && a.detection == Long.MAX_VALUE && d.subjectState() == SubjectState.COMPROMISED) {
          a.detection = timeMs;
        }
      }
      if (actor == Simulator.OWNER) {
        int k = fam == null ? 0 : 1;
        ownerEvents[k]++;
        if (d.decision() != Outcome.ALLOW) {
          boolean blocked = d.decision() == Outcome.DENY || d.decision() == Outcome.REVIEW;
          if (blocked) {
            ownerBlocked[k]++;
          } else {
            ownerChallenged[k]++;
          }
          Reason rr = d.firstReason();
          String where = k == 0 ? "" : "[" + fam.label + "] ";
          count(byRule, where + (rr == null ? "(no reason)" : rr.code()), blocked, phone);
          count(byTag, where + Simulator.TAGS[tag], blocked, phone);
          count(byType, where + e.type().wire() + " " + d.decision(), blocked, phone);
        }
      }
    });
    double secs = (System.nanoTime() - start) / 1e9;
    Simulate.summary(err, sim, events, secs, 0);

    out.printf(Locale.ROOT, "population: %,d phones, %d days, seed %d, attack rate %s, phish-ignored rate %s: %,d events in %.1f s (%,.0f events/s generate+parse+decide), %,d parse errors%n",
        o.config().phones(), o.config().days(), o.config().seed(), o.config().attackRate(), o.config().phishIgnoredRate(), events, secs, events / secs, parseErrors[0]);
    out.printf(Locale.ROOT, "engine: default rule pack and screener, dedupCapacity %d; %,d phones tracked, %.1f encoded state bytes per phone%n",
        DEDUP, engine.phoneCount(), engine.phoneCount() == 0 ? 0.0 : (double) engine.stateBytes() / engine.phoneCount());
    out.printf(Locale.ROOT, "decisions: ALLOW %,d  CHALLENGE %,d  REVIEW %,d  DENY %,d%n", outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
    out.println();
    out.println("attack family            phones  detected (95% CI)          before 1st money (95% CI)  1st money refused (95% CI) money events refused (95% CI)  money amount stopped (denied)  median min to detect");
    for (Family f : Family.values()) {
      int nPh = 0;
      int det = 0;
      int before = 0;
      int firstRefused = 0;
      int withMoney = 0;
      long mEv = 0;
      long mRef = 0;
      double money = 0;
      double stopped = 0;
      double denied = 0;
      List<Double> minutes = new ArrayList<>();
      for (Attack a : attacks.values()) {
        if (a.family != f || a.firstThief == Long.MAX_VALUE) {
          continue;
        }
        nPh++;
        boolean d = a.detection != Long.MAX_VALUE;
        if (d) {
          det++;
          minutes.add((a.detection - a.firstThief) / 60_000.0);
        }
        if (d && (a.firstMoney == Long.MAX_VALUE || a.detection <= a.firstMoney)) {
          before++;
        }
        if (a.firstMoney != Long.MAX_VALUE) {
          withMoney++;
          if (a.firstMoneyRefused) {
            firstRefused++;
          }
        }
        mEv += a.moneyEvents;
        mRef += a.moneyRefused;
        money += a.money;
        stopped += a.moneyStopped;
        denied += a.moneyDenied;
      }
      minutes.sort(null);
      out.printf(Locale.ROOT, "%-22s %8d  %s  %s  %s  %s  %5.1f%% (%4.1f%%) of %,.0f CNY  %s%n", f.label, nPh,
          pct(det, nPh), pct(before, nPh), pct(firstRefused, withMoney), pct(mRef, mEv),
          money == 0 ? 0 : 100 * stopped / money, money == 0 ? 0 : 100 * denied / money, money, minutes.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", minutes.get(minutes.size() / 2)));
    }
    out.println();
    for (int k = 0; k < 2; k++) {
      out.printf(Locale.ROOT, "owner friction, %s: %,d owner events; challenged %,d = %.3f per 10,000 (95%% CI %.3f-%.3f); blocked (REVIEW/DENY) %,d = %.3f per 100,000 (95%% CI %.3f-%.3f)%n",
          k == 0 ? "phones never attacked" : "attacked phones (owner's own events)", ownerEvents[k],
          ownerChallenged[k], rate(ownerChallenged[k], ownerEvents[k], 1e4), wilsonLo(ownerChallenged[k], ownerEvents[k]) * 1e4, wilsonHi(ownerChallenged[k], ownerEvents[k]) * 1e4,
          ownerBlocked[k], rate(ownerBlocked[k], ownerEvents[k], 1e5), wilsonLo(ownerBlocked[k], ownerEvents[k]) * 1e5, wilsonHi(ownerBlocked[k], ownerEvents[k]) * 1e5);
    }
    long all = ownerEvents[0] + ownerEvents[1];
    long ch = ownerChallenged[0] + ownerChallenged[1];
    long bl = ownerBlocked[0] + ownerBlocked[1];
    out.printf(Locale.ROOT, "owner friction, all owners: %,d owner events; challenged %.3f per 10,000 (95%% CI %.3f-%.3f); blocked %.3f per 100,000 (95%% CI %.3f-%.3f)%n",
        all, rate(ch, all, 1e4), wilsonLo(ch, all) * 1e4, wilsonHi(ch, all) * 1e4, rate(bl, all, 1e5), wilsonLo(bl, all) * 1e5, wilsonHi(bl, all) * 1e5);
    print(out, "owner friction by first reason code", byRule);
    print(out, "owner friction by simulated activity", byTag);
    print(out, "owner friction by event type and decision", byType);
    return 0;
  }

  private static void count(Map<String, Count> m, String key, boolean blocked, int phone) {
    Count c = m.computeIfAbsent(key, k -> new Count());
    if (blocked) {
      c.blocked++;
    } else {
      c.challenged++;
    }
    if (c.examples.size() < 3 && !c.examples.contains(phone)) {
      c.examples.add(phone);
    }
  }

  private static void print(PrintStream out, String title, Map<String, Count> m) {
    out.println();
    out.println(title + " (challenged, blocked, example phones):");
    m.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().challenged + b.getValue().blocked, a.getValue().challenged + a.getValue().blocked))
        .forEach(e -> out.printf(Locale.ROOT, "  %-60s %8d %8d  %s%n", e.getKey(), e.getValue().challenged, e.getValue().blocked, e.getValue().examples));
  }

  static double rate(long k, long n, double per) {
    return n == 0 ? 0 : per * k / n;
  }

  static String pct(long k, long n) {
    if (n == 0) {
      return String.format(Locale.ROOT, "%-25s", "-");
    }
    return String.format(Locale.ROOT, "%-25s", String.format(Locale.ROOT, "%5.1f%% (%.1f-%.1f) %d/%d", 100.0 * k / n, 100 * wilsonLo(k, n), 100 * wilsonHi(k, n), k, n));
  }

  /** Lower end of the 95% Wilson score interval. */
  static double wilsonLo(long k, long n) {
    return wilson(k, n, -1);
  }

  static double wilsonHi(long k, long n) {
    return wilson(k, n, 1);
  }

  private static double wilson(long k, long n, int sign) {
    if (n == 0) {
      return sign < 0 ? 0 : 1;
    }
    double z = 1.959964;
    double p = (double) k / n;
    double denom = 1 + z * z / n;
    double centre = p + z * z / (2.0 * n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    return Math.max(0, Math.min(1, (centre + sign * half) / denom));
  }
}
