package dev.chainbreaker.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityCodecTest {

  @Test
  void everyFieldOfANodeSurvivesItsEncoding() {
    IdentityGraph g = new IdentityGraph();
    Entity e = g.link(42L, EntityKind.CARD, 8613800000001L, 5_000L);
    for (long p = 8613800000002L; p < 8613800000007L; p++) {
      g.link(42L, EntityKind.CARD, p, 6_000L); // more phones than a node keeps: the oldest go
    }
    g.link(42L, EntityKind.CARD, 8613800000002L, 1_000L); // an earlier sighting moves firstSeen
    g.created(42L, 2_000L);
    g.frozenByOwner(42L);
    g.markAtRisk(42L, "+8613800000001", 7_000L, new String[] {"ev-1", "事件-2"});

    Entity back = EntityCodec.decode(EntityCodec.encode(e));
    assertEquals(42L, back.hash());
    assertEquals(EntityKind.CARD, back.kind());
    assertEquals(1_000L, back.firstSeen());
    assertEquals(2_000L, back.createdAt());
    assertTrue(back.frozenByOwner());
    assertArrayEquals(e.phones(), back.phones());
    assertEquals(Entity.MAX_PHONES, back.phones().length);
    assertEquals(7_000L, back.atRiskSince());
    assertEquals("+8613800000001", back.atRiskPhone());
    assertArrayEquals(new String[] {"ev-1", "事件-2"}, back.atRiskEvidence());
    assertArrayEquals(EntityCodec.encode(e), EntityCodec.encode(back));
  }

  @Test
  void aNodeOfUnknownKindWithoutRiskSurvivesItsEncoding() {
    Entity e = new IdentityGraph().link(-7L, null, 8613800000001L, 0L);
    Entity back = EntityCodec.decode(EntityCodec.encode(e));
    assertNull(back.kind());
    assertNull(back.atRiskPhone());
    assertEquals(Long.MIN_VALUE, back.createdAt());
    assertEquals(0, back.atRiskEvidence().length);
  }

  @Test
  void anEncodingOfAnotherVersionOrLengthIsRefused() {
    byte[] bytes = EntityCodec.encode(new IdentityGraph().link(1L, EntityKind.ACCOUNT, 1L, 0L));
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThrows(IllegalArgumentException.class, () -> EntityCodec.decode(longer));
    bytes[0] = 9;
    assertThrows(IllegalArgumentException.class, () -> EntityCodec.decode(bytes));
  }

  @Test
  void theGraphHandsOutEachChangedNodeOnceAndNothingForARepeat() {
    IdentityGraph g = new IdentityGraph();
    g.recordChanges();
    g.link(1L, EntityKind.ID_NUMBER, 100L, 10L);
    g.link(1L, EntityKind.ID_NUMBER, 101L, 11L);
    g.link(2L, EntityKind.CARD, 100L, 10L);
    assertEquals(List.of(1L, 2L), drained(g), "two new nodes, the first changed twice: each handed out once");

    g.link(1L, EntityKind.ID_NUMBER, 100L, 20L); // a phone it already has, later than its first sighting
    g.created(3L, 5L); // no such node
    assertEquals(List.of(), drained(g), "nothing changed");

    g.link(2L, EntityKind.CARD, 100L, 5L);
    assertEquals(List.of(2L), drained(g), "an earlier first sighting is a change");
    g.created(1L, 30L);
    g.frozenByOwner(2L);
    assertEquals(List.of(1L, 2L), drained(g));
    g.frozenByOwner(2L);
    g.clearRisk(1L);
    assertEquals(List.of(), drained(g), "freezing a frozen node and clearing no risk change nothing");
    g.markAtRisk(1L, "+86100", 40L, new String[] {"e"});
    g.markAtRisk(1L, "+86100", 50L, new String[] {"f"}); // a later marking: the earliest wins
    assertEquals(List.of(1L), drained(g));
    g.clearRisk(1L);
    assertEquals(List.of(1L), drained(g));
  }

  @Test
  void aGraphThatDoesNotRecordChangesHandsOutNone() {
    IdentityGraph g = new IdentityGraph();
    g.link(1L, EntityKind.ID_NUMBER, 100L, 10L);
    assertEquals(List.of(), drained(g));
  }

  private static List<Long> drained(IdentityGraph g) {
    List<Long> out = new ArrayList<>();
    g.drainChanges(e -> out.add(e.hash()));
    return out;
  }
}
