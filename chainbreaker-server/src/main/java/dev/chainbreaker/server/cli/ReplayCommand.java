package dev.chainbreaker.server.cli;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.DecisionJson;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Reason;
import dev.chainbreaker.core.event.Event;
import dev.chainbreaker.core.event.EventException;
import dev.chainbreaker.core.replay.Replay;
import dev.chainbreaker.core.rules.RulePack;
import dev.chainbreaker.core.rules.RulePackException;
import dev.chainbreaker.core.rules.RulePackLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code replay [--json] [--stats] [--rules PACK] FILE.jsonl...}: the decision timeline of event files. */
public final class ReplayCommand {
  static final String USAGE = "usage: ./chainbreaker replay [--json] [--stats] [--rules PACK] FILE.jsonl...";

  private ReplayCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    boolean json = false;
    boolean stats = false;
    String rulesFile = null;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        case "--json" -> json = true;
        case "--stats" -> stats = true;
        case "--rules" -> {
          if (++i == args.size()) {
            err.println("replay: --rules needs a value (a rule pack file)");
            return 2;
          }
          rulesFile = args.get(i);
        }
        default -> {
          if (a.startsWith("--")) {
            err.println("replay: unknown option " + a);
            err.println(USAGE);
            return 2;
          }
          files.add(Path.of(a));
        }
      }
    }
    if (files.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    RulePack pack;
    try {
      pack = rulesFile == null ? RulePackLoader.defaultPack() : RulePackLoader.load(Files.readString(Path.of(rulesFile)));
    } catch (IOException e) {
      err.println("replay: cannot read rule pack " + rulesFile + ": " + e.getMessage());
      return 2;
    } catch (RulePackException e) {
      err.println("replay: " + (rulesFile == null ? "default rule pack" : rulesFile) + ": " + e.getMessage());
      return 2;
    }
    Engine engine = Engine.builder().rules(pack).build();
    List<Event> events = new ArrayList<>();
    for (Path f : files) {
      try {
        events.addAll(Replay.read(engine, f));
      } catch (IOException e) {
        err.println("replay: cannot read " + f + ": " + e.getMessage());
        return 2;
      } catch (EventException e) {
        err.println("replay: " + e.getMessage());
        return 2;
      }
    }
    if (stats) {
      return ReplayStats.run(pack, events, out);
    }
    if (!json) {
      out.printf("%-25s  %-28s  %-32s  %-9s  %-11s  %s%n", "time", "source", "type", "decision", "state", "reason");
    }
    for (Event e : events) {
      Decision d = engine.decide(e);
      if (json) {
        out.println(DecisionJson.toReplayJson(d, e));
      } else {
        Reason r = d.firstReason();
        out.printf("%-25s  %-28s  %-32s  %-9s  %-11s  %s%n", e.timeText(), clip(e.source(), 28), e.type().wire(), d.decision(), d.subjectState(),
            r == null ? "" : r.code() + " " + r.messageZh());
      }
    }
    return 0;
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
