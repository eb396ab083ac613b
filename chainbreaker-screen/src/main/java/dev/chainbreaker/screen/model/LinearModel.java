package dev.chainbreaker.screen.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A one-vs-rest linear model over hashed features, as trained by liblinear (logistic regression),
 * stored compactly: per class only the non-zero weights, as delta-coded indices and 32-bit floats,
 * gzipped. Scoring is a sparse dot product with no allocation beyond the feature vector.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinearModel {

  private static final int MAGIC = 0x43424C4D; // "CBLM"
  private static final int VERSION = 1;

  private final int bits;
  private final List<String> labels;
  private final float[][] weights;
  private final float[] bias;
  /**
   * The same weights interleaved by feature ({@code packed[(i - 1) * classes + c]}), so scoring
   * touches one cache line per feature instead of one per class.
   */
  private final float[] packed;
  /**
   * Sums of at most this many weights are exact in double arithmetic, so they do not depend on
   * the order of the terms. Every non-zero weight is an integer multiple of the smallest one's ulp
   * {@code q = 2^(minExp-23)} and below {@code 2^(maxExp+1)}; a sum of {@code N} of them is a
   * multiple of {@code q} below {@code N * 2^(maxExp+1)}, exactly representable when
   * {@code N * 2^(maxExp - minExp + 24) <= 2^53}, and so is every partial sum.
   */
  private final int orderFreeMax;

  public LinearModel(int bits, List<String> labels, float[][] weights, float[] bias) {
    this.bits = bits;
    this.labels = List.copyOf(labels);
    this.weights = weights;
    this.bias = bias;
    int classes = weights.length;
    int dim = classes == 0 ? 0 : weights[0].length;
    this.packed = new float[classes * dim];
    int minExp = Integer.MAX_VALUE;
    int maxExp = Integer.MIN_VALUE;
    for (float[] w : weights) {
      for (float f : w) {
        if (f != 0f) {
          int e = Math.max(Math.getExponent(f), Float.MIN_EXPONENT); // subnormals: ulp 2^-149
          minExp = Math.min(minExp, e);
          maxExp = Math.max(maxExp, e);
        }
      }
    }
    int span = minExp > maxExp ? 0 : maxExp - minExp + 24;
    if (minExp <= maxExp && (maxExp > Float.MAX_EXPONENT || span > 53)) {
      this.orderFreeMax = 0; // infinities or too wide a range: always sum in index order
    } else {
      this.orderFreeMax = span >= 53 ? 0 : (int) Math.min(Integer.MAX_VALUE, 1L << (53 - span));
    }
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < dim; i++) {
        packed[i * classes + c] = weights[c][i];
      }
    }
  }

  public int bits() {
    return bits;
  }

  public List<String> labels() {
    return labels;
  }

  /** Decision value (log-odds of the class against the rest) for each class. */
  public double[] decision(Featurizer.Vector x) {
    double[] out = new double[labels.size()];
    int[] idx = x.indices();
    double v = x.value();
    for (int c = 0; c < out.length; c++) {
      float[] w = weights[c];
      double s = 0;
      for (int i : idx) {
        s += w[i - 1];
      }
      out[c] = s * v + bias[c];
    }
    return out;
  }

  /**
   * As {@link #decision(Featurizer.Vector)} over the first {@code count} (sorted, unique, 1-based)
   * indices of {@code idx}, written to {@code out}: the same sums in the same order, so the same
   * values to the last bit, with one pass over the features.
   */
  public void decision(int[] idx, int count, double v, double[] out) {
    int classes = out.length;
    if (classes == 3) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      for (int k = 0; k < count; k++) {
        int base = (idx[k] - 1) * 3;
        s0 += packed[base];
        s1 += packed[base + 1];
        s2 += packed[base + 2];
      }
      out[0] = s0 * v + bias[0];
      out[1] = s1 * v + bias[1];
      out[2] = s2 * v + bias[2];
      return;
    }
    for (int c = 0; c < classes; c++) {
      double s = 0;
      for (int k = 0; k < count; k++) {
        s += packed[(idx[k] - 1) * classes + c];
      }
      out[c] = s * v + bias[c];
    }
  }

  /**
   * Whether a decision over {@code count} features is the same whatever the order of the indices
   * (see {@link #orderFreeMax}), so they need not be sorted.
   */
  public boolean orderFree(int count) {
    return count <= orderFreeMax;
  }

  /** The contribution of one feature index to a class's decision (for explanations). */
  public double weight(int classIndex, int featureIndex) {
    return weights[classIndex][featureIndex - 1];
  }

  public int classIndex(String label) {
    return labels.indexOf(label);
  }

  public void write(OutputStream os) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(os))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(bits);
      out.writeInt(labels.size());
      for (int c = 0; c < labels.size(); c++) {
        out.writeUTF(labels.get(c));
        out.writeFloat(bias[c]);
        float[] w = weights[c];
        int nz = 0;
        for (float f : w) {
          if (f != 0f) {
            nz++;
          }
        }
        out.writeInt(nz);
        int prev = -1;
        for (int i = 0; i < w.length; i++) {
          if (w[i] != 0f) {
            writeVarint(out, i - prev);
            out.writeFloat(w[i]);
            prev = i;
          }
        }
      }
    }
  }

  public static LinearModel read(InputStream is) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(is))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a ChainBreaker linear model");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("unsupported model version " + version);
      }
      int bits = in.readInt();
      if (bits < 8 || bits > 26) {
        throw new IOException("bad feature bits " + bits);
      }
      int classes = in.readInt();
      String[] labels = new String[classes];
      float[][] weights = new float[classes][1 << bits];
      float[] bias = new float[classes];
      for (int c = 0; c < classes; c++) {
        labels[c] = in.readUTF();
        bias[c] = in.readFloat();
        int nz = in.readInt();
        int pos = -1;
        for (int k = 0; k < nz; k++) {
          pos += readVarint(in);
          weights[c][pos] = in.readFloat();
        }
      }
      return new LinearModel(bits, List.of(labels), weights, bias);
    }
  }

  private static void writeVarint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(DataInputStream in) throws IOException {
    int v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
      if (shift > 28) {
        throw new IOException("bad varint");
      }
    }
  }
}
