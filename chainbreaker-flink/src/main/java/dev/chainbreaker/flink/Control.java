package dev.chainbreaker.flink;

import java.util.Arrays;

/**
 * What every phone-stage instance must know, sent as broadcast: a rule pack (its YAML), or a risk
 * fact about an identity-graph entity (an ID number, card or account put at risk by a taken-over
 * line, or a card frozen by its owner) that the entity stage learned from another phone.
 */
public class Control {
  public static final int PACK = 0;
  public static final int RISK = 1;

  public int kind;
  /** {@link #PACK}: the pack's YAML. */
  public String yaml;
  /** {@link #RISK}: the entity hash. */
  public long entity;
  /** {@link #RISK}: at risk since (event time), or Long.MIN_VALUE. */
  public long atRiskSince = Long.MIN_VALUE;
  public String atRiskPhone;
  public String[] evidence = new String[0];
  public boolean frozen;

  public Control() {}

  public static Control pack(String yaml) {
    Control c = new Control();
    c.kind = PACK;
    c.yaml = yaml;
    return c;
  }

  public static Control risk(EntityFact f) {
    Control c = new Control();
    c.kind = RISK;
    c.entity = f.entity;
    c.atRiskSince = f.atRiskSince;
    c.atRiskPhone = f.atRiskPhone;
    c.evidence = f.evidence == null ? new String[0] : f.evidence.clone();
    c.frozen = f.frozen;
    return c;
  }

  /** One line: {@code risk <entity> <since> <frozen> <phone> <evidence…>}, tab-separated (the feedback topic's format). */
  public String toLine() {
    if (kind == PACK) {
      throw new IllegalStateException("packs travel as YAML, not as lines");
    }
    StringBuilder b = new StringBuilder("risk\t").append(entity).append('\t').append(atRiskSince).append('\t')
        .append(frozen ? 1 : 0).append('\t').append(atRiskPhone == null ? "" : atRiskPhone);
    for (String ev : evidence) {
      b.append('\t').append(ev);
    }
    return b.toString();
  }

  public static Control fromLine(String line) {
    String[] f = line.split("\t", -1);
    if (f.length < 5 || !f[0].equals("risk")) {
      throw new IllegalArgumentException("not a risk line: " + line);
    }
    Control c = new Control();
    c.kind = RISK;
    c.entity = Long.parseLong(f[1]);
    c.atRiskSince = Long.parseLong(f[2]);
    c.frozen = f[3].equals("1");
    c.atRiskPhone = f[4].isEmpty() ? null : f[4];
    c.evidence = Arrays.copyOfRange(f, 5, f.length);
    return c;
  }

  @Override
  public String toString() {
    return kind == PACK ? "pack(" + (yaml == null ? 0 : yaml.length()) + " chars)" : toLine();
  }
}
