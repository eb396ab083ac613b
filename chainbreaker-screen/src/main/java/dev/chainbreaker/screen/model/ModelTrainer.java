package dev.chainbreaker.screen.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.link.LinkExtractor;
import dev.chainbreaker.screen.text.NormalizedText;
import dev.chainbreaker.screen.text.TextNormalizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the text classifier with liblinear (L2-regularised logistic regression, one-vs-rest over
 * fraud, spam and ham) on hashed character n-grams, and writes the compact model file.
 */
public final class ModelTrainer {

  /** Training settings; the defaults are what the shipped model was trained with. */
  public record Settings(int bits, double c, double fraudWeight, double spamWeight, double eps,
      double pruneBelow) {
    public static Settings defaults() {
      return new Settings(18, 1.0, 3.0, 1.0, 0.01, 0.02);
    }
  }

  /** What a training run produced. */
  public record Result(LinearModel model, int examples, long millis, long nonZeroWeights) {}

  public static final List<String> LABELS = List.of("fraud", "spam", "ham");

  private final Settings settings;
  private final TextNormalizer normalizer = new TextNormalizer();
  private final LinkExtractor extractor = new LinkExtractor(PublicSuffixList.standard());

  public ModelTrainer(Settings settings) {
    this.settings = settings;
  }

  public Result train(List<LabeledMessage> data) {
    long t0 = System.currentTimeMillis();
    Featurizer f = new Featurizer(settings.bits());
    List<LabeledMessage> usable = data.stream().filter(m -> LABELS.contains(m.label())).toList();
    Problem p = new Problem();
    p.l = usable.size();
    p.n = f.dimension() + 1; // the last slot is liblinear's bias feature
    p.bias = 1.0;
    p.x = new Feature[p.l][];
    p.y = new double[p.l];
    for (int i = 0; i < p.l; i++) {
      LabeledMessage m = usable.get(i);
      Featurizer.Vector v = f.features(prepare(m.text()));
      Feature[] row = new Feature[v.indices().length + 1];
      for (int k = 0; k < v.indices().length; k++) {
        row[k] = new FeatureNode(v.indices()[k], v.value());
      }
      row[row.length - 1] = new FeatureNode(f.dimension() + 1, p.bias);
      p.x[i] = row;
      p.y[i] = LABELS.indexOf(m.label());
    }
    Parameter param = new Parameter(SolverType.L2R_LR, settings.c(), settings.eps());
    param.setWeights(new double[] {settings.fraudWeight(), settings.spamWeight(), 1.0},
        new int[] {0, 1, 2});
    Linear.disableDebugOutput();
    Model model = Linear.train(p, param);
    LinearModel lm = convert(model, f.dimension());
    long nz = 0;
    for (int c = 0; c < LABELS.size(); c++) {
      for (int i = 1; i <= f.dimension(); i++) {
        if (lm.weight(c, i) != 0) {
          nz++;
        }
      }
    }
    return new Result(lm, p.l, System.currentTimeMillis() - t0, nz);
  }

  /** The prepared text of a raw message, exactly as the screener prepares it. */
  public String prepare(String text) {
    NormalizedText nt = normalizer.normalize(text);
    return ModelInput.prepare(nt, extractor.extract(nt));
  }

  private LinearModel convert(Model model, int dim) {
    int[] modelLabels = model.getLabels();
    double[] w = model.getFeatureWeights();
    int nrClass = model.getNrClass();
    int nrW = nrClass == 2 ? 1 : nrClass;
    float[][] weights = new float[LABELS.size()][dim];
    float[] bias = new float[LABELS.size()];
    for (int k = 0; k < nrW; k++) {
      int cls = modelLabels[k];
      for (int i = 0; i < dim; i++) {
        double v = w[i * nrW + k];
        weights[cls][i] = Math.abs(v) < settings.pruneBelow() ? 0f : (float) v;
      }
      bias[cls] = (float) w[dim * nrW + k];
    }
    return new LinearModel(settings.bits(), LABELS, weights, bias);
  }

  public static void write(LinearModel model, Path out) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream os = Files.newOutputStream(out)) {
      model.write(os);
    }
  }
}
