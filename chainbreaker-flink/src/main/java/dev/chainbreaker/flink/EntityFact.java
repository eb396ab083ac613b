package dev.chainbreaker.flink;

import dev.chainbreaker.core.graph.Entity;
import dev.chainbreaker.core.graph.EntityKind;
import dev.chainbreaker.core.graph.IdentityGraph;
import java.util.Arrays;
import java.util.Objects;

/**
 * What is known about one identity-graph entity: kept by the phone stage as the phone's own view
 * of the entities its events named, sent to the entity stage when it changes, and merged there
 * into the entity's record (with the phones seen with it).
 */
public class EntityFact {
  public long entity;
  /** {@link EntityKind#ordinal()}, or -1 when unknown. */
  public int kind = -1;
  /** The phone (key) that reported this fact; in the entity stage's record, unused. */
  public long phone;
  public long firstSeen = Long.MIN_VALUE;
  public long createdAt = Long.MIN_VALUE;
  public boolean frozen;
  public long atRiskSince = Long.MIN_VALUE;
  public String atRiskPhone;
  public String[] evidence = new String[0];
  /** Entity stage only: the phones seen with it (at most four, the latest). */
  public long[] phones = new long[0];

  public EntityFact() {}

  static EntityFact of(Entity e, long phone) {
    EntityFact f = new EntityFact();
    f.entity = e.hash();
    f.kind = e.kind() == null ? -1 : e.kind().ordinal();
    f.phone = phone;
    f.firstSeen = e.firstSeen();
    f.createdAt = e.createdAt();
    f.frozen = e.frozenByOwner();
    f.atRiskSince = e.atRiskSince();
    f.atRiskPhone = e.atRiskPhone();
    f.evidence = e.atRiskEvidence();
    return f;
  }

  EntityKind kindOr(EntityKind fallback) {
    return kind < 0 ? fallback : EntityKind.values()[kind];
  }

  boolean atRisk() {
    return atRiskSince != Long.MIN_VALUE;
  }

  /** Worth keeping in a phone's view: anything beyond "this entity exists" for ID numbers and cards. */
  boolean worthKeeping() {
    return kind == EntityKind.ACCOUNT.ordinal() || atRisk() || frozen || createdAt != Long.MIN_VALUE;
  }

  /** Rebuilds the node in a per-event graph. */
  void loadInto(IdentityGraph graph, long phone, EntityKind fallback) {
    graph.link(entity, kindOr(fallback), phone, firstSeen == Long.MIN_VALUE ? 0 : firstSeen);
    if (createdAt != Long.MIN_VALUE) {
      graph.created(entity, createdAt);
    }
    if (frozen) {
      graph.frozenByOwner(entity);
    }
    if (atRisk()) {
      graph.markAtRisk(entity, atRiskPhone, atRiskSince, evidence);
    }
  }

  /** Same facts (ignoring who reported them and the phone list). */
  boolean sameFacts(EntityFact o) {
    return o != null && kind == o.kind && firstSeen == o.firstSeen && createdAt == o.createdAt && frozen == o.frozen
        && atRiskSince == o.atRiskSince && Objects.equals(atRiskPhone, o.atRiskPhone) && Arrays.equals(evidence, o.evidence);
  }

  /** Same facts that other phones need to hear about (risk and freezing). */
  boolean sameRisk(EntityFact o) {
    return o != null && frozen == o.frozen && atRiskSince == o.atRiskSince && Objects.equals(atRiskPhone, o.atRiskPhone)
        && Arrays.equals(evidence, o.evidence);
  }

  @Override
  public String toString() {
    return "EntityFact{" + Long.toHexString(entity) + " kind=" + kind + " phone=" + phone + " created=" + createdAt
        + " frozen=" + frozen + " atRiskSince=" + atRiskSince + " by " + atRiskPhone + " " + Arrays.toString(evidence) + "}";
  }
}
