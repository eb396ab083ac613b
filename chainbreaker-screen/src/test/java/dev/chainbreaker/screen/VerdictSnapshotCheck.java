package dev.chainbreaker.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainbreaker.screen.model.Datasets;
import dev.chainbreaker.screen.model.LabeledMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Guards performance work against changed verdicts, off by default. Records or compares the full
 * verdict (label, score, category, links, reasons with spans, advice) of every message of the dev
 * split and the hand-written dev set:
 * {@code mvn test -pl chainbreaker-screen -Dtest=VerdictSnapshotCheck -Dchainbreaker.verdicts=record|compare
 * -Dchainbreaker.verdicts.file=/tmp/verdicts.txt}. Also runnable as a main with the same properties.
 */
class VerdictSnapshotCheck {

  @Test
  void check() throws IOException {
    String mode = System.getProperty("chainbreaker.verdicts");
    assumeTrue(mode != null && !mode.isBlank(), "set -Dchainbreaker.verdicts=record|compare to run");
    Path shared = Path.of(System.getProperty("chainbreaker.shared", "../shared"));
    assertEquals(0, run(mode, shared));
  }

  public static void main(String[] args) throws IOException {
    String mode = System.getProperty("chainbreaker.verdicts", "compare");
    Path shared = Path.of(System.getProperty("chainbreaker.shared", "../shared"));
    System.exit(run(mode, shared) == 0 ? 0 : 1);
  }

  /** Returns the number of differing messages (0 when recording). */
  static int run(String mode, Path shared) throws IOException {
    Path file = Path.of(System.getProperty("chainbreaker.verdicts.file", "/tmp/verdicts.txt"));
    Screener s = Screener.standard();
    List<String> lines = new ArrayList<>();
    for (String name : List.of("dev.jsonl", "sms-handwritten-dev.jsonl")) {
      Path p = shared.resolve("datasets").resolve(name);
      assumeTrue(Files.exists(p), p + " is absent");
      for (LabeledMessage m : Datasets.read(p)) {
        lines.add(name + "\t" + m.id() + "\t" + describe(s.screen(m.text(), m.sender())));
      }
    }
    if (mode.equals("record")) {
      Files.write(file, lines, StandardCharsets.UTF_8);
      System.out.println("recorded " + lines.size() + " verdicts to " + file);
      return 0;
    }
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    int diffs = Math.abs(expected.size() - lines.size());
    for (int i = 0; i < Math.min(expected.size(), lines.size()); i++) {
      if (!expected.get(i).equals(lines.get(i))) {
        if (diffs < 10) {
          System.out.println("DIFF expected: " + expected.get(i));
          System.out.println("     actual:   " + lines.get(i));
        }
        diffs++;
      }
    }
    System.out.println("compared " + lines.size() + " verdicts with " + file + ": " + diffs + " differ");
    return diffs;
  }

  static String describe(Verdict v) {
    StringBuilder b = new StringBuilder();
    b.append(v.verdict()).append('\t').append(String.format(Locale.ROOT, "%.9f", v.score()))
        .append('\t').append(v.category()).append('\t');
    for (Reason r : v.reasons()) {
      b.append(r.code()).append('@').append(r.start()).append('-').append(r.end()).append('[')
          .append(r.message()).append('|').append(r.messageZh()).append("];");
    }
    b.append('\t');
    for (LinkFinding l : v.links()) {
      b.append(l.text()).append('>').append(l.host()).append('>').append(l.registrableDomain())
          .append('>').append(l.risk()).append('@').append(l.start()).append('-').append(l.end()).append(';');
    }
    b.append('\t').append(String.join("|", v.advice()));
    return b.toString().replace('\n', ' ');
  }
}
