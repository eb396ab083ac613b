package dev.chainbreaker.core.rules;

/** A rule pack that cannot be used, with the rule it is about, the YAML line and the reason. */
public final class RulePackException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String rule;
  private final int line;
  private final String reason;

  public RulePackException(String rule, int line, String reason) {
    super((rule == null ? "rule pack" : "rule '" + rule + "'") + (line > 0 ? " (line " + line + ")" : "") + ": " + reason);
    this.rule = rule;
    this.line = line;
    this.reason = reason;
  }

  /** The rule, signal, sequence or transition name; null when the error is about the pack itself. */
  public String rule() {
    return rule;
  }

  /** 1-based line in the YAML, 0 when unknown. */
  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
