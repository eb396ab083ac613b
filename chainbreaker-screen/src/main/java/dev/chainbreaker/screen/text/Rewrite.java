package dev.chainbreaker.screen.text;

import java.util.List;

/** The copy loop every rewriting pass of the normaliser shares. */
final class Rewrite {

  private Rewrite() {}

  /** Finds where a disguise that starts at {@code i} ends, or -1 when none starts there. */
  interface Finder {
    int end(MappedBuilder in, int i);
  }

  /** Writes what the disguise at {@code [i, end)} stands for; returns what was undone, or null. */
  interface Undo {
    Deobfuscation write(MappedBuilder in, int i, int end, MappedBuilder out);
  }

  /**
   * One pass of the normaliser: a copy of {@code in} with every disguise {@code find} finds undone,
   * or {@code in} itself when there is none (most texts), without a copy.
   */
  static MappedBuilder rewrite(MappedBuilder in, List<Deobfuscation> events, Finder find, Undo undo) {
    MappedBuilder out = null;
    int n = in.length();
    int i = 0;
    while (i < n) {
      int end = find.end(in, i);
      if (end > i) {
        if (out == null) {
          out = new MappedBuilder(n);
          for (int k = 0; k < i; k++) {
            out.append(in.charAt(k), in.startAt(k), in.endAt(k));
          }
        }
        Deobfuscation d = undo.write(in, i, end, out);
        if (d != null) {
          events.add(d);
        }
        i = end;
        continue;
      }
      if (out != null) {
        out.append(in.charAt(i), in.startAt(i), in.endAt(i));
      }
      i++;
    }
    return out == null ? in : out;
  }
}
