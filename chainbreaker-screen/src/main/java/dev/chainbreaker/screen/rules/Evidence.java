package dev.chainbreaker.screen.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects signals; a code counts once (its strongest instance) so that three bad links do not
 * triple the same piece of evidence.
 */
public final class Evidence {

  private final Map<String, Signal> byCode = new LinkedHashMap<>();

  public void add(Signal s) {
    Signal prev = byCode.get(s.code());
    if (prev == null || Math.abs(s.weight()) > Math.abs(prev.weight())) {
      byCode.put(s.code(), s);
    }
  }

  /** Gives the signal {@code code}, if present, another weight; its explanation and span stay. */
  public void reweigh(String code, double weight) {
    byCode.computeIfPresent(code,
        (c, s) -> new Signal(c, weight, s.message(), s.messageZh(), s.start(), s.end()));
  }

  public boolean has(String code) {
    return byCode.containsKey(code);
  }

  /** Sum of the weights (log-odds). */
  public double total() {
    double t = 0;
    for (Signal s : byCode.values()) {
      t += s.weight();
    }
    return t;
  }

  /** Signals, strongest evidence for fraud first. */
  public List<Signal> signals() {
    List<Signal> out = new ArrayList<>(byCode.values());
    out.sort((a, b) -> Double.compare(b.weight(), a.weight()));
    return out;
  }
}
