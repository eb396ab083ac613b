package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.Rewrite.rewrite;
import static dev.chainbreaker.screen.text.TextNormalizer.isAsciiAlnum;

import java.util.List;

/**
 * Disguised dots between ASCII letters or digits ({@code 。 ｡ ． 点 dot [.]}, spaces around a dot, or on
 * one side inside a link's host) turned into a plain {@code .}.
 */
final class DisguisedDots {

  private DisguisedDots() {}

  /** Longest whitespace run around a dot that is still treated as a disguise. */
  private static final int MAX_GAP = 3;

  /** Whether {@link #undisguiseDots} would rewrite anything in {@code in}. */
  static boolean hidesDot(CharSequence in) {
    for (int p = 1, n = in.length(); p < n; p++) {
      char c = in.charAt(p);
      if ((isDotStart(c) || isGap(c)) && isAsciiAlnum(in.charAt(p - 1))
          && matchDisguisedDot(in, p) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Rewrites disguised dots between ASCII alphanumerics; everything else is copied. */
  static MappedBuilder undisguiseDots(MappedBuilder in, List<Deobfuscation> events) {
    return rewrite(in, events, (t, i) -> i > 0 && isAsciiAlnum(t.charAt(i - 1))
        && (isDotStart(t.charAt(i)) || isGap(t.charAt(i))) ? matchDisguisedDot(t, i) : -1,
        (t, i, end, out) -> {
          int from = t.startAt(i);
          int to = t.endAt(end - 1);
          out.append('.', from, to);
          Deobfuscation.Kind kind = kindOf(t, i, end);
          return kind == null ? null : new Deobfuscation(kind, from, to);
        });
  }

  /** End of a disguised dot starting at {@code i}, or -1; the dot must be followed by an alnum. */
  private static int matchDisguisedDot(CharSequence in, int i) {
    int n = in.length();
    int j = i;
    int gapBefore = 0;
    while (j < n && isGap(in.charAt(j)) && gapBefore <= MAX_GAP) {
      j++;
      gapBefore++;
    }
    if (gapBefore > MAX_GAP || j >= n) {
      return -1;
    }
    int dotEnd = matchDotToken(in, j, gapBefore > 0);
    if (dotEnd < 0) {
      return -1;
    }
    int k = dotEnd;
    int gapAfter = 0;
    while (k < n && isGap(in.charAt(k)) && gapAfter <= MAX_GAP) {
      k++;
      gapAfter++;
    }
    if (gapAfter > MAX_GAP || k >= n || !isAsciiAlnum(in.charAt(k))) {
      return -1;
    }
    boolean plainDot = dotEnd - j == 1 && in.charAt(j) == '.';
    if (plainDot && gapBefore == 0 && gapAfter == 0) {
      return -1; // nothing disguised
    }
    if (plainDot && (gapBefore == 0 || gapAfter == 0)
        && !(inSchemeHost(in, i) && continuesHost(in, k))) {
      // "done. next" (a sentence end) or "TV.jsp .To" (a stray space): a disguise spaces both
      // sides, "a . szxq9 . cc", unless the dot is inside a link's host, "http://doit. mymoby. tv/"
      return -1;
    }
    if (plainDot && gapBefore > 0 && gapAfter > 0 && isTitleCaseWord(in, k)) {
      // "out in town already. That . So dont rush": a stray space before a full stop, and the next
      // sentence starts with a capital; a disguised label is written "a . szxq9 . cc" or "SZXQ9 . CC"
      return -1;
    }
    char dc = in.charAt(j);
    boolean wordDot = dotEnd - j > 1 || dc == '\u70B9' || dc == '\u9EDE';
    if (wordDot && !isWordDotAllowed(in, j, dotEnd, k)) {
      return -1;
    }
    return k;
  }

  /** Whether a capital followed by a lower-case letter starts at {@code k}, as a sentence does. */
  private static boolean isTitleCaseWord(CharSequence in, int k) {
    return k + 1 < in.length() && in.charAt(k) >= 'A' && in.charAt(k) <= 'Z'
        && in.charAt(k + 1) >= 'a' && in.charAt(k + 1) <= 'z';
  }

  /** How far back {@link #inSchemeHost} looks for the scheme: the longest host name DNS allows. */
  private static final int MAX_HOST = 253;

  /**
   * Whether the text just before {@code i} is the host of a link begun with {@code http://},
   * {@code https://} or {@code www.}: host characters and dots back to the scheme, with gaps only
   * next to a dot ("http://doit. mymoby"). Looks back at most {@link #MAX_HOST} characters, so a
   * text full of dots costs linear time.
   */
  private static boolean inSchemeHost(CharSequence in, int i) {
    int p = i - 1;
    int floor = Math.max(0, i - MAX_HOST);
    while (p >= floor) {
      char c = in.charAt(p);
      if (isAsciiAlnum(c) || c == '-' || c == '.') {
        p--;
      } else if (isGap(c) && p > 0 && (in.charAt(p - 1) == '.' || p + 1 < in.length() && in.charAt(p + 1) == '.')) {
        p--;
      } else {
        break;
      }
    }
    int start = p + 1; // first character of the host run
    if (start + 4 <= in.length() && regionIgnoreCase(in, start, "www.")) {
      return true; // the run began at a non-host character, so "www" starts a word
    }
    if (p < 1 || in.charAt(p) != '/' || in.charAt(p - 1) != '/') {
      return false;
    }
    int before = endsWithIgnoreCase(in, p - 1, "http:") ? p - 7 : endsWithIgnoreCase(in, p - 1, "https:") ? p - 8 : -2;
    // the scheme starts a word: "xhttp://" is not one
    return before == -1 || before >= 0 && !isAsciiAlnum(in.charAt(before));
  }

  /**
   * Whether the label at {@code k} goes on as a host does: it starts in lower case or with a digit
   * (a sentence after a link starts with a capital, "example.com. Then") and is followed by another
   * dot (spaced or not), a path, a port or a query.
   */
  private static boolean continuesHost(CharSequence in, int k) {
    char first = in.charAt(k);
    if (!(first >= 'a' && first <= 'z' || first >= '0' && first <= '9')) {
      return false;
    }
    int n = in.length();
    int e = k;
    while (e < n && (isAsciiAlnum(in.charAt(e)) || in.charAt(e) == '-')) {
      e++;
    }
    int g = e;
    while (g < n && g - e < MAX_GAP && isGap(in.charAt(g))) {
      g++; // "sb-gov .cc": the next dot may be spaced too
    }
    if (g < n && in.charAt(g) == '.') {
      return true;
    }
    if (e >= n) {
      return false;
    }
    char c = in.charAt(e);
    return c == '/' || c == ':' || c == '?';
  }

  private static boolean regionIgnoreCase(CharSequence in, int at, String s) {
    for (int q = 0; q < s.length(); q++) {
      if (Character.toLowerCase(in.charAt(at + q)) != s.charAt(q)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text ending just before {@code end} is {@code s}, ignoring ASCII case. */
  private static boolean endsWithIgnoreCase(CharSequence in, int end, String s) {
    return end >= s.length() && regionIgnoreCase(in, end - s.length(), s);
  }

  /**
   * "点" and "dot" are ordinary words, so they count as a dot only before a run of ASCII letters
   * (a label such as "cc" or "com"); "3点30分" stays a time of day.
   */
  private static boolean isWordDotAllowed(CharSequence in, int dotFrom, int dotTo, int next) {
    int n = in.length();
    int letters = 0;
    int k = next;
    while (k < n && isAsciiAlnum(in.charAt(k))) {
      if (Character.isLetter(in.charAt(k))) {
        letters++;
      }
      k++;
    }
    if (letters < 2 || !Character.isLetter(in.charAt(next))) {
      return false;
    }
    char first = in.charAt(dotFrom);
    if (first == 'd' || first == 'D') {
      // "dot" spelled in Latin letters must stand apart: "a dot cc" but not "anecdote"
      return dotFrom > 0 && !isAsciiAlnum(in.charAt(dotFrom - 1)) && !isAsciiAlnum(in.charAt(dotTo));
    }
    return true;
  }

  /** End of a dot token at {@code j}: . 。 ｡ 点 點 dot [.] (.) [dot] (dot), or -1. */
  private static int matchDotToken(CharSequence in, int j, boolean gapBefore) {
    int n = in.length();
    char c = in.charAt(j);
    if (c == '.' || c == '\u3002' || c == '\uFF61' || c == '\u70B9' || c == '\u9EDE') {
      return j + 1;
    }
    if ((c == 'd' || c == 'D') && j + 2 < n && (in.charAt(j + 1) == 'o' || in.charAt(j + 1) == 'O')
        && (in.charAt(j + 2) == 't' || in.charAt(j + 2) == 'T')) {
      return j + 3;
    }
    if ((c == '[' || c == '(') && j + 2 < n) {
      char close = c == '[' ? ']' : ')';
      if (in.charAt(j + 2) == close && (in.charAt(j + 1) == '.' || in.charAt(j + 1) == '\u70B9')) {
        return j + 3;
      }
      if (j + 4 < n && in.charAt(j + 4) == close && matchDotToken(in, j + 1, false) == j + 4) {
        return j + 5;
      }
    }
    return -1;
  }

  private static Deobfuscation.Kind kindOf(MappedBuilder in, int from, int to) {
    boolean gap = false;
    Deobfuscation.Kind kind = null;
    for (int k = from; k < to; k++) {
      char c = in.charAt(k);
      if (isGap(c)) {
        gap = true;
      } else if (c == '\u3002' || c == '\uFF61') {
        kind = Deobfuscation.Kind.IDEOGRAPHIC_DOT;
      } else if (c != '.') {
        kind = Deobfuscation.Kind.WORD_DOT;
        break;
      }
    }
    if (kind == null && gap) {
      kind = Deobfuscation.Kind.SPACED_DOT;
    }
    return kind;
  }

  private static boolean isDotStart(char c) {
    return c == '.' || c == '\u3002' || c == '\uFF61' || c == '\u70B9' || c == '\u9EDE'
        || c == 'd' || c == 'D' || c == '[' || c == '(';
  }

  static boolean isGap(char c) {
    return c == ' ' || c == '\u3000' || c == '\u00A0' || c == '\t';
  }
}
