package dev.chainbreaker.core.graph;

import dev.chainbreaker.core.state.LongMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
  /** The nodes changed since {@link #drainChanges}; null when the graph does not record changes. */
  private List<Entity> changes;

  public IdentityGraph() {
    this(1024);
  }

  /** A graph sized for about {@code expected} nodes (a per-event view needs a handful). */
  public IdentityGraph(int expected) {
    this.entities = new LongMap<>(expected);
  }

  /**
   * From now on, remembers which nodes each event changes, for a host that persists the graph
   * beside the phone states (the embedded store writes them with the event that changed them).
   */
  public void recordChanges() {
    if (changes == null) {
      changes = new ArrayList<>();
    }
  }

  /** Hands out the nodes changed since the last call (each once) and forgets them. */
  public void drainChanges(Consumer<Entity> each) {
    if (changes == null) {
      return;
    }
    for (Entity e : changes) {
      e.changed = false;
      each.accept(e);
    }
    changes.clear();
  }

  private void changed(Entity e) {
    if (changes != null && !e.changed) {
      e.changed = true;
      changes.add(e);
    }
  }

  /** Puts a node back as it was stored (a host rebuilding the graph); replaces any node of that hash. */
  public void restore(Entity e) {
    entities.put(e.hash, e);
  }

  public void forEach(Consumer<Entity> each) {
    entities.forEachValue(each);
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
      changed(e);
    } else if (timeMs < e.firstSeen) {
      e.firstSeen = timeMs;
      changed(e);
    }
    if (e.addPhone(phone)) {
      changed(e);
    }
    return e;
  }

  public void created(long hash, long timeMs) {
    Entity e = entities.get(hash);
    if (e != null && (e.createdAt == Long.MIN_VALUE || timeMs < e.createdAt)) {
      e.createdAt = timeMs;
      changed(e);
    }
  }

  public void frozenByOwner(long hash) {
    Entity e = entities.get(hash);
    if (e != null && !e.frozenByOwner) {
      e.frozenByOwner = true;
      changed(e);
    }
  }

  /** Marks an entity at risk because {@code phone} was taken over; the earliest marking wins. */
  public void markAtRisk(long hash, String phone, long sinceMs, String[] evidence) {
    Entity e = entities.get(hash);
    if (e != null && (!e.isAtRisk() || sinceMs < e.atRiskSince)) {
      e.atRiskSince = sinceMs;
      e.atRiskPhone = phone;
      e.atRiskEvidence = evidence.clone();
      changed(e);
    }
  }

  /** Clears the risk an entity carries (after the owner is back and has reviewed it). */
  public void clearRisk(long hash) {
    Entity e = entities.get(hash);
    if (e != null && (e.isAtRisk() || e.atRiskPhone != null || e.atRiskEvidence.length > 0)) {
      e.atRiskSince = Long.MIN_VALUE;
      e.atRiskPhone = null;
      e.atRiskEvidence = new String[0];
      changed(e);
    }
  }

  public int size() {
    return entities.size();
  }

  /** Forgets every node (a host that loads a per-event view of the graph reuses one instance). */
  public void clear() {
    entities.clear();
    if (changes != null) {
      changes.clear();
    }
  }
}
