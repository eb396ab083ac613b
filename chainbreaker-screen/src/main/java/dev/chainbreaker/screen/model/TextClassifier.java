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

  public Scores score(String prepared) {
    double[] d = model.decision(featurizer.features(prepared));
    return new Scores(d[fraud], d[spam], d[ham]);
  }
}
