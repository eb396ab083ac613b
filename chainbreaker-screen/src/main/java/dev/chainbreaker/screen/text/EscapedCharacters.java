package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.Rewrite.rewrite;
import static dev.chainbreaker.screen.text.TextNormalizer.isAsciiAlnum;

import java.util.List;

/** Percent-escaped letters and digits ({@code %65} for {@code e}), decoded as a browser does in a host. */
final class EscapedCharacters {

  private EscapedCharacters() {}

  /** Whether {@link #decodeEscapes} would rewrite anything in {@code in}. */
  static boolean hidesEscape(CharSequence in) {
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
  static MappedBuilder decodeEscapes(MappedBuilder in, List<Deobfuscation> events) {
    return rewrite(in, events, (t, i) -> t.charAt(i) == '%' && escapedUnreserved(t, i) >= 0 ? i + 3 : -1,
        (t, i, end, out) -> {
          int from = t.startAt(i);
          int to = t.endAt(end - 1);
          out.append((char) escapedUnreserved(t, i), from, to);
          return new Deobfuscation(Deobfuscation.Kind.ESCAPED, from, to);
        });
  }
}
