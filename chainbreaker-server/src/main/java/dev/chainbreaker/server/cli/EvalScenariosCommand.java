package dev.chainbreaker.server.cli;

import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.EventException;
import dev.chainbreaker.core.replay.Replay;
import dev.chainbreaker.core.replay.Scenario;
import dev.chainbreaker.core.replay.ScenarioScore;
import dev.chainbreaker.core.replay.ScenarioScorer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval-scenarios [--json] DIR...}: replays each scenario with a truth file through a fresh
 * engine and prints how it did, per scenario and in total. Exits 1 when any scenario fails the
 * acceptance criteria.
 */
public final class EvalScenariosCommand {
  static final String USAGE = "usage: ./chainbreaker eval-scenarios [--json] DIR...";

  private EvalScenariosCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    boolean json = false;
    List<Path> dirs = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (a.equals("--json")) {
        json = true;
      } else if (a.startsWith("--")) {
        err.println("eval-scenarios: unknown option " + a);
        err.println(USAGE);
        return 2;
      } else {
        dirs.add(Path.of(a));
      }
    }
    if (dirs.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    List<ScenarioScore> scores = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        err.println("eval-scenarios: not a directory: " + dir);
        return 2;
      }
      for (Scenario sc : Scenario.all(dir)) {
        Engine engine = Engine.builder().build();
        try {
          scores.add(ScenarioScorer.score(sc, Replay.run(engine, Replay.read(engine, sc.events()))));
        } catch (IOException | EventException e) {
          err.println("eval-scenarios: " + sc.name() + ": " + e.getMessage());
          return 2;
        }
      }
    }
    if (json) {
      for (ScenarioScore s : scores) {
        out.println(ScoreJson.toJson(s));
      }
    } else {
      print(scores, out);
    }
    return scores.stream().allMatch(ScenarioScore::passed) ? 0 : 1;
  }

  static void print(List<ScenarioScore> scores, PrintStream out) {
    // The owner column has two numbers: events answered DENY or REVIEW (counted together by
    // ScenarioScore.ownerBlocked, "denied or held" in the total line) and events answered CHALLENGE.
    out.printf("%-46s %-6s %-8s %9s %8s %9s %9s %11s %5s%n", "scenario", "kind", "detected", "minutes", "<money", "refused", "stopped", "owner D+R/C", "pass");
    int thieves = 0;
    int detected = 0;
    int beforeMoney = 0;
    double refused = 0;
    double money = 0;
    double stopped = 0;
    int blocked = 0;
    int challenged = 0;
    int passed = 0;
    for (ScenarioScore s : scores) {
      out.printf(Locale.ROOT, "%-46s %-6s %-8s %9s %8s %8.0f%% %8.0f%% %11s %5s%n",
          s.scenario(), s.hasThief() ? "thief" : "benign",
          s.hasThief() ? (s.detected() ? "yes" : "NO") : "-",
          s.hasThief() && s.detected() ? String.format(Locale.ROOT, "%.1f", s.minutesToDetection()) : "-",
          s.hasThief() ? (s.beforeFirstMoney() ? "yes" : "NO") : "-",
          s.thiefRequestsRefused() * 100, s.thiefMoneyStopped() * 100,
          s.ownerBlocked() + "/" + s.ownerChallenged(), s.passed() ? "ok" : "FAIL");
      for (String f : s.failures()) {
        out.println("    - " + f);
      }
      if (s.hasThief()) {
        thieves++;
        detected += s.detected() ? 1 : 0;
        beforeMoney += s.beforeFirstMoney() ? 1 : 0;
        refused += s.thiefRequestsRefused();
        money += s.thiefMoney();
        stopped += s.thiefMoney() * s.thiefMoneyStopped();
      }
      blocked += s.ownerBlocked();
      challenged += s.ownerChallenged();
      passed += s.passed() ? 1 : 0;
    }
    out.printf(Locale.ROOT,
        "total: %d scenarios, %d passed; thieves detected %d/%d, before first money %d/%d, "
            + "thief requests refused after detection %.0f%% (mean), thief money stopped %.0f%% of %.2f; "
            + "owner events denied or held %d, challenged %d%n",
        scores.size(), passed, detected, thieves, beforeMoney, thieves, thieves == 0 ? 100.0 : 100 * refused / thieves,
        money == 0 ? 100.0 : 100 * stopped / money, money, blocked, challenged);
  }
}
