package dev.chainbreaker.screen.rules;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression with the set of characters a match can start with ({@link FirstChars}), so a
 * search tries the pattern only where a match can begin. Immutable and thread-safe.
 */
final class FastPattern {

  private final Pattern pattern;
  private final BitSet firstChars;
  /** First characters that can start a match only at a word start (after a leading \b). */
  private final BitSet wordStartOnly;

  /**
   * For each character a match can start with, the top-level alternatives that can start with it,
   * in their original order, as steps: a literal alternative is compared in place, a run of
   * consecutive other alternatives is one sub-pattern. Trying the steps in order at a position
   * holding that character gives the match the whole pattern gives there (a top-level alternation
   * takes its first alternative that matches), without trying the alternatives that cannot start
   * there, and most cue words are literals. Two-level table by char; null when the pattern cannot
   * be split.
   */
  private final Step[][][] steps;
  /** The single alternative starts with {@code (?<![0-9])}. */
  private final boolean notAfterDigit;
  /** Number of distinct sub-patterns among the steps, for per-search matcher caches. */
  private final int subCount;

  /**
   * A literal to compare, or a pattern to try with {@code lookingAt}, its matcher slot, and the
   * literals one of which its match must contain ({@link FirstChars#required}; null if unknown).
   */
  private record Step(String literal, Pattern pattern, int slot, Need[] needs) {}

  /** One of {@code literals} (ids {@code ids}) must occur {@code offset} or more after the start. */
  private record Need(String[] literals, int[] ids, int offset) {}

  /** Ids of the required literals across all patterns, for the per-search occurrence cache. */
  private static final java.util.Map<String, Integer> LITERAL_IDS = new java.util.HashMap<>();

  private static synchronized int literalId(String literal) {
    return LITERAL_IDS.computeIfAbsent(literal, k -> LITERAL_IDS.size());
  }

  FastPattern(String regex) {
    this.pattern = Pattern.compile(regex);
    this.firstChars = FirstChars.of(regex);
    this.wordStartOnly = firstChars == null ? null : FirstChars.boundedOnly(regex);
    java.util.List<FirstChars.Alternative> alts = firstChars == null ? null : FirstChars.split(regex);
    // "(?<![0-9])0(9…)": a match cannot start right after a digit, which the search can see first
    notAfterDigit = alts != null && alts.size() == 1 && regex.startsWith("(?<![0-9])");
    if (alts == null || alts.size() < 2) {
      steps = null;
      subCount = 0;
      return;
    }
    steps = new Step[256][][];
    java.util.Map<String, Integer> slots = new java.util.HashMap<>();
    for (int c = firstChars.nextSetBit(0); c >= 0 && c < 0x10000; c = firstChars.nextSetBit(c + 1)) {
      java.util.List<Step> list = new java.util.ArrayList<>();
      java.util.List<String> run = new java.util.ArrayList<>();
      for (FirstChars.Alternative a : alts) {
        if (!a.first().get(c)) {
          continue;
        }
        if (FirstChars.isLiteral(a.regex())) {
          addRun(list, run, slots);
          list.add(new Step(a.regex(), null, -1, null));
        } else {
          run.add(a.regex());
        }
      }
      addRun(list, run, slots);
      if (steps[c >>> 8] == null) {
        steps[c >>> 8] = new Step[256][];
      }
      steps[c >>> 8][c & 0xFF] = list.toArray(new Step[0]);
    }
    subCount = slots.size();
  }

  /** Adds the run of non-literal alternatives as one sub-pattern step, and empties it. */
  private static void addRun(java.util.List<Step> list, java.util.List<String> run,
      java.util.Map<String, Integer> slots) {
    if (run.isEmpty()) {
      return;
    }
    String regex = String.join("|", run);
    Integer slot = slots.get(regex);
    if (slot == null) {
      slot = slots.size();
      slots.put(regex, slot);
    }
    list.add(new Step(null, Pattern.compile(regex), slot, needs(run)));
    run.clear();
  }

  /**
   * What a match of one of {@code alternatives} must contain: every need of a lone alternative;
   * for several, one need whose literals are the strongest literals of each (null when one of them
   * has none).
   */
  private static Need[] needs(java.util.List<String> alternatives) {
    if (alternatives.size() == 1) {
      java.util.List<FirstChars.Need> req = FirstChars.required(alternatives.get(0));
      if (req == null || req.isEmpty()) {
        return null;
      }
      return req.stream().map(n -> need(n.literals(), n.offset())).toArray(Need[]::new);
    }
    java.util.List<String> union = new java.util.ArrayList<>();
    int offset = Integer.MAX_VALUE;
    for (String alt : alternatives) {
      java.util.List<FirstChars.Need> req = FirstChars.required(alt);
      if (req == null || req.isEmpty()) {
        return null;
      }
      FirstChars.Need best = req.get(0);
      for (FirstChars.Need n : req) {
        if (shortest(n.literals()) > shortest(best.literals())) {
          best = n;
        }
      }
      union.addAll(java.util.List.of(best.literals()));
      offset = Math.min(offset, best.offset());
    }
    return new Need[] {need(union.stream().distinct().toArray(String[]::new), offset)};
  }

