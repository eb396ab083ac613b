package dev.chainbreaker.server;

import dev.chainbreaker.server.cli.EvalScenariosCommand;
import dev.chainbreaker.server.cli.ReplayCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** {@code ./chainbreaker COMMAND ...}: the one entry point (shared/spec/cli.md). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(Arrays.asList(args), out, err);
    out.flush();
    System.exit(code);
  }

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
      usage(args.isEmpty() ? err : out);
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    try {
      return switch (args.get(0)) {
        case "replay" -> ReplayCommand.run(rest, out, err);
        case "eval-scenarios" -> EvalScenariosCommand.run(rest, out, err);
        default -> Commands.other(args.get(0), rest, out, err);
      };
    } catch (RuntimeException e) {
      err.println("chainbreaker: " + e.getMessage());
      return 1;
    }
  }

  static void usage(PrintStream s) {
    s.println("usage: ./chainbreaker COMMAND [OPTIONS]        (./chainbreaker COMMAND --help: one command's usage)");
    s.println();
    s.println("  serve [--config FILE] [--port N] [--data DIR] [--demo] [--shared DIR]");
    s.println("      HTTP API (/v1, /healthz, /metrics, /openapi.json) and analyst console");
    s.println("  verify [--config FILE] [--data DIR]");
    s.println("      replay a stopped server's (or a backup's) event log and check the stored state against it");
    s.println("  replay [--json] [--stats] [--rules PACK] FILE.jsonl...");
    s.println("      decision timeline of event files");
    s.println("  eval-scenarios [--json] DIR...");
    s.println("      score scenarios against *.truth.json");
    s.println("  screen [--json] [--sender S] \"TEXT\" | screen [--json] --file FILE.jsonl");
    s.println("      screen text messages");
    s.println("  train [--data FILE.jsonl] [--out MODEL] [--bits N] [--c C] [--fraud-weight W]");
    s.println("      train the message classifier");
    s.println("  eval [--model MODEL] [--json] [--errors] [FILE.jsonl...]");
    s.println("      evaluate the message classifier on labelled sets");
    s.println("  simulate [--eval] --phones N --days D [--seed S] [--attack-rate R] [--families name=w,...]");
    s.println("           [--phish-rate R] [--out FILE|-] [--truth FILE] [--null] [--trace-phones i,j]");
    s.println("      population simulator (chainbreaker-bench): event streams with truth, or --eval");
  }
}
