package dev.chainbreaker.core;

import java.util.List;

/** One reason for a decision: a stable code, English and Chinese messages, the evidence event ids. */
public record Reason(String code, String message, String messageZh, List<String> evidence) {
  public Reason {
    evidence = List.copyOf(evidence);
  }
}
