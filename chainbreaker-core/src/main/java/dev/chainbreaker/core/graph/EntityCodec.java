package dev.chainbreaker.core.graph;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte encoding of one identity-graph node, as the embedded store keeps it: every field of
 * {@link Entity}, so that a graph rebuilt from the stored nodes judges the next event exactly as the
 * graph that wrote them. Hashes and phone numbers only, like the node itself.
 *
 * <p>Layout (version 1): version byte, hash, kind ordinal (-1: unknown), first seen, created at,
 * frozen flag, phone count and phone keys, at-risk since, at-risk phone and evidence as
 * length-prefixed UTF-8 (-1: none).
 */
public final class EntityCodec {
  static final byte VERSION = 1;

  private EntityCodec() {}

  public static byte[] encode(Entity e) {
    byte[] riskPhone = e.atRiskPhone == null ? null : e.atRiskPhone.getBytes(StandardCharsets.UTF_8);
    byte[][] evidence = new byte[e.atRiskEvidence.length][];
    int size = 1 + 8 + 1 + 8 + 8 + 1 + 1 + 8 * e.phones.length + 8 + 4 + (riskPhone == null ? 0 : riskPhone.length) + 4;
    for (int i = 0; i < evidence.length; i++) {
      evidence[i] = e.atRiskEvidence[i].getBytes(StandardCharsets.UTF_8);
      size += 4 + evidence[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(VERSION).putLong(e.hash).put((byte) (e.kind == null ? -1 : e.kind.ordinal()));
    b.putLong(e.firstSeen).putLong(e.createdAt).put((byte) (e.frozenByOwner ? 1 : 0));
    b.put((byte) e.phones.length);
    for (long p : e.phones) {
      b.putLong(p);
    }
    b.putLong(e.atRiskSince);
    putBytes(b, riskPhone);
    b.putInt(evidence.length);
    for (byte[] ev : evidence) {
      putBytes(b, ev);
    }
    return b.array();
  }

  public static Entity decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte version = b.get();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown identity-graph node encoding " + version);
    }
    long hash = b.getLong();
    int kind = b.get();
    Entity e = new Entity(hash, kind < 0 ? null : EntityKind.values()[kind], b.getLong());
    e.createdAt = b.getLong();
    e.frozenByOwner = b.get() != 0;
    long[] phones = new long[b.get()];
    for (int i = 0; i < phones.length; i++) {
      phones[i] = b.getLong();
    }
    e.phones = phones;
    e.atRiskSince = b.getLong();
    e.atRiskPhone = getString(b);
    String[] evidence = new String[b.getInt()];
    for (int i = 0; i < evidence.length; i++) {
      evidence[i] = getString(b);
    }
    e.atRiskEvidence = evidence;
    if (b.hasRemaining()) {
      throw new IllegalArgumentException("identity-graph node encoding has " + b.remaining() + " bytes too many");
    }
    return e;
  }

  private static void putBytes(ByteBuffer b, byte[] v) {
    if (v == null) {
      b.putInt(-1);
    } else {
      b.putInt(v.length).put(v);
    }
  }

  private static String getString(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0) {
      return null;
    }
    byte[] v = new byte[n];
    b.get(v);
    return new String(v, StandardCharsets.UTF_8);
  }
}
