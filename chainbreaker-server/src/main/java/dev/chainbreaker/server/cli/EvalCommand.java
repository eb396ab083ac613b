package dev.chainbreaker.server.cli;

import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.eval.EvalReport;
import dev.chainbreaker.screen.eval.Evaluator;
import dev.chainbreaker.screen.model.Datasets;
import dev.chainbreaker.screen.model.LabeledMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eval [--model MODEL] [--json] [--errors] [FILE.jsonl...]}: screens labelled sets (default:
 * the dev split and the hand-written dev set) and prints precision, recall and F1 per label and
 * category, the confusion matrix and the false-positive rate on ham.
 */
public final class EvalCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalCommand() {}

  static final String USAGE = "usage: ./chainbreaker eval [--model MODEL] [--json] [--errors] [FILE.jsonl...]";

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String model = null;
    boolean json = false;
    boolean errors = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        case "--json" -> json = true;
        case "--errors" -> errors = true;
        case "--model" -> {
          if (++i == args.size()) {
            err.println("eval: --model needs a value (a model file)");
            err.println(USAGE);
            return 2;
          }
          model = args.get(i);
        }
        default -> {
          if (a.startsWith("--")) {
            err.println("eval: unknown option " + a);
            err.println(USAGE);
            return 2;
          }
          files.add(Path.of(a));
        }
      }
    }
    if (files.isEmpty()) {
      files.add(Path.of("../shared/datasets/dev.jsonl"));
      files.add(Path.of("../shared/datasets/sms-handwritten-dev.jsonl"));
    }
    for (Path f : files) {
      if (!Files.isReadable(f) || Files.isDirectory(f)) {
        err.println("eval: cannot read " + f);
        return 2;
      }
    }
    // The model is the user's input too: a missing file or one that is not a model is a usage error
    // (exit 2), told apart so that the message says which of the two it is.
    Screener screener;
    if (model == null) {
      screener = Screener.standard();
    } else {
      Path m = Path.of(model);
      if (!Files.isReadable(m) || Files.isDirectory(m)) {
        err.println("eval: cannot read the model " + model);
        return 2;
      }
      try {
        screener = Screener.withModel(m);
      } catch (IOException | RuntimeException e) {
        err.println("eval: not a ChainBreaker model: " + model + " (" + e.getMessage() + ")");
        return 2;
      }
    }
    // Read every file before judging any: a file with nothing usable is refused (exit 2) instead of
    // being reported as an empty evaluation, and skipped lines are always told, so that a wrong file
    // or a wrong format cannot pass for a result.
    List<List<LabeledMessage>> sets = new ArrayList<>();
    for (Path f : files) {
      Datasets.Read read;
      try {
        read = Datasets.readCounting(f);
      } catch (IOException | java.io.UncheckedIOException e) {
        err.println("eval: cannot read " + f + ": " + e.getMessage());
        return 2;
      }
      List<LabeledMessage> usable = new ArrayList<>();
      int unknownLabel = 0;
      for (LabeledMessage row : read.rows()) {
        if (EvalReport.LABELS.contains(row.label())) {
          usable.add(row);
        } else {
          unknownLabel++;
        }
      }
      List<String> why = new ArrayList<>();
      if (read.notJson() > 0) {
        why.add(read.notJson() + " not JSON");
      }
      if (read.missingTextOrLabel() > 0) {
        why.add(read.missingTextOrLabel() + " without \"text\" or \"label\"");
      }
      if (unknownLabel > 0) {
        why.add(unknownLabel + " with a label other than " + String.join("/", EvalReport.LABELS));
      }
      if (!why.isEmpty()) {
        int n = read.skipped() + unknownLabel;
        err.println("eval: " + f + ": skipped " + n + (n == 1 ? " line: " : " lines: ") + String.join(", ", why));
      }
      if (usable.isEmpty()) {
        err.println("eval: " + f + ": no usable labelled messages (one JSON object per line with \"text\" and \"label\")");
        return 2;
      }
      sets.add(usable);
    }
    Evaluator evaluator = new Evaluator(screener);
    for (int k = 0; k < files.size(); k++) {
      EvalReport r = evaluator.evaluate(files.get(k).getFileName().toString(), sets.get(k));
      if (json) {
        out.println(JSON.writeValueAsString(toJson(r)));
      } else {
        out.print(r.render());
        if (errors) {
          r.examplesOfErrors().forEach(e -> out.println("  error: " + e));
        }
      }
    }
    return 0;
  }

  private static ObjectNode toJson(EvalReport r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("dataset", r.name());
    o.put("messages", r.total());
    o.put("hamJudgedFraudRate", r.hamJudgedFraudRate());
    o.put("hamJudgedFraudOrSpamRate", r.hamJudgedNotNormalRate());
    ObjectNode conf = o.putObject("confusion");
    for (int i = 0; i < 3; i++) {
      ObjectNode row = conf.putObject(EvalReport.LABELS.get(i));
      row.put("FRAUD", r.confusion()[i][0]);
      row.put("SPAM", r.confusion()[i][1]);
      row.put("NORMAL", r.confusion()[i][2]);
    }
    ObjectNode labels = o.putObject("labels");
    r.perLabel().forEach((l, p) -> {
      ObjectNode n = labels.putObject(l);
      n.put("precision", p.precision());
      n.put("recall", p.recall());
      n.put("f1", p.f1());
      n.put("support", p.support());
    });
    ObjectNode cats = o.putObject("categories");
    r.perCategory().forEach((c, s) -> {
      ObjectNode n = cats.putObject(c);
      n.put("label", s.label());
      n.put("count", s.count());
      n.put("labelRecall", s.labelRecall());
      EvalReport.Prf p = r.categoryPrf().get(c);
      if (p != null) {
        n.put("precision", p.precision());
        n.put("recall", p.recall());
        n.put("f1", p.f1());
      }
    });
    return o;
  }
}
