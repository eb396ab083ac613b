package dev.chainbreaker.server.cli;

import dev.chainbreaker.screen.model.Datasets;
import dev.chainbreaker.screen.model.LabeledMessage;
import dev.chainbreaker.screen.model.ModelTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code train [--data FILE.jsonl] [--out MODEL] [--bits N] [--c C] [--fraud-weight W]}: trains the
 * text classifier (hashed character n-grams, liblinear logistic regression) and writes the model.
 * Defaults: {@code ../shared/datasets/train.jsonl}, and the model shipped in the screen module's
 * resources when run from the repository root (otherwise {@code model.bin}).
 */
public final class TrainCommand {

  static final String SHIPPED =
      "chainbreaker-screen/src/main/resources/dev/chainbreaker/screen/model.bin";

  static final String USAGE =
      "usage: ./chainbreaker train [--data FILE.jsonl] [--out MODEL] [--bits N] [--c C] [--fraud-weight W]";
  private static final List<String> OPTIONS = List.of("--data", "--out", "--bits", "--c", "--fraud-weight");

  private TrainCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String data = "../shared/datasets/train.jsonl";
    String model = Files.isDirectory(Path.of(SHIPPED).getParent()) ? SHIPPED : "model.bin";
    ModelTrainer.Settings d = ModelTrainer.Settings.defaults();
    int bits = d.bits();
    double c = d.c();
    double fraudWeight = d.fraudWeight();
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("--help") || a.equals("-h")) {
          out.println(USAGE);
          return 0;
        }
        if (!OPTIONS.contains(a)) {
          return usage(err, a.startsWith("-") ? "unknown option " + a : "unexpected argument " + a);
        }
        // every option takes a value: say so rather than calling the option itself unexpected
        if (i + 1 == args.size()) {
          return usage(err, a + " needs a value");
        }
        String v = args.get(++i);
        switch (a) {
          case "--data" -> data = v;
          case "--out" -> model = v;
          case "--bits" -> bits = Integer.parseInt(v);
          case "--c" -> c = Double.parseDouble(v);
          case "--fraud-weight" -> fraudWeight = Double.parseDouble(v);
          default -> {
            return usage(err, "unknown option " + a);
          }
        }
      }
    } catch (NumberFormatException e) {
      return usage(err, "bad number: " + e.getMessage());
    }
    if (bits < 10 || bits > 24) {
      return usage(err, "--bits must be between 10 and 24");
    }
    Path dataPath = Path.of(data);
    if (!Files.isReadable(dataPath)) {
      err.println("train: cannot read " + data);
      return 2;
    }
    try {
      Datasets.Read read = Datasets.readCounting(dataPath);
      List<LabeledMessage> rows = read.rows();
      if (read.skipped() > 0) {
        err.println("train: " + data + ": skipped " + read.skipped() + " lines: " + read.notJson() + " not JSON, "
            + read.missingTextOrLabel() + " without \"text\" or \"label\"");
      }
      if (rows.isEmpty()) {
        err.println("train: no labelled rows in " + data);
        return 2;
      }
      ModelTrainer trainer = new ModelTrainer(
          new ModelTrainer.Settings(bits, c, fraudWeight, d.spamWeight(), d.eps(), d.pruneBelow()));
      ModelTrainer.Result r = trainer.train(rows);
      ModelTrainer.write(r.model(), Path.of(model));
      out.printf(Locale.ROOT, "trained on %d messages in %.1f s; %d non-zero weights; wrote %s (%d bytes)%n",
          r.examples(), r.millis() / 1000.0, r.nonZeroWeights(), model, Files.size(Path.of(model)));
      return 0;
    } catch (IOException e) {
      err.println("train: " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err, String why) {
    err.println("train: " + why);
    err.println(USAGE);
    return 2;
  }
}
