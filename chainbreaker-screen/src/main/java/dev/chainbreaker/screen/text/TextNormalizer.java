package dev.chainbreaker.screen.text;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalises a message for screening while keeping an offset map to the original: NFKC (full-width
 * letters and digits become ASCII), invisible format characters dropped, control characters made
 * spaces, invalid surrogates replaced, and disguised dots ({@code 。 ｡ ． 点 dot [.]}, spaces around
 * a dot) between ASCII letters or digits turned into a plain {@code .}. Every undone disguise is
 * recorded, because a legitimate sender has no reason to write {@code a . szxq9 . cc}.
 *
 * <p>Thread-safe and stateless.
 */
public final class TextNormalizer {

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  /**
   * BMP characters (not surrogates, not ASCII) that the loop below copies unchanged: not a format
   * or control character, not a full-width form, inert under NFKC. Nearly all CJK text; worked out
   * once so the common case needs no Unicode property look-ups.
   */
  private static final long[] PLAIN = new long[1 << 10];

  static {
    for (int c = 0x80; c < 0x10000; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.FORMAT || type == Character.CONTROL || c >= 0xFF01 && c <= 0xFF5E) {
        continue;
      }
      if (NFKC.isInert(c)) {
        PLAIN[c >>> 6] |= 1L << c;
      }
    }
  }

  /** Longest whitespace run around a dot that is still treated as a disguise. */
  private static final int MAX_GAP = 3;

  public NormalizedText normalize(String original) {
    String src = original == null ? "" : original;
    String same = foldOneForOne(src);
    if (same != null && !hidesDot(same) && !hidesScheme(same) && !hidesEscape(same) && firstSpacedHost(same) < 0) {
      // nearly every message: each unit folds to one unit and no dot is disguised, so unit i of
      // the result stands for unit i of the original and no offset map is needed
      return NormalizedText.oneForOne(src, same);
    }
    return normalizeMapped(src);
  }

  /** The full path, with an offset map; {@link #normalize} gives the same for every text. */
  NormalizedText normalizeMapped(String src) {
    List<Deobfuscation> events = new ArrayList<>();
    MappedBuilder pass1 = foldCharacters(src, events);
    MappedBuilder pass2 = undisguiseDots(closeSpacedHosts(undefangSchemes(decodeEscapes(pass1, events), events), events), events);
    events.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return new NormalizedText(src, pass2.string(), pass2.starts(), pass2.ends(), events);
  }

  /**
   * What {@link #foldCharacters} makes of {@code s} when it maps every UTF-16 unit to exactly one
   * unit and records nothing (no surrogate, no dropped format character, no full-width letter or
   * digit, no multi-unit NFKC result), else null. Full-width punctuation, in most Chinese texts,
   * folds one for one.
   */
  private static String foldOneForOne(String s) {
    int n = s.length();
    char[] out = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char f;
      if (c < 0x80) {
        f = c < 0x20 && c != '\n' && c != '\t' || c == 0x7F ? ' ' : c;
      } else if ((PLAIN[c >>> 6] & (1L << c)) != 0) {
        f = c;
      } else if (Character.isSurrogate(c)) {
        return null;
      } else {
        int type = Character.getType(c);
        if (type == Character.FORMAT) {
          return null;
        }
        if (type == Character.CONTROL) {
          f = ' ';
        } else if (c >= 0xFF01 && c <= 0xFF5E && c != 0xFF0E
            && Character.isLetterOrDigit((char) (c - 0xFF01 + 0x21))) {
          return null; // recorded as a disguise by the full path
        } else if (NFKC.isInert(c)) {
          f = c;
        } else {
          String folded = fold(c);
          if (folded.length() != 1) {
            return null;
          }
          f = folded.charAt(0);
        }
      }
      if (f != c && out == null) {
        out = s.toCharArray();
      }
      if (out != null) {
        out[i] = f;
      }
    }
    return out == null ? s : new String(out);
  }

  /** Whether {@link #undisguiseDots} would rewrite anything in {@code in}. */
  private static boolean hidesDot(CharSequence in) {
    for (int p = 1, n = in.length(); p < n; p++) {
      char c = in.charAt(p);
      if ((isDotStart(c) || isGap(c)) && isAsciiAlnum(in.charAt(p - 1))
          && matchDisguisedDot(in, p) > 0) {
        return true;
      }
    }
    return false;
  }

  private static MappedBuilder foldCharacters(String src, List<Deobfuscation> events) {
    MappedBuilder out = new MappedBuilder(src.length());
    int fullwidthFrom = -1;
    int fullwidthTo = -1;
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c >= 0x80 && (PLAIN[c >>> 6] & (1L << c)) != 0) {
        out.append(c, i, i + 1); // as the NFKC-inert branch below would
        i++;
        continue;
      }
      int cp;
      int len;
      if (Character.isHighSurrogate(c) && i + 1 < src.length()
          && Character.isLowSurrogate(src.charAt(i + 1))) {
        cp = Character.toCodePoint(c, src.charAt(i + 1));
        len = 2;
      } else if (Character.isSurrogate(c)) {
        cp = 0xFFFD; // a lone surrogate is broken input, not text
        len = 1;
      } else {
        cp = c;
        len = 1;
      }
      int from = i;
      int to = i + len;
      i = to;
      if (cp < 0x80) {
        if (cp < 0x20 && cp != '\n' && cp != '\t' || cp == 0x7F) {
          out.append(' ', from, to);
        } else {
          out.append((char) cp, from, to);
        }
        continue;
      }
      if (cp == RLO) {
        i = reverseOverride(src, from, out, events);
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.FORMAT) {
        boolean before = out.length() > 0
            && (isAsciiAlnum(out.charAt(out.length() - 1)) || out.charAt(out.length() - 1) == '.');
        if (before && i < src.length() && (isAsciiAlnum(src.charAt(i)) || src.charAt(i) == '.')) {
          events.add(new Deobfuscation(Deobfuscation.Kind.INVISIBLE, from, to));
        }
        continue; // zero-width joiners, bidi marks, soft hyphens: invisible to the reader
      }
      if (type == Character.CONTROL) {
        out.append(' ', from, to);
        continue;
      }
      if (cp >= 0xFF01 && cp <= 0xFF5E && cp != 0xFF0E) {
        char ascii = (char) (cp - 0xFF01 + 0x21);
        if (Character.isLetterOrDigit(ascii)) {
          if (fullwidthTo == from) {
            fullwidthTo = to;
          } else {
            flushFullwidth(events, fullwidthFrom, fullwidthTo);
            fullwidthFrom = from;
            fullwidthTo = to;
          }
        }
      }
      if (NFKC.isInert(cp)) {
        // most CJK text: unchanged by NFKC, so skip the allocation
        if (len == 1) {
          out.append((char) cp, from, to);
        } else {
          out.append(Character.highSurrogate(cp), from, to);
          out.append(Character.lowSurrogate(cp), from, to);
        }
        continue;
      }
      String folded = fold(cp);
      out.append(folded, from, to);
    }
    flushFullwidth(events, fullwidthFrom, fullwidthTo);
    return out;
  }

  /** RIGHT-TO-LEFT OVERRIDE: what follows, up to a POP DIRECTIONAL FORMATTING or the line's end, is shown backwards. */
  private static final char RLO = '\u202E';
  private static final char PDF = '\u202C';

  /**
   * Appends the run that the override at {@code rlo} shows backwards as the reader sees it, and
   * returns where reading goes on. "sb‮cc.vog‬" shows as "sbgov.cc" but holds "sbcc.vog": read in
   * memory order its link is gone. Each character of the run maps to the whole run in the original,
   * since its order there is not the order shown. The run is folded character by character, like any
   * other text, after it is reversed.
   */
  private static int reverseOverride(String src, int rlo, MappedBuilder out, List<Deobfuscation> events) {
    int end = rlo + 1;
    while (end < src.length() && src.charAt(end) != PDF && src.charAt(end) != '\n' && src.charAt(end) != '\r') {
      end++;
    }
    int runEnd = end < src.length() && src.charAt(end) == PDF ? end + 1 : end;
    // keeps surrogate pairs; a nested override adds nothing the reader could see, and folding it again
    // would recurse once per override
    String shown = new StringBuilder(src.substring(rlo + 1, end).replace(String.valueOf(RLO), "")).reverse().toString();
    MappedBuilder run = foldCharacters(shown, new ArrayList<>());
    for (int k = 0; k < run.length(); k++) {
      out.append(run.charAt(k), rlo, runEnd);
    }
    if (end > rlo + 1) {
      events.add(new Deobfuscation(Deobfuscation.Kind.REVERSED, rlo, runEnd));
    }
    return runEnd;
  }

  /**
   * NFKC of one BMP code point, remembered (full-width punctuation is in most Chinese texts). Racy
   * but safe: every thread computes the same immutable string.
   */
  private static final String[] FOLDED = new String[0x10000];

  private static String fold(int cp) {
    if (cp >= 0x10000) {
      return NFKC.normalize(new String(Character.toChars(cp)));
    }
    String f = FOLDED[cp];
    if (f == null) {
      f = NFKC.normalize(new String(Character.toChars(cp)));
      FOLDED[cp] = f;
    }
    return f;
  }

  private static void flushFullwidth(List<Deobfuscation> events, int from, int to) {
    if (from >= 0) {
      events.add(new Deobfuscation(Deobfuscation.Kind.FULLWIDTH, from, to));
    }
  }

  /** Whether {@link #decodeEscapes} would rewrite anything in {@code in}. */
  private static boolean hidesEscape(CharSequence in) {
    for (int i = 0, n = in.length(); i < n; i++) {
      if (in.charAt(i) == '%' && escapedUnreserved(in, i) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The unreserved character (letter, digit, {@code - . _ ~}) that the escape at {@code i} stands
   * for, or -1. RFC 3986 says such characters are never escaped, and browsers undo the escape in a
   * host: {@code icbc.com.cn.%65vil.top} goes to {@code icbc.com.cn.evil.top}, while a reader, and a
   * filter that stops at the '%', sees the bank's own domain. Only after a character a link can hold,
   * so "50%OFF" and prose are left alone.
   */
  private static int escapedUnreserved(CharSequence in, int i) {
    if (i == 0 || i + 2 >= in.length()) {
      return -1;
    }
    char before = in.charAt(i - 1);
    if (!(isAsciiAlnum(before) || ".-_~/?=&%:".indexOf(before) >= 0)) {
      return -1;
    }
    int hi = Character.digit(in.charAt(i + 1), 16);
    int lo = Character.digit(in.charAt(i + 2), 16);
    if (hi < 0 || lo < 0 || in.charAt(i + 1) >= 0x80 || in.charAt(i + 2) >= 0x80) {
      return -1;
    }
    char c = (char) (hi * 16 + lo);
    return isAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ? c : -1;
  }

  /** Decodes escapes of unreserved characters ({@link #escapedUnreserved}); everything else is copied. */
  private static MappedBuilder decodeEscapes(MappedBuilder in, List<Deobfuscation> events) {
    return rewrite(in, events, (t, i) -> t.charAt(i) == '%' && escapedUnreserved(t, i) >= 0 ? i + 3 : -1,
        (t, i, end, out) -> {
          int from = t.startAt(i);
          int to = t.endAt(end - 1);
          out.append((char) escapedUnreserved(t, i), from, to);
          return new Deobfuscation(Deobfuscation.Kind.ESCAPED, from, to);
        });
  }

  /** Finds where a disguise that starts at {@code i} ends, or -1 when none starts there. */
  private interface Finder {
    int end(MappedBuilder in, int i);
  }

  /** Writes what the disguise at {@code [i, end)} stands for; returns what was undone, or null. */
  private interface Undo {
    Deobfuscation write(MappedBuilder in, int i, int end, MappedBuilder out);
  }

  /**
   * One pass of the normaliser: a copy of {@code in} with every disguise {@code find} finds undone,
   * or {@code in} itself when there is none (most texts), without a copy.
   */
  private static MappedBuilder rewrite(MappedBuilder in, List<Deobfuscation> events, Finder find, Undo undo) {
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

  /** Whether {@link #undefangSchemes} would rewrite anything in {@code in}. */
  private static boolean hidesScheme(CharSequence in) {
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
  private static MappedBuilder undefangSchemes(MappedBuilder in, List<Deobfuscation> events) {
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
  private static MappedBuilder closeSpacedHosts(MappedBuilder in, List<Deobfuscation> events) {
    if (firstSpacedHost(in) < 0) {
      return in; // no copy for a text whose spaced runs are all initials or words
    }
    // every spaced run is passed whole, a host closed up and any other run copied as it is: the scan
    // looks at the start of a run only, which keeps it linear
    return rewrite(in, events, TextNormalizer::spacedRunEnd, (t, i, end, out) -> {
      boolean host = isSpacedHost(t, i, end);
      for (int k = i; k < end; k += host ? 2 : 1) {
        out.append(t.charAt(k), t.startAt(k), t.endAt(k));
      }
      return host ? new Deobfuscation(Deobfuscation.Kind.SPACED_LETTERS, t.startAt(i), t.endAt(end - 1)) : null;
    });
  }

  /** Start of the first spaced-out host in {@code in}, or -1. One pass. */
  private static int firstSpacedHost(CharSequence in) {
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

  /** Rewrites disguised dots between ASCII alphanumerics; everything else is copied. */
  private static MappedBuilder undisguiseDots(MappedBuilder in, List<Deobfuscation> events) {
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
    char dc = in.charAt(j);
    boolean wordDot = dotEnd - j > 1 || dc == '\u70B9' || dc == '\u9EDE';
    if (wordDot && !isWordDotAllowed(in, j, dotEnd, k)) {
      return -1;
    }
    return k;
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

  private static boolean isGap(char c) {
    return c == ' ' || c == '\u3000' || c == '\u00A0' || c == '\t';
  }

  static boolean isAsciiAlnum(char c) {
    return c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
  }

}
