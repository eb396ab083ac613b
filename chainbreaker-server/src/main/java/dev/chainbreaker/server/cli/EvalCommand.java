package dev.chainbreaker.server.cli;

import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.eval.EvalReport;
import dev.chainbreaker.screen.eval.Evaluator;
import dev.chainbreaker.screen.model.Datasets;
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

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String model = null;
    boolean json = false;
    boolean errors = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--json" -> json = true;
        case "--errors" -> errors = true;
        case "--model" -> {
          if (++i == args.size()) {
            err.println("eval: --model needs a file");
            return 2;
          }
          model = args.get(i);
        }
        default -> {
          if (a.startsWith("--")) {
            err.println("eval: unknown option " + a);
            err.println("usage: ./chainbreaker eval [--model MODEL] [--json] [--errors] [FILE.jsonl...]");
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
      if (!Files.isReadable(f)) {
        err.println("eval: cannot read " + f);
        return 2;
      }
    }
    try {
      Screener screener = model == null ? Screener.standard() : Screener.withModel(Path.of(model));
      Evaluator evaluator = new Evaluator(screener);
      for (Path f : files) {
        EvalReport r = evaluator.evaluate(f.getFileName().toString(), Datasets.read(f));
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
    } catch (IOException e) {
      err.println("eval: " + e.getMessage());
      return 1;
    }
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
