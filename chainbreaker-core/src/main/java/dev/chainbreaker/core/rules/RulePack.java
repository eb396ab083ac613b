package dev.chainbreaker.core.rules;

import dev.chainbreaker.core.event.EventType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded, type-checked, versioned rule pack. Immutable and thread-safe; the engine swaps whole
 * packs atomically. Signals, counters and rules are indexed by event type so that deciding an event
 * only looks at what can apply to it.
 */
public final class RulePack {
  /** Buckets per counter ring: a 24-hour window in hourly buckets. */
  public static final int COUNTER_BUCKETS = 24;

  private final String name;
  private final String version;
  private final String source;
  private final Settings settings;
  private final List<Signal> signals;
  private final List<Sequence> sequences;
  private final List<Counter> counters;
  private final List<Transition> transitions;
  private final List<Rule> rules;

  private final Map<String, Integer> signalIndex = new HashMap<>();
  private final Map<String, Integer> counterIndex = new HashMap<>();
  private final Map<EventType, List<Signal>> signalsByType = new EnumMap<>(EventType.class);
  private final Map<EventType, List<Counter>> countersByType = new EnumMap<>(EventType.class);
  private final Map<EventType, List<Rule>> rulesByType = new EnumMap<>(EventType.class);
  private final List<Signal> weighted = new ArrayList<>();
  private final List<Signal> exposures = new ArrayList<>();
  private final List<List<Sequence>> sequencesBySignal = new ArrayList<>();

  RulePack(
      String name, String version, String source, Settings settings, List<Signal> signals, List<Sequence> sequences,
      List<Counter> counters, List<Transition> transitions, List<Rule> rules) {
    this.name = name;
    this.version = version;
    this.source = source;
    this.settings = settings;
    this.signals = List.copyOf(signals);
    this.sequences = List.copyOf(sequences);
    this.counters = List.copyOf(counters);
    this.transitions = List.copyOf(transitions);
    this.rules = List.copyOf(rules);
    for (EventType t : EventType.values()) {
      signalsByType.put(t, new ArrayList<>());
      countersByType.put(t, new ArrayList<>());
      rulesByType.put(t, new ArrayList<>());
    }
    for (Signal s : this.signals) {
      signalIndex.put(s.name(), s.index());
      s.on().forEach(t -> signalsByType.get(t).add(s));
      if (s.weight() > 0) {
        weighted.add(s);
      }
      if (s.exposure()) {
        exposures.add(s);
      }
      sequencesBySignal.add(new ArrayList<>());
    }
    for (Sequence q : this.sequences) {
      for (int[] step : q.steps()) {
        for (int sig : step) {
          if (!sequencesBySignal.get(sig).contains(q)) {
            sequencesBySignal.get(sig).add(q);
          }
        }
      }
    }
    for (Counter c : this.counters) {
      counterIndex.put(c.name(), c.index());
      c.on().forEach(t -> countersByType.get(t).add(c));
    }
    for (Rule r : this.rules) {
      r.on().forEach(t -> rulesByType.get(t).add(r));
    }
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  /** The YAML this pack was loaded from. */
  public String source() {
    return source;
  }

  public Settings settings() {
    return settings;
  }

  public List<Signal> signals() {
    return signals;
  }

  public List<Sequence> sequences() {
    return sequences;
  }

  public List<Counter> counters() {
    return counters;
  }

  public List<Transition> transitions() {
    return transitions;
  }

  public List<Rule> rules() {
    return rules;
  }

  public Map<String, Integer> signalIndex() {
    return signalIndex;
  }

  public Map<String, Integer> counterIndex() {
    return counterIndex;
  }

  public List<Signal> signalsFor(EventType type) {
    return signalsByType.get(type);
  }

  public List<Counter> countersFor(EventType type) {
    return countersByType.get(type);
  }

  public List<Rule> rulesFor(EventType type) {
    return rulesByType.get(type);
  }

  /** Signals with a takeover weight. */
  public List<Signal> weighted() {
    return weighted;
  }

  /** Signals that expose the line. */
  public List<Signal> exposures() {
    return exposures;
  }

  /** Sequences that have {@code signal} in one of their steps. */
  public List<Sequence> sequencesWith(int signal) {
    return sequencesBySignal.get(signal);
  }

  public Signal signal(String name) {
    Integer i = signalIndex.get(name);
    return i == null ? null : signals.get(i);
  }

  public String[] signalNames() {
    return signals.stream().map(Signal::name).toArray(String[]::new);
  }

  public String[] counterNames() {
    return counters.stream().map(Counter::name).toArray(String[]::new);
  }

  public long[] counterWindows() {
    return counters.stream().mapToLong(Counter::windowMs).toArray();
  }
}
