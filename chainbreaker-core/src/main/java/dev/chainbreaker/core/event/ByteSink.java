package dev.chainbreaker.core.event;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for the stored encodings (events, phone states). Unlike
 * {@link java.io.ByteArrayOutputStream} its writes are not synchronized: the encoders write byte by
 * byte on the hot path of every event, and an uncontended monitor per byte cost more than the rest
 * of the state encoding together (measured: about a third of {@code Ledger.submit}).
 */
public final class ByteSink extends OutputStream {
  private static final ThreadLocal<ByteSink> SCRATCH = ThreadLocal.withInitial(() -> new ByteSink(1024));

  private byte[] buf;
  private int count;

  /**
   * This thread's reusable sink, emptied, for an encoding that ends in {@link #toByteArray}: only the
   * exact-size copy is allocated. A new sink per encoding, grown by doubling, was 12% of the bytes the
   * server allocated at 14,000 events/s (chainbreaker-server/LOAD.md). Not for nested encodings.
   */
  public static ByteSink scratch() {
    ByteSink s = SCRATCH.get();
    s.count = 0;
    return s;
  }

  public ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  @Override
  public void write(int b) {
    if (count == buf.length) {
      grow(1);
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (len > buf.length - count) {
      grow(len);
    }
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  public int size() {
    return count;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }

  private void grow(int needed) {
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + needed));
  }
}