  private static int shortest(String[] literals) {
    int min = Integer.MAX_VALUE;
    for (String l : literals) {
      min = Math.min(min, l.length());
    }
    return min;
  }

  private static Need need(String[] literals, int offset) {
    int[] ids = new int[literals.length];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = literalId(literals[k]);
    }
    return new Need(literals, ids, offset);
  }

  /** Number of matcher slots {@link #matchAt} uses (at least 1). */
  int subCount() {
    return Math.max(1, subCount);
  }

  /**
   * End of the match starting at {@code i} (whose character must be one of {@link #firstChars()}),
   * or -1: what {@code lookingAt} of the whole pattern from {@code i} gives. Matchers come from
   * {@code cache}, slots {@code [slotBase, slotBase + subCount())}, over the text {@code s}.
   */
  int matchAt(String s, int i, MatcherCache cache, int slotBase) {
    char c = s.charAt(i);
    if (steps == null) {
      if (notAfterDigit && i > 0 && s.charAt(i - 1) >= '0' && s.charAt(i - 1) <= '9') {
        return -1;
      }
      return lookingAt(cache.get(slotBase, pattern), i, s.length());
    }
    for (Step st : steps[c >>> 8][c & 0xFF]) {
      if (st.literal() != null) {
        if (s.startsWith(st.literal(), i)) {
          return i + st.literal().length();
        }
      } else if (st.needs() == null || mayOccur(st, s, i, cache)) {
        int end = lookingAt(cache.get(slotBase + st.slot(), st.pattern()), i, s.length());
        if (end >= 0) {
          return end;
        }
      }
    }
    return -1;
  }

  /** Whether every need of the step can still be met by a match starting at {@code i}. */
  private static boolean mayOccur(Step st, String s, int i, MatcherCache cache) {
    for (Need n : st.needs()) {
      boolean found = false;
      for (int k = 0; k < n.literals().length && !found; k++) {
        found = cache.lastIndexOf(n.ids()[k], n.literals()[k]) >= i + n.offset();
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static int lookingAt(Matcher m, int from, int to) {
    m.region(from, to);
    return m.lookingAt() ? m.end() : -1;
  }

  Pattern pattern() {
    return pattern;
  }

  /** Characters a match can start with, or null when unknown. Do not modify. */
  BitSet firstChars() {
    return firstChars;
  }

  /** Characters that can start a match only at a word start, or null. Do not modify. */
  BitSet wordStartOnly() {
    return wordStartOnly;
  }

  /**
   * The first position at or after {@code from} where a match could start (by first character and
   * word start), or -1; {@code from} itself when the pattern is not prefiltered.
   */
  private int candidate(String s, int from) {
    if (firstChars == null) {
      return from;
    }
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (firstChars.get(c)) {
        if (i > 0 && wordStartOnly != null && wordStartOnly.get(c) && isWordChar(s.charAt(i - 1))) {
          continue;
        }
        return i;
      }
    }
    return -1;
  }

  boolean prefiltered() {
    return firstChars != null;
  }

  /** A matcher over {@code s} positioned at the first match at or after {@code from}, or null. */
  Matcher find(String s, int from) {
    Matcher m = pattern.matcher(s);
    return find(m, s, from) >= 0 ? m : null;
  }

  /** Start of the first match at or after {@code from} (end via {@code m.end()}), or -1. */
  int find(Matcher m, String s, int from) {
    if (firstChars == null) {
      return m.find(from) ? m.start() : -1;
    }
    m.useTransparentBounds(true).useAnchoringBounds(false);
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (firstChars.get(c)) {
        if (i > 0 && wordStartOnly != null && wordStartOnly.get(c) && isWordChar(s.charAt(i - 1))) {
          continue; // inside a word, where no \b-led alternative can start
        }
        m.region(i, s.length());
        if (m.lookingAt()) {
          return i;
        }
      }
    }
    return -1;
  }

  /** A character a regex {@code \b} counts as part of a word (the one test every single-pass search uses). */
  static boolean isWordChar(char c) {
    if (c < 0x80) { // the usual case, without the Unicode tables
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
    return Character.isLetterOrDigit(c);
  }

  boolean matchesIn(String s) {
    int at = candidate(s, 0);
    // no matcher at all when no match can start anywhere (the usual case)
    return at >= 0 && find(matcher(s), s, at) >= 0;
  }

  /** A per-thread matcher of this pattern, reset to {@code s}: creating one costs more than a try. */
  private final ThreadLocal<Matcher> matchers = new ThreadLocal<>();

  private Matcher matcher(String s) {
    Matcher m = matchers.get();
    if (m == null) {
      m = pattern.matcher(s);
      matchers.set(m);
      return m;
    }
    return m.reset(s);
  }

  /** Number of non-overlapping matches, up to {@code max}. */
  int count(String s, int max) {
    int from = candidate(s, 0);
    if (from < 0 || max <= 0) {
      return 0;
    }
    Matcher m = matcher(s);
    int n = 0;
    while (n < max && from < s.length()) {
      int at = find(m, s, from);
      if (at < 0) {
        break;
      }
      n++;
      from = Math.max(m.end(), at + 1);
    }
    return n;
  }
}
