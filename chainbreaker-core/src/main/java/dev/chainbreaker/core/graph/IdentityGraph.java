package dev.chainbreaker.core.graph;

import dev.chainbreaker.core.state.LongMap;

/**
 * Edges phone ↔ ID hash ↔ card hash ↔ account ↔ device, built from events, and the propagation of
 * risk along them: when a line is judged taken over, every identity, card and account seen with it
 * is marked at risk, so that an account opened on that ID from another phone, or a loan paid to that
 * card from another phone, is judged with that knowledge.
 *
 * <p>Embedded this is an in-memory index beside the phone states (in Flink: a second keyed stage by
 * entity). Not thread-safe: the engine serialises access.
 */
public final class IdentityGraph {
  private final LongMap<Entity> entities;

  public IdentityGraph() {
    this(1024);
  }

  /** A graph sized for about {@code expected} nodes (a per-event view needs a handful). */
  public IdentityGraph(int expected) {
    this.entities = new LongMap<>(expected);
  }

  /** The node for a hash, or null when never seen. */
  public Entity get(long hash) {
    return entities.get(hash);
  }

  /** Adds the edge phone ↔ entity ({@code phone} as its numeric key); returns the node. */
  public Entity link(long hash, EntityKind kind, long phone, long timeMs) {
    Entity e = entities.get(hash);
    if (e == null) {
      e = new Entity(hash, kind, timeMs);
      entities.put(hash, e);
    } else if (timeMs < e.firstSeen) {
      e.firstSeen = timeMs;
    }
    e.addPhone(phone);
    return e;
  }

  public void created(long hash, long timeMs) {
    Entity e = entities.get(hash);
    if (e != null && (e.createdAt == Long.MIN_VALUE || timeMs < e.createdAt)) {
      e.createdAt = timeMs;
    }
  }

  public void frozenByOwner(long hash) {
    Entity e = entities.get(hash);
    if (e != null) {
      e.frozenByOwner = true;
    }
  }

  /** Marks an entity at risk because {@code phone} was taken over; the earliest marking wins. */
  public void markAtRisk(long hash, String phone, long sinceMs, String[] evidence) {
    Entity e = entities.get(hash);
    if (e != null && (!e.isAtRisk() || sinceMs < e.atRiskSince)) {
      e.atRiskSince = sinceMs;
      e.atRiskPhone = phone;
      e.atRiskEvidence = evidence.clone();
    }
  }

  /** Clears the risk an entity carries (after the owner is back and has reviewed it). */
  public void clearRisk(long hash) {
    Entity e = entities.get(hash);
    if (e != null) {
      e.atRiskSince = Long.MIN_VALUE;
      e.atRiskPhone = null;
      e.atRiskEvidence = new String[0];
    }
  }

  public int size() {
    return entities.size();
  }

  /** Forgets every node (a host that loads a per-event view of the graph reuses one instance). */
  public void clear() {
    entities.clear();
  }
}
