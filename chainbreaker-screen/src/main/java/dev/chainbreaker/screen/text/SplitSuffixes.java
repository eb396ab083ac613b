package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.DisguisedDots.isGap;
import static dev.chainbreaker.screen.text.Rewrite.rewrite;
import static dev.chainbreaker.screen.text.TextNormalizer.isAsciiAlnum;

import java.util.List;
import java.util.Set;

/**
 * A top-level domain split by a space after its first letter ({@code jf10086.t op},
 * {@code cleanbeautytalk.c om/x}), closed up. A link filter that looks for {@code .top} misses it, and
 * a reader's eye does not. No top-level domain has one letter, so a dot, one letter and a space can
 * only be a split when the two pieces together make a suffix that such links use.
 */
final class SplitSuffixes {

  private SplitSuffixes() {}

  /**
   * Suffixes of three letters or more that smishing links use: a shorter one ({@code c n}) split
   * this way would look too much like initials to close up.
   */
  private static final Set<String> SUFFIXES = Set.of(
      "com", "net", "org", "top", "xyz", "vip", "info", "shop", "club", "site", "online", "icu", "cyou",
      "buzz", "live", "work", "fun", "pro", "app", "win", "bid", "loan", "link", "ltd", "wang", "store",
      "tech", "asia", "mobi", "life", "cloud", "space", "website", "xin", "ren", "kim");

  /** Longest suffix in {@link #SUFFIXES}. */
  private static final int MAX_SUFFIX = 7;

  /** Whether {@link #closeSplitSuffixes} would rewrite anything in {@code in}. One pass. */
  static boolean splitsSuffix(CharSequence in) {
    for (int i = 4, n = in.length(); i < n; i++) {
      if (isGap(in.charAt(i)) && splitAt(in, i)) {
        return true;
      }
    }
    return false;
  }

  /** Removes the space of every split suffix; everything else is copied. */
  static MappedBuilder closeSplitSuffixes(MappedBuilder in, List<Deobfuscation> events) {
    return rewrite(in, events, (t, i) -> isGap(t.charAt(i)) && splitAt(t, i) ? i + 1 : -1,
        (t, i, end, out) -> new Deobfuscation(Deobfuscation.Kind.SPLIT_SUFFIX, t.startAt(i - 1), t.endAt(i + 1)));
  }

  /**
   * Whether the gap at {@code i} splits a suffix: a host label of two or more characters, a dot and
   * one letter before it, and after it letters of the same case, up to a character a host cannot go
   * on with, that complete a suffix in {@link #SUFFIXES}.
   */
  private static boolean splitAt(CharSequence in, int i) {
    if (i < 4) {
      return false;
    }
    char first = in.charAt(i - 1);
    // two host characters before the dot: one would be an initial ("J.S mith")
    if (!isLetter(first) || in.charAt(i - 2) != '.' || !isHostChar(in.charAt(i - 3))
        || !isHostChar(in.charAt(i - 4))) {
      return false;
    }
    boolean upper = first <= 'Z';
    int n = in.length();
    int e = i + 1;
    while (e < n && e - i <= MAX_SUFFIX && isLetter(in.charAt(e)) && (in.charAt(e) <= 'Z') == upper) {
      e++;
    }
    if (e == i + 1 || e - i > MAX_SUFFIX || e < n && (isAsciiAlnum(in.charAt(e)) || in.charAt(e) == '-')) {
      return false;
    }
    StringBuilder suffix = new StringBuilder(e - i);
    suffix.append(Character.toLowerCase(first));
    for (int k = i + 1; k < e; k++) {
      suffix.append(Character.toLowerCase(in.charAt(k)));
    }
    return SUFFIXES.contains(suffix.toString());
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isHostChar(char c) {
    return isAsciiAlnum(c) || c == '-';
  }
}
