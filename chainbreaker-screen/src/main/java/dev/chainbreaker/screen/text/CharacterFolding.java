package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.TextNormalizer.isAsciiAlnum;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass: NFKC (full-width letters and digits become ASCII), invisible format characters
 * dropped, control characters made spaces, invalid surrogates replaced, and a run behind a
 * right-to-left override put in the order it is shown. Records the full-width runs, the invisible
 * characters between letters of a host, and the reversed runs.
 */
final class CharacterFolding {

  private CharacterFolding() {}

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

  /**
   * What {@link #foldCharacters} makes of {@code s} when it maps every UTF-16 unit to exactly one
   * unit and records nothing (no surrogate, no dropped format character, no full-width letter or
   * digit, no multi-unit NFKC result), else null. Full-width punctuation, in most Chinese texts,
   * folds one for one.
   */
  static String foldOneForOne(String s) {
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

  static MappedBuilder foldCharacters(String src, List<Deobfuscation> events) {
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
}
