package dev.chainbreaker.bench;

import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.event.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where {@code decide()} time goes.
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=decide.jfr,settings=profile -cp bench.jar dev.chainbreaker.bench.DecideProfile run --seconds 60
 * java -cp bench.jar dev.chainbreaker.bench.DecideProfile report decide.jfr
 * </pre>
 *
 * {@code run} decides the mix in a loop (fresh engine per pass); {@code report} aggregates the JFR
 * execution samples taken inside {@code Engine.decide}: top methods by self time, by inclusive time,
 * and the inclusive share of the engine's parts.
 */
public final class DecideProfile {
  private DecideProfile() {}

  /** Inclusive buckets: a sample counts for a bucket when any frame on its stack matches. */
  private static final String[][] PARTS = {
    {"CEL conditions, interpreted (CelCondition.*)", "dev.chainbreaker.core.rules.CelCondition."},
    {"CEL conditions, compiled (CompiledCondition.*)", "dev.chainbreaker.core.rules.CompiledCondition."},
    {"CEL runtime (dev.cel.*)", "dev.cel."},
    {"rule context / vars", "dev.chainbreaker.core.rules.RuleContext.", "dev.chainbreaker.core.rules.Vars."},
    {"message screening (Screener.screen)", "dev.chainbreaker.screen.Screener.screen"},
    {"phone state (dev.chainbreaker.core.state.*)", "dev.chainbreaker.core.state."},
    {"identity graph (IdentityGraph, Entity)", "dev.chainbreaker.core.graph."},
    {"identity linking (Decider.linkIdentity, lookUpIdentity)", "dev.chainbreaker.core.Decider.linkIdentity", "dev.chainbreaker.core.Decider.lookUpIdentity"},
    {"decision building (Decision, Reason)", "dev.chainbreaker.core.Decision.", "dev.chainbreaker.core.Reason."},
    {"protobuf", "com.google.protobuf."},
    {"guava", "com.google.common."},
    {"java.util HashMap/LinkedHashMap", "java.util.HashMap.", "java.util.LinkedHashMap."},
    {"String building/formatting", "java.lang.StringBuilder.", "java.lang.AbstractStringBuilder.", "java.lang.String.format", "java.util.Formatter."},
  };

  public static void main(String[] args) throws IOException {
    if (args.length >= 1 && args[0].equals("run")) {
      int seconds = 60;
      int phones = 20_000;
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--seconds" -> seconds = Integer.parseInt(args[++i]);
          case "--phones" -> phones = Integer.parseInt(args[++i]);
          default -> usage();
        }
      }
      run(seconds, phones);
    } else if (args.length == 2 && args[0].equals("report")) {
      report(Path.of(args[1]));
    } else {
      usage();
    }
  }

  private static void usage() {
    System.err.println("usage: DecideProfile run [--seconds S] [--phones N] | DecideProfile report FILE.jfr");
    System.exit(2);
  }

  private static void run(int seconds, int phones) {
    Mix mix = new Mix(phones, 7, 42);
    Event[] events = mix.events;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long decided = 0;
    int passes = 0;
    long sink = 0;
    while (System.nanoTime() < end) {
      Engine engine = mix.engine(1);
      for (Event e : events) {
        sink += engine.decide(e).reasons().size();
      }
      decided += events.length;
      passes++;
    }
    System.out.printf(Locale.ROOT, "%d passes, %d decisions, %.0f events/s (sink %d)%n", passes, decided, decided / (double) seconds, sink);
  }

  private static void report(Path file) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> parts = new LinkedHashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      boolean inDecide = false;
      for (RecordedFrame f : st.getFrames()) {
        RecordedMethod m = f.getMethod();
        String name = m.getType().getName() + "." + m.getName();
        names.add(name);
        if (name.equals("dev.chainbreaker.core.Engine.decide")) {
          inDecide = true;
        }
      }
      if (!inDecide || names.isEmpty()) {
        continue;
      }
      total++;
      self.merge(names.get(0), 1, Integer::sum);
      Set<String> seen = new HashSet<>(names);
      for (String n : seen) {
        inclusive.merge(n, 1, Integer::sum);
      }
      for (String[] part : PARTS) {
        boolean hit = false;
        for (String n : seen) {
          for (int i = 1; i < part.length && !hit; i++) {
            hit = n.startsWith(part[i]);
          }
          if (hit) {
            break;
          }
        }
        if (hit) {
          parts.merge(part[0], 1, Integer::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d execution samples inside Engine.decide%n%n", total);
    System.out.println("inclusive share by part (a sample can count for several parts):");
    final int n = total;
    for (String[] part : PARTS) {
      System.out.printf(Locale.ROOT, "  %6.1f%%  %s%n", 100.0 * parts.getOrDefault(part[0], 0) / Math.max(1, n), part[0]);
    }
    System.out.println("\ntop 25 methods by self samples:");
    top(self, 25, n);
    System.out.println("\ntop 40 methods by inclusive samples:");
    top(inclusive, 40, n);
  }

  private static void top(Map<String, Integer> counts, int limit, int total) {
    counts.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .limit(limit)
        .forEach(en -> System.out.printf(Locale.ROOT, "  %6.1f%%  %6d  %s%n", 100.0 * en.getValue() / Math.max(1, total), en.getValue(), en.getKey()));
  }
}
