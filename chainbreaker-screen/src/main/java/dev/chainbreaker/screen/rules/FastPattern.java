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
   * For each character a match can start with, the pattern made of only the top-level
   * alternatives that can start with it (in their original order): at a position holding that
   * character it matches exactly as the whole pattern does (same end; groups are renumbered), and
   * it does not try the alternatives that cannot match there. Two-level table by char; null when
   * the pattern cannot be split.
   */
  private final Pattern[][] byFirstChar;
  /** Index of each distinct sub-pattern (same table shape), for per-search matcher caches. */
  private final int[][] subIndex;
  private final int subCount;

  FastPattern(String regex) {
    this.pattern = Pattern.compile(regex);
    this.firstChars = FirstChars.of(regex);
    this.wordStartOnly = firstChars == null ? null : FirstChars.boundedOnly(regex);
    java.util.List<FirstChars.Alternative> alts = firstChars == null ? null : FirstChars.split(regex);
    if (alts == null || alts.size() < 2) {
      byFirstChar = null;
      subIndex = null;
      subCount = 0;
      return;
    }
    byFirstChar = new Pattern[256][];
    subIndex = new int[256][];
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    java.util.List<Pattern> subs = new java.util.ArrayList<>();
    for (int c = firstChars.nextSetBit(0); c >= 0 && c < 0x10000; c = firstChars.nextSetBit(c + 1)) {
      StringBuilder sub = new StringBuilder();
      for (FirstChars.Alternative a : alts) {
        if (a.first().get(c)) {
          sub.append(sub.length() == 0 ? "" : "|").append(a.regex());
        }
      }
      String key = sub.toString();
      Integer k = index.get(key);
      if (k == null) {
        k = subs.size();
        index.put(key, k);
        subs.add(Pattern.compile(key));
      }
      if (byFirstChar[c >>> 8] == null) {
        byFirstChar[c >>> 8] = new Pattern[256];
        subIndex[c >>> 8] = new int[256];
      }
      byFirstChar[c >>> 8][c & 0xFF] = subs.get(k);
      subIndex[c >>> 8][c & 0xFF] = k;
    }
    subCount = subs.size();
  }

  /** Number of distinct sub-patterns of {@link #subPattern} (0 when the pattern is not split). */
  int subCount() {
    return subCount;
  }

  /**
   * The pattern to try at a position holding {@code c}, which must be one of {@link #firstChars()}:
   * the alternatives that can start with it, or the whole pattern when it is not split.
   */
  Pattern subPattern(char c) {
    return byFirstChar == null ? pattern : byFirstChar[c >>> 8][c & 0xFF];
  }

  /** Index in {@code [0, subCount())} of {@link #subPattern}; 0 when the pattern is not split. */
  int subIndex(char c) {
    return subIndex == null ? 0 : subIndex[c >>> 8][c & 0xFF];
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

  private static boolean isWordChar(char c) {
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
