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

  public LinearModel(int bits, List<String> labels, float[][] weights, float[] bias) {
    this.bits = bits;
    this.labels = List.copyOf(labels);
    this.weights = weights;
    this.bias = bias;
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
