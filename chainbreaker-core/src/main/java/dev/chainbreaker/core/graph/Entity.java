package dev.chainbreaker.core.graph;

import java.util.Arrays;

/**
 * One node of the identity graph: an ID-number, card, account or device hash, the phones it was
 * seen with, and whether a taken-over line has put it at risk. Only hashes and phone numbers are
 * kept, never the raw identifier.
 */
public final class Entity {
  static final int MAX_PHONES = 4;

  final long hash;
  final EntityKind kind;
  long firstSeen;
  long createdAt = Long.MIN_VALUE;
  /** Phone keys ({@link dev.chainbreaker.core.event.PhoneNumbers#key}): compared as numbers on the hot path. */
  long[] phones = new long[0];
  long atRiskSince = Long.MIN_VALUE;
  String atRiskPhone;
  String[] atRiskEvidence = new String[0];
  boolean frozenByOwner;
  /** Changed since the graph last handed its changes out (only when it records them). */
  boolean changed;

  Entity(long hash, EntityKind kind, long firstSeen) {
    this.hash = hash;
    this.kind = kind;
    this.firstSeen = firstSeen;
  }

  public long hash() {
    return hash;
  }

  public EntityKind kind() {
    return kind;
  }

  public long firstSeen() {
    return firstSeen;
  }

  /** When an {@code account.created} event opened it, or Long.MIN_VALUE when unknown. */
  public long createdAt() {
    return createdAt;
  }

  public boolean isAtRisk() {
    return atRiskSince != Long.MIN_VALUE;
  }

  public long atRiskSince() {
    return atRiskSince;
  }

  /** The taken-over line that put this entity at risk. */
  public String atRiskPhone() {
    return atRiskPhone;
  }

  public String[] atRiskEvidence() {
    return atRiskEvidence.clone();
  }

  public boolean frozenByOwner() {
    return frozenByOwner;
  }

  /** The phones seen with it, as E.164 numbers. */
  public String[] phones() {
    String[] out = new String[phones.length];
    for (int i = 0; i < phones.length; i++) {
      out[i] = "+" + phones[i];
    }
    return out;
  }

  boolean addPhone(long phone) {
    for (long p : phones) {
      if (p == phone) {
        return false;
      }
    }
    if (phones.length == MAX_PHONES) {
      System.arraycopy(phones, 1, phones, 0, MAX_PHONES - 1);
      phones[MAX_PHONES - 1] = phone;
    } else {
      phones = Arrays.copyOf(phones, phones.length + 1);
      phones[phones.length - 1] = phone;
    }
    return true;
  }
}
