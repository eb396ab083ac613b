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

  FastPattern(String regex) {
    this.pattern = Pattern.compile(regex);
    this.firstChars = FirstChars.of(regex);
    this.wordStartOnly = firstChars == null ? null : FirstChars.boundedOnly(regex);
  }

  Pattern pattern() {
    return pattern;
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
    return Character.isLetterOrDigit(c) || c == '_';
  }

  boolean matchesIn(String s) {
    return find(pattern.matcher(s), s, 0) >= 0;
  }

  /** Number of non-overlapping matches, up to {@code max}. */
  int count(String s, int max) {
    Matcher m = pattern.matcher(s);
    int n = 0;
    int from = 0;
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
