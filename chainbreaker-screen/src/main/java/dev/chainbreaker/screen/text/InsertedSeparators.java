package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.Rewrite.rewrite;

import java.util.List;

/**
 * Spaces, symbols and emoji inserted between Chinese characters ({@code 社★保}, {@code 注 销}, {@code 贷-款}),
 * taken out. Written Chinese puts no spaces between words, so a filter that looks for 社保 or 注销
 * misses the word split this way, and a reader's eye does not; bulk senders and smishers split
 * words so. Punctuation that ends a phrase (，。、：) and the dot of a host written in Chinese
 * ({@code 社保局.公司}) are left alone.
 */
final class InsertedSeparators {

  private InsertedSeparators() {}

  /** Most separators (spaces, symbols, emoji) in one run between two Chinese characters that is taken out. */
  private static final int MAX_RUN = 3;

  /** Whether {@link #closeUp} would rewrite anything in {@code in}. One pass. */
  static boolean splitsWords(CharSequence in) {
    for (int i = 1, n = in.length(); i < n; i++) {
      char c = in.charAt(i);
      if ((isSeparator(c) || Character.isHighSurrogate(c)) && runEnd(in, i) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Takes out every run of inserted characters between two Chinese characters. */
  static MappedBuilder closeUp(MappedBuilder in, List<Deobfuscation> events) {
    return rewrite(in, events, InsertedSeparators::runEnd,
        (t, i, end, out) -> new Deobfuscation(Deobfuscation.Kind.INSERTED_SEPARATORS, t.startAt(i), t.endAt(end - 1)));
  }

  /**
   * End of a run of separators at {@code i} that has a Chinese character on both sides, or -1.
   * Only where the run starts: {@code i} follows a Chinese character.
   */
  private static int runEnd(CharSequence in, int i) {
    if (i == 0 || separatorLength(in, i) == 0 || !isIdeograph(in.charAt(i - 1))) {
      return -1;
    }
    int n = in.length();
    int e = i;
    for (int taken = 0, len; taken < MAX_RUN && e < n && (len = separatorLength(in, e)) > 0; taken++) {
      e += len;
    }
    if (e >= n || !isIdeograph(in.charAt(e))) {
      return -1;
    }
    // a host written in Chinese ("请登录 社保局.公司 办理") needs the spaces around it as its boundary
    return hasDot(in, e, 1) || hasDot(in, i - 1, -1) ? -1 : e;
  }

  /** Longest token searched for a dot on either side of a run. */
  private static final int MAX_TOKEN = 40;

  /** Whether the token at {@code from}, read in direction {@code step} up to a space or a full stop, holds a dot. */
  private static boolean hasDot(CharSequence in, int from, int step) {
    for (int k = from, seen = 0; k >= 0 && k < in.length() && seen < MAX_TOKEN; k += step, seen++) {
      char c = in.charAt(k);
      if (c == '.') {
        return true;
      }
      if (c == ' ' || c == '\u3000' || c == '\u3002' || c == '\uFF0C' || c == ',' || c == '!' || c == '?') {
        return false;
      }
    }
    return false;
  }

  /** Length of the separator at {@code i}: 1 for a space or symbol, 2 for an emoji, 0 for none. */
  private static int separatorLength(CharSequence in, int i) {
    char c = in.charAt(i);
    if (isSeparator(c)) {
      return 1;
    }
    if (Character.isHighSurrogate(c) && i + 1 < in.length() && Character.isLowSurrogate(in.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, in.charAt(i + 1));
      return cp >= 0x1F000 && cp <= 0x1FAFF ? 2 : 0; // emoji and pictographs: "社😀保"
    }
    return 0;
  }

  private static boolean isIdeograph(char c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF;
  }

  /** Characters that carry no meaning between two Chinese characters: spaces and decorations. */
  static boolean isSeparator(char c) {
    switch (c) {
      case ' ', '\t', '\u00A0', '\u3000', '*', '#', '~', '^', '|', '/', '\\', '_', '-', '+', '=',
          '\u00B7', '\u2022', '\u2605', '\u2606', '\u203B', '\u25C6', '\u25C7', '\u25CB', '\u25CF', '\u25A1',
          '\u25A0', '\u25B2', '\u25B3', '\u2661', '\u2665', '\u2736', '\u2740', '\u273F', '\u3007' -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
