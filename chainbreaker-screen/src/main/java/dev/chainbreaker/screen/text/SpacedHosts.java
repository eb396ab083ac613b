package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.DisguisedDots.isGap;
import static dev.chainbreaker.screen.text.Rewrite.rewrite;
import static dev.chainbreaker.screen.text.TextNormalizer.isAsciiAlnum;

import java.util.List;

/** Hosts written one character at a time ({@code s b - g o v . c c}), closed up. */
final class SpacedHosts {

  private SpacedHosts() {}

  /**
   * Fewest characters of a host written one character at a time ({@code s b - g o v . c c}): with
   * fewer, initials and list markers ("A . B") would be taken for hosts.
   */
  private static final int MIN_SPACED_HOST = 6;

  /**
   * Closes up a host written one character at a time with a space between each
   * ({@code s b - g o v . c c} becomes {@code sb-gov.cc}). It takes a dot and a final label of two or
   * more letters, and the same single gap after every character, so that spaced initials and words
   * stay as they are.
   */
  static MappedBuilder closeSpacedHosts(MappedBuilder in, List<Deobfuscation> events) {
    if (firstSpacedHost(in) < 0) {
      return in; // no copy for a text whose spaced runs are all initials or words
    }
    // every spaced run is passed whole, a host closed up and any other run copied as it is: the scan
    // looks at the start of a run only, which keeps it linear
    return rewrite(in, events, SpacedHosts::spacedRunEnd, (t, i, end, out) -> {
      boolean host = isSpacedHost(t, i, end);
      for (int k = i; k < end; k += host ? 2 : 1) {
        out.append(t.charAt(k), t.startAt(k), t.endAt(k));
      }
      return host ? new Deobfuscation(Deobfuscation.Kind.SPACED_LETTERS, t.startAt(i), t.endAt(end - 1)) : null;
    });
  }

  /** Start of the first spaced-out host in {@code in}, or -1. One pass. */
  static int firstSpacedHost(CharSequence in) {
    int n = in.length();
    for (int i = 0; i < n; i++) {
      int end = spacedRunEnd(in, i);
      if (end > 0) {
        if (isSpacedHost(in, i, end)) {
          return i;
        }
        i = end - 1; // a run is judged whole, once
      }
    }
    return -1;
  }

  /**
   * End of a run of single host characters at {@code i}, each followed by the same gap character
   * ("s b - g o v"), or -1 where none starts: {@code i} must begin a word and hold a letter or digit,
   * and the run must have two characters or more.
   */
  private static int spacedRunEnd(CharSequence in, int i) {
    int n = in.length();
    if (i + 2 >= n || !isAsciiAlnum(in.charAt(i)) || i > 0 && isHostUnit(in.charAt(i - 1))) {
      return -1;
    }
    if (i >= 2 && isGap(in.charAt(i - 1)) && isHostUnit(in.charAt(i - 2))
        && (i < 3 || !isHostUnit(in.charAt(i - 3)))) {
      return -1; // inside a run that started earlier: each run is looked at once, from its start
    }
    char gap = in.charAt(i + 1);
    if (!isGap(gap) || !isHostUnit(in.charAt(i + 2))) {
      return -1;
    }
    int k = i;
    // each step takes one character that stands alone: "v . c c now" stops before "now"
    while (k + 2 < n && in.charAt(k + 1) == gap && isHostUnit(in.charAt(k + 2))
        && (k + 3 >= n || !isHostUnit(in.charAt(k + 3)))) {
      k += 2;
    }
    if (k + 1 < n && isHostUnit(in.charAt(k + 1))) {
      return -1; // the last character runs into a word: "a b c.com" is not written out letter by letter
    }
    return k + 1;
  }

  /** Whether the run {@code [i, end)} (characters at even offsets) spells a host name. */
  private static boolean isSpacedHost(CharSequence in, int i, int end) {
    int count = 0;
    int lastDot = -1;
    for (int k = i; k < end; k += 2) {
      if (in.charAt(k) == '.') {
        if (lastDot == k - 2) {
          return false; // ". ."
        }
        lastDot = k;
      }
      count++;
    }
    if (count < MIN_SPACED_HOST || lastDot < 0) {
      return false;
    }
    int letters = 0;
    for (int q = lastDot + 2; q < end; q += 2) {
      if (!Character.isLetter(in.charAt(q))) {
        return false;
      }
      letters++;
    }
    return letters >= 2;
  }

  private static boolean isHostUnit(char c) {
    return isAsciiAlnum(c) || c == '.' || c == '-';
  }
}
