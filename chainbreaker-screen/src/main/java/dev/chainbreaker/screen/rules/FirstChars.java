package dev.chainbreaker.screen.rules;

import java.util.BitSet;

/**
 * The characters a match of a regular expression can start with, worked out from the pattern text,
 * or null when it cannot tell (a negated class, a dot, an unusual construct). Lets a cue skip every
 * position where no match can start: Java's regex engine tries every branch of a long alternation
 * at every position, which costs a microsecond per character per cue.
 */
final class FirstChars {

  private FirstChars() {}

  static BitSet of(String regex) {
    BitSet out = new BitSet(1 << 16);
    return alternatives(regex, 0, regex.length(), out) ? out : null;
  }

  /**
   * The first characters that appear only right after a leading {@code \b} (English words): a
   * match can start there only at a word start. Null when unknown. A subset of {@link #of}.
   */
  static BitSet boundedOnly(String regex) {
    BitSet all = of(regex);
    if (all == null) {
      return null;
    }
    BitSet free = new BitSet(1 << 16);
    if (!alternativesFree(regex, 0, regex.length(), free)) {
      return null;
    }
    BitSet bounded = (BitSet) all.clone();
    bounded.andNot(free);
    return bounded;
  }

  /** Like {@link #alternatives} but collects only starts not preceded by a leading \b. */
  private static boolean alternativesFree(String r, int from, int to, BitSet out) {
    return alternatives(r, from, to, out, true);
  }

  /** Adds the first characters of every top-level alternative of regex[from, to). */
  private static boolean alternatives(String r, int from, int to, BitSet out) {
    return alternatives(r, from, to, out, false);
  }

  /** The alternatives' first characters; with {@code skipBounded}, alternatives starting with \b are left out. */
  private static boolean alternatives(String r, int from, int to, BitSet out, boolean skipBounded) {
    int depth = 0;
    int start = from;
    boolean inClass = false;
    for (int i = from; i <= to; i++) {
      char c = i < to ? r.charAt(i) : '|';
      if (i < to && c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        if (!(skipBounded && r.startsWith("\\b", start)) && sequence(r, start, i, out) != Result.CONSUMED) {
          return false; // an alternative that may match empty, or an unknown start
        }
        start = i + 1;
      }
    }
    return true;
  }

  /**
   * The top-level alternatives of {@code regex} with the first characters of each, or null when
   * some alternative's first characters are unknown (or it may match empty). Each alternative must
   * consume a character from its set, so at a position holding character c only the alternatives
   * whose set holds c can match there.
   */
  static java.util.List<Alternative> split(String regex) {
    java.util.List<Alternative> out = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean inClass = false;
    int to = regex.length();
    for (int i = 0; i <= to; i++) {
      char c = i < to ? regex.charAt(i) : '|';
      if (i < to && c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        BitSet first = new BitSet(1 << 16);
        if (sequence(regex, start, i, first) != Result.CONSUMED) {
          return null;
        }
        out.add(new Alternative(regex.substring(start, i), first));
        start = i + 1;
      }
    }
    return out;
  }

  /** One top-level alternative of a pattern and the characters a match of it can start with. */
  record Alternative(String regex, BitSet first) {}

  private enum Result { CONSUMED, EMPTY, UNKNOWN }

