package dev.chainbreaker.screen.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The trained linear model behind the featurizer. Thread-safe. */
public final class TextClassifier {

  public static final String RESOURCE = "/dev/chainbreaker/screen/model.bin";

  private final LinearModel model;
  private final Featurizer featurizer;
  private final int fraud;
  private final int spam;
  private final int ham;

  public TextClassifier(LinearModel model) {
    this.model = model;
    this.featurizer = new Featurizer(model.bits());
    this.fraud = model.classIndex("fraud");
    this.spam = model.classIndex("spam");
    this.ham = model.classIndex("ham");
    int classes = model.labels().size();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(classes));
    if (fraud < 0 || spam < 0 || ham < 0) {
      throw new IllegalArgumentException("model must have classes fraud, spam, ham");
    }
  }

  /** The bundled model. */
  public static TextClassifier standard() {
    try (InputStream in = TextClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new TextClassifier(LinearModel.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TextClassifier load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new TextClassifier(LinearModel.read(in));
    }
  }

  /** One-vs-rest log-odds for fraud, spam and ham. */
  public record Scores(double fraud, double spam, double ham) {}

  /** Per-thread scratch space: scoring allocates nothing but the result. */
  private final ThreadLocal<Scratch> scratch;

  private static final class Scratch {
    int[] idx = new int[1024];
    final double[] decision;
    /** Open-addressing set of indices, valid where {@code stamps[i] == generation}: never cleared. */
    int[] keys = new int[2048];
    int[] stamps = new int[2048];
    int generation;

    /** Drops repeated indices among the first {@code k}, keeping first occurrences in order. */
    int unique(int k) {
      int cap = keys.length;
      if (cap < 2 * k) {
        cap = Integer.highestOneBit(2 * k - 1) << 1;
        keys = new int[cap];
        stamps = new int[cap];
        generation = 0;
      }
      if (++generation == 0) {
        java.util.Arrays.fill(stamps, 0);
        generation = 1;
      }
      int g = generation;
      int m = cap - 1;
      int u = 0;
      for (int i = 0; i < k; i++) {
        int x = idx[i];
        int h = x & m; // indices are mixed hashes already
        while (true) {
          if (stamps[h] != g) {
            stamps[h] = g;
            keys[h] = x;
            idx[u++] = x;
            break;
          }
          if (keys[h] == x) {
            break;
          }
          h = (h + 1) & m;
        }
      }
      return u;
    }

    Scratch(int classes) {
      decision = new double[classes];
    }
  }

  public Scores score(String prepared) {
    Scratch w = scratch.get();
    int need = Featurizer.capacity(prepared);
    if (w.idx.length < need) {
      w.idx = new int[Math.max(need, 2 * w.idx.length)];
    }
    int k = featurizer.rawFeatures(prepared, w.idx);
    // sorted order only matters when the sum could round differently in another order
    int u = model.orderFree(k) ? w.unique(k) : Featurizer.sortUnique(w.idx, k);
    double v = u == 0 ? 0 : 1.0 / Math.sqrt(u);
    double[] d = w.decision;
    model.decision(w.idx, u, v, d);
    return new Scores(d[fraud], d[spam], d[ham]);
  }
}
