package dev.chainbreaker.core.state;

import dev.chainbreaker.core.SubjectState;
import dev.chainbreaker.core.event.ByteSink;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The one byte encoding of {@link PhoneState}, shared by the embedded store, replay and Flink.
 *
 * <p>Times are varints relative to the watermark, so a phone with a handful of recent marks costs a
 * few hundred bytes. Signals and counters are written by a 32-bit hash of their name, not by their
 * position in the pack, so a state written under one rule-pack version reads back under the next:
 * occurrences of signals the new pack no longer has are dropped.
 */
public final class StateCodec {
  private static final int VERSION = 1;

  private final int[] signalHash;
  private final Map<Integer, Integer> signalByHash = new HashMap<>();
  private final int[] counterHash;
  private final Map<Integer, Integer> counterByHash = new HashMap<>();
  private final long[] counterWindowMs;
  private final int buckets;

  public StateCodec(String[] signals, String[] counters, long[] counterWindowMs, int buckets) {
    this.signalHash = new int[signals.length];
    for (int i = 0; i < signals.length; i++) {
      signalHash[i] = signals[i].hashCode();
      signalByHash.put(signalHash[i], i);
    }
    this.counterHash = new int[counters.length];
    for (int i = 0; i < counters.length; i++) {
      counterHash[i] = counters[i].hashCode();
      counterByHash.put(counterHash[i], i);
    }
    this.counterWindowMs = counterWindowMs.clone();
    this.buckets = buckets;
  }

  /** True when both codecs give every signal and counter the same position (and window): states need no remapping. */
  public boolean sameLayout(StateCodec other) {
    return java.util.Arrays.equals(signalHash, other.signalHash) && java.util.Arrays.equals(counterHash, other.counterHash)
        && java.util.Arrays.equals(counterWindowMs, other.counterWindowMs) && buckets == other.buckets;
  }

  public byte[] encode(PhoneState s) {
    Out out = new Out();
    out.varint(VERSION);
    out.varint(s.state.ordinal());
    long base = s.watermark;
    out.zigzag(base == PhoneState.NEVER ? 0 : base);
    out.bit(base != PhoneState.NEVER);
    out.time(s.stateSince, base);
    out.time(s.lastOwnerBack, base);
    out.varint(s.markCount);
    for (int i = 0; i < s.markCount; i++) {
      out.fixed32(signalHash[s.markSignal[i]]);
      out.zigzag(base - s.markTime[i]);
      out.chars(s.evidencePool, s.evidenceStart[i], s.evidenceLength[i]);
    }
    int present = 0;
    if (s.counters != null) {
      for (BucketRing r : s.counters) {
        if (r != null) {
          present++;
        }
      }
    }
    out.varint(present);
    if (present > 0) {
      for (int c = 0; c < s.counters.length; c++) {
        BucketRing r = s.counters[c];
        if (r == null) {
          continue;
        }
        out.fixed32(counterHash[c]);
        out.zigzag(r.head());
        for (long hundredths : r.sums()) {
          out.zigzag(hundredths); // money to the cent, counts exactly
        }
      }
    }
    out.longs(s.links, s.linkCount);
    out.longs(s.tainted, s.taintCount);
    out.varint(s.chainCount);
    for (int i = 0; i < s.chainCount; i++) {
      out.string(s.chain[i]);
    }
    return out.toByteArray();
  }

  public PhoneState decode(byte[] bytes) {
    In in = new In(bytes);
    int version = (int) in.varint();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown state encoding version " + version);
    }
    PhoneState s = new PhoneState();
    s.state = SubjectState.values()[(int) in.varint()];
    long base = in.zigzag();
    boolean hasBase = in.bit();
    s.watermark = hasBase ? base : PhoneState.NEVER;
    s.stateSince = in.time(base);
    s.lastOwnerBack = in.time(base);
    int marks = (int) in.varint();
    for (int i = 0; i < marks; i++) {
      Integer signal = signalByHash.get(in.fixed32());
      long time = base - in.zigzag();
      String evidence = in.string();
      if (signal != null) {
        s.mark(signal, time, evidence);
      }
    }
    int counters = (int) in.varint();
    for (int c = 0; c < counters; c++) {
      Integer idx = counterByHash.get(in.fixed32());
      long head = in.zigzag();
      long[] sums = new long[buckets];
      for (int b = 0; b < buckets; b++) {
        sums[b] = in.zigzag();
      }
      if (idx != null) {
        s.counter(idx, counterWindowMs[idx], buckets, counterHash.length).restore(head, sums);
      }
    }
    for (long l : in.longs()) {
      s.link(l);
    }
    for (long l : in.longs()) {
      s.taint(l);
    }
    int chain = (int) in.varint();
    for (int i = 0; i < chain; i++) {
      s.addToChain(in.string());
    }
    return s;
  }

  private static final class Out {
    private final ByteSink sink = ByteSink.scratch();

    void write(int b) {
      sink.write(b);
    }

    void write(byte[] b, int off, int len) {
      sink.write(b, off, len);
    }

    byte[] toByteArray() {
      return sink.toByteArray();
    }

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    void zigzag(long v) {
      varint((v << 1) ^ (v >> 63));
    }

    void bit(boolean b) {
      write(b ? 1 : 0);
    }

    void time(long t, long base) {
      bit(t != PhoneState.NEVER);
      if (t != PhoneState.NEVER) {
        zigzag(base - t);
      }
    }

    void fixed32(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      write(b, 0, b.length);
    }

    /** The same bytes as {@link #string} of those chars; ASCII, the usual event id, without a String. */
    void chars(char[] a, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (a[i] >= 0x80) {
          string(new String(a, off, len));
          return;
        }
      }
      varint(len);
      for (int i = off; i < off + len; i++) {
        write(a[i]);
      }
    }

    void longs(long[] values, int count) {
      varint(count);
      for (int i = 0; i < count; i++) {
        long v = values[i];
        for (int k = 56; k >= 0; k -= 8) {
          write((int) (v >>> k));
        }
      }
    }
  }

  private static final class In {
    private final byte[] b;
    private int p;

    In(byte[] b) {
      this.b = b;
    }

    long varint() {
      long v = 0;
      int shift = 0;
      while (true) {
        if (p >= b.length) {
          throw new IllegalArgumentException("truncated state");
        }
        int x = b[p++];
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
        shift += 7;
        if (shift > 63) {
          throw new IllegalArgumentException("corrupt varint in state");
        }
      }
    }

    long zigzag() {
      long v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    boolean bit() {
      if (p >= b.length) {
        throw new IllegalArgumentException("truncated state");
      }
      return b[p++] != 0;
    }

    long time(long base) {
      return bit() ? base - zigzag() : PhoneState.NEVER;
    }

    int fixed32() {
      if (p + 4 > b.length) {
        throw new IllegalArgumentException("truncated state");
      }
      int v = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
      p += 4;
      return v;
    }

    String string() {
      int n = (int) varint();
      if (n < 0 || p + n > b.length) {
        throw new IllegalArgumentException("truncated state");
      }
      String s = new String(b, p, n, StandardCharsets.UTF_8);
      p += n;
      return s;
    }

    long[] longs() {
      int n = (int) varint();
      if (n < 0 || p + 8L * n > b.length) {
        throw new IllegalArgumentException("truncated state");
      }
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
          v = (v << 8) | (b[p++] & 0xff);
        }
        out[i] = v;
      }
      return out;
    }
  }
}