  /** First characters of a sequence r[from, to): CONSUMED when a character is required. */
  private static Result sequence(String r, int from, int to, BitSet out) {
    int i = from;
    while (i < to) {
      char c = r.charAt(i);
      int atomEnd;
      BitSet atom = new BitSet();
      boolean canBeEmpty = false;
      if (c == '\\') {
        if (i + 1 >= to) {
          return Result.UNKNOWN;
        }
        char e = r.charAt(i + 1);
        if (e == 'b' || e == 'B') {
          i += 2; // a word boundary consumes nothing
          continue;
        }
        if (e == 'd') {
          atom.set('0', '9' + 1);
        } else if (Character.isLetterOrDigit(e)) {
          return Result.UNKNOWN; // character classes such as s, p{..}, w: not worth modelling
        } else {
          atom.set(e);
        }
        atomEnd = i + 2;
      } else if (c == '(') {
        int close = matching(r, i, to);
        if (close < 0) {
          return Result.UNKNOWN;
        }
        if (r.startsWith("(?<!", i) || r.startsWith("(?<=", i) || r.startsWith("(?!", i)
            || r.startsWith("(?=", i)) {
          i = close + 1; // look-arounds consume nothing
          continue;
        }
        int inner = r.startsWith("(?:", i) ? i + 3 : i + 1;
        if (r.charAt(inner) == '?') {
          return Result.UNKNOWN;
        }
        if (!alternatives(r, inner, close, atom)) {
          return Result.UNKNOWN;
        }
        atomEnd = close + 1;
      } else if (c == '[') {
        int close = r.indexOf(']', i + 2);
        if (close < 0 || close > to || r.charAt(i + 1) == '^') {
          return Result.UNKNOWN;
        }
        for (int k = i + 1; k < close; k++) {
          char a = r.charAt(k);
          if (a == '\\') {
            return Result.UNKNOWN;
          }
          if (k + 2 < close && r.charAt(k + 1) == '-') {
            atom.set(a, r.charAt(k + 2) + 1);
            k += 2;
          } else {
            atom.set(a);
          }
        }
        atomEnd = close + 1;
      } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == '|') {
        return Result.UNKNOWN;
      } else {
        atom.set(c);
        atomEnd = i + 1;
      }
      // a quantifier that allows zero repetitions makes the next atom a possible start too
      if (atomEnd < to) {
        char q = r.charAt(atomEnd);
        if (q == '?' || q == '*') {
          canBeEmpty = true;
          atomEnd++;
        } else if (q == '{' && r.startsWith("{0", atomEnd)) {
          canBeEmpty = true;
          atomEnd = r.indexOf('}', atomEnd) + 1;
        } else if (q == '+' || q == '{') {
          atomEnd = q == '+' ? atomEnd + 1 : r.indexOf('}', atomEnd) + 1;
        }
      }
      out.or(atom);
      if (!canBeEmpty) {
        return Result.CONSUMED;
      }
      i = atomEnd;
    }
    return Result.EMPTY;
  }

  /**
   * Text that every match of the single alternative {@code r} must contain, as needs: one of a
   * need's literals occurs at least {@code offset} characters after the match start. Runs of
   * required plain characters and required groups whose alternatives are all plain text count;
   * the offset adds up the shortest possible length of what comes before. Null when the
   * alternative cannot be read; empty when nothing is required. (The prefilter idea of RE2, on the
   * regex subset the cues use.) A position is worth a try only where every need can still occur.
   */
  static java.util.List<Need> required(String r) {
    java.util.List<Need> needs = new java.util.ArrayList<>();
    StringBuilder run = new StringBuilder();
    int runStart = 0;
    int minPos = 0; // the fewest characters any match consumes before the current atom
    int to = r.length();
    int i = 0;
    while (i < to) {
      char c = r.charAt(i);
      String lit = null;
      String[] group = null;
      int atomMin = 1;
      int atomEnd;
      if (c == '\\') {
        if (i + 1 >= to) {
          return null;
        }
        char e = r.charAt(i + 1);
        if (!Character.isLetterOrDigit(e)) {
          lit = String.valueOf(e); // an escaped symbol such as \. is itself
        } else if (e == 'b' || e == 'B') {
          atomMin = 0;
        } else if ("dDsSwW".indexOf(e) < 0) {
          return null; // property, hex and other escapes: not read here
        }
        atomEnd = i + 2;
      } else if (c == '(') {
        int close = matching(r, i, to);
        if (close < 0) {
          return null;
        }
        int inner = r.startsWith("(?:", i) ? i + 3 : i + 1;
        atomMin = 0; // look-arounds and groups not read here: assume they may be empty
        if (r.charAt(inner) != '?') {
          group = literalAlternatives(r.substring(inner, close));
          if (group != null) {
            atomMin = Integer.MAX_VALUE;
            for (String g : group) {
              atomMin = Math.min(atomMin, g.length());
            }
          }
        }
        atomEnd = close + 1;
      } else if (c == '[') {
        int close = r.indexOf(']', i + 2);
        if (close < 0 || r.substring(i, close).contains("\\")) {
          return null;
        }
        atomEnd = close + 1;
      } else if (c == '|' || c == ')') {
        return null; // not a single alternative
      } else if (c == '^' || c == '$') {
        atomMin = 0;
        atomEnd = i + 1;
      } else if (c == '.') {
        atomEnd = i + 1;
      } else {
        lit = String.valueOf(c);
        atomEnd = i + 1;
      }
      int times = 1; // the fewest repetitions the quantifier allows
      boolean repeated = false;
      if (atomEnd < to) {
        char q = r.charAt(atomEnd);
        if (q == '?' || q == '*') {
          times = 0;
          atomEnd++;
        } else if (q == '+') {
          repeated = true;
          atomEnd++;
        } else if (q == '{') {
          int close = r.indexOf('}', atomEnd);
          if (close < 0) {
            return null;
          }
          String spec = r.substring(atomEnd + 1, close);
          int comma = spec.indexOf(',');
          times = Integer.parseInt(comma < 0 ? spec : spec.substring(0, comma));
          repeated = true;
          atomEnd = close + 1;
        }
        if ((times == 0 || repeated) && atomEnd < to
            && (r.charAt(atomEnd) == '?' || r.charAt(atomEnd) == '+')) {
          atomEnd++; // lazy or possessive: the same required text
        }
      }
      if (lit != null && times > 0) {
        if (run.length() == 0) {
          runStart = minPos;
        }
        run.append(lit);
        if (repeated) {
          flush(needs, run, runStart); // what follows a repetition is not adjacent to the run
        }
      } else {
        flush(needs, run, runStart);
        if (group != null && times > 0) {
          needs.add(new Need(group, minPos));
        }
      }
      minPos += atomMin * times;
      i = atomEnd;
    }
    flush(needs, run, runStart);
    return needs;
  }

  /** Literals one of which occurs at least {@code offset} characters after the match start. */
  record Need(String[] literals, int offset) {}

  private static void flush(java.util.List<Need> needs, StringBuilder run, int runStart) {
    if (run.length() > 0) {
      needs.add(new Need(new String[] {run.toString()}, runStart));
      run.setLength(0);
    }
  }

  /** The alternatives of a group body when every one is plain text, else null. */
  private static String[] literalAlternatives(String body) {
    String[] alts = body.split("\\|", -1);
    for (String a : alts) {
      if (!isLiteral(a)) {
        return null;
      }
    }
    return alts;
  }

  /** A non-empty regex without regex syntax: it matches exactly its own text. */
  static boolean isLiteral(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      if ("\\[](){}.*+?^$|".indexOf(regex.charAt(i)) >= 0) {
        return false;
      }
    }
    return !regex.isEmpty();
  }

  private static int matching(String r, int open, int to) {
    int depth = 0;
    boolean inClass = false;
    for (int i = open; i < to; i++) {
      char c = r.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
