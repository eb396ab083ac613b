package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.Rewrite.rewrite;
import static dev.chainbreaker.screen.text.TextNormalizer.isAsciiAlnum;

import java.util.List;

/** Defanged schemes ({@code hxxps://}, {@code hxxp[://]}) read as {@code http://} or {@code https://}. */
final class DefangedSchemes {

  private DefangedSchemes() {}

  /** Whether {@link #undefangSchemes} would rewrite anything in {@code in}. */
  static boolean hidesScheme(CharSequence in) {
    for (int i = 0, n = in.length(); i < n; i++) {
      char c = in.charAt(i);
      if ((c == 'h' || c == 'H') && defangedSchemeEnd(in, i) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Rewrites a defanged scheme, {@code hxxp://}, {@code hXXps://}, {@code h**p://} or
   * {@code hxxps[:]//}, to {@code http://} or {@code https://}. Analysts defang links so that no one
   * clicks them; a sender who writes one in a text message wants the reader to type it in while the
   * filters see no link.
   */
  static MappedBuilder undefangSchemes(MappedBuilder in, List<Deobfuscation> events) {
    return rewrite(in, events, (t, i) -> t.charAt(i) == 'h' || t.charAt(i) == 'H' ? defangedSchemeEnd(t, i) : -1,
        (t, i, end, out) -> {
          boolean secure = t.charAt(i + 4) == 's' || t.charAt(i + 4) == 'S';
          String scheme = secure ? "https://" : "http://";
          // one unit for each letter of the scheme, each standing for the written letter at that place
          // where there is one, so the link's span still starts at the "h" and ends at the "//"
          for (int k = 0; k < scheme.length(); k++) {
            int src = Math.min(i + k, end - 1);
            out.append(scheme.charAt(k), t.startAt(src), t.endAt(src));
          }
          return new Deobfuscation(Deobfuscation.Kind.DEFANGED_SCHEME, t.startAt(i), t.endAt(end - 1));
        });
  }

  /**
   * End of a defanged scheme at {@code i} ("h" + two of "x", "X" or "*" + "p" + optional "s" + "://",
   * "[:]//" or "[://]"), or -1; it must not continue a word.
   */
  private static int defangedSchemeEnd(CharSequence in, int i) {
    int n = in.length();
    if (i > 0 && isAsciiAlnum(in.charAt(i - 1)) || i + 6 >= n) {
      return -1;
    }
    char a = in.charAt(i + 1);
    char b = in.charAt(i + 2);
    boolean masked = (a == 'x' || a == 'X' || a == '*') && (b == 'x' || b == 'X' || b == '*');
    char p = in.charAt(i + 3);
    if (!masked || p != 'p' && p != 'P') {
      return -1;
    }
    int j = i + 4;
    if (in.charAt(j) == 's' || in.charAt(j) == 'S') {
      j++;
    }
    for (String sep : new String[] {"://", "[:]//", "[://]"}) {
      if (regionIs(in, j, sep)) {
        return j + sep.length();
      }
    }
    return -1;
  }

  private static boolean regionIs(CharSequence in, int at, String s) {
    if (at + s.length() > in.length()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (in.charAt(at + k) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
