package dev.chainbreaker.store;

import java.nio.charset.StandardCharsets;

/** Key encodings: big-endian sequences sort in numeric order, so RocksDB's byte order is log order. */
final class Bytes {
  private Bytes() {}

  static byte[] seq(long n) {
    byte[] b = new byte[8];
    putSeq(b, n);
    return b;
  }

  /** The 8-byte sequence followed by {@code tail}, in one array (a stored decision's value). */
  static byte[] seqThen(long n, byte[] tail) {
    byte[] b = new byte[8 + tail.length];
    putSeq(b, n);
    System.arraycopy(tail, 0, b, 8, tail.length);
    return b;
  }

  private static void putSeq(byte[] b, long n) {
    putSeq(b, 0, n);
  }

  private static void putSeq(byte[] b, int offset, long n) {
    for (int i = 7; i >= 0; i--) {
      b[offset + i] = (byte) n;
      n >>>= 8;
    }
  }

  static long seq(byte[] b, int offset) {
    long n = 0;
    for (int i = 0; i < 8; i++) {
      n = (n << 8) | (b[offset + i] & 0xff);
    }
    return n;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Follows the phone in a timeline key. */
  static final byte TIMELINE_MARK = 0;
  /** Follows the phone in a state key: sorts after all of the phone's timeline keys. */
  static final byte STATE_MARK = 1;

  /**
   * phone + 0x01: a phone's state, in the same column family as its timeline entries and right after
   * them in key order, so the state written after a phone's new timeline entries lands next to
   * them in the memtable (see {@link Store}).
   */
  static byte[] stateKey(String phone) {
    return stateKey(utf8(phone));
  }

  static byte[] stateKey(byte[] phone) {
    byte[] k = java.util.Arrays.copyOf(phone, phone.length + 1);
    k[phone.length] = STATE_MARK;
    return k;
  }

  /** phone + 0x00 + seq: one phone's timeline entries are contiguous and in log order. */
  static byte[] timeline(String phone, long seq) {
    return timeline(utf8(phone), seq);
  }

  static byte[] timeline(byte[] phone, long seq) {
    byte[] k = new byte[phone.length + 9];
    System.arraycopy(phone, 0, k, 0, phone.length);
    k[phone.length] = TIMELINE_MARK;
    putSeq(k, phone.length + 1, seq);
    return k;
  }
}
