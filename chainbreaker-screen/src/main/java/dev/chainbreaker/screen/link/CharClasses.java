package dev.chainbreaker.screen.link;

/** Character classes for link boundaries in mixed CJK and Latin text. */
final class CharClasses {

  private CharClasses() {}

  static boolean isAsciiAlnum(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** {@link #isCjk} and {@link #isBareHostChar} for the BMP, worked out once (script look-ups are slow). */
  private static final long[] CJK_BMP = new long[1 << 10];
  private static final long[] BARE_BMP = new long[1 << 10];

  static {
    for (int c = 0; c < 0x10000; c++) {
      if (cjk(c)) {
        CJK_BMP[c >>> 6] |= 1L << c;
      }
      if (bareHostChar(c)) {
        BARE_BMP[c >>> 6] |= 1L << c;
      }
    }
  }

  /** Han, kana, hangul, bopomofo letters and CJK or full-width punctuation and symbols. */
  static boolean isCjk(int cp) {
    if (cp >= 0 && cp < 0x10000) {
      return (CJK_BMP[cp >>> 6] & (1L << cp)) != 0;
    }
    return cjk(cp);
  }

  /** A Han, kana, hangul or bopomofo letter (not CJK punctuation). */
  static boolean isCjkLetter(int cp) {
    return cp >= 0x1100 && isCjk(cp) && Character.isLetter(cp);
  }

  private static boolean cjk(int cp) {
    if (cp < 0x1100) {
      return false;
    }
    if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF || cp >= 0xFE30 && cp <= 0xFE4F) {
      return true;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
        || s == Character.UnicodeScript.BOPOMOFO;
  }

  /** Non-ASCII punctuation other than dashes: quotes, brackets, ellipses, CJK commas and stops. */
  static boolean isUnicodePunct(int cp) {
    if (cp < 0x80) {
      return false;
    }
    int t = Character.getType(cp);
    return t == Character.OTHER_PUNCTUATION || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION;
  }

  /** A character of a host label in a link written without a scheme: CJK ends such a host. */
  static boolean isBareHostChar(int cp) {
    if (cp >= 0 && cp < 0x10000) {
      return (BARE_BMP[cp >>> 6] & (1L << cp)) != 0;
    }
    return bareHostChar(cp);
  }

  private static boolean bareHostChar(int cp) {
    if (cp < 0x80) {
      return isAsciiAlnum(cp) || cp == '-' || cp == '_';
    }
    if (cjk(cp)) {
      return false;
    }
    int t = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK;
  }

  /** A character of a host label after an explicit scheme: any letter, digit, mark or symbol. */
  static boolean isSchemeHostChar(int cp) {
    if (cp < 0x80) {
      return isAsciiAlnum(cp) || cp == '-' || cp == '_';
    }
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isUnicodePunct(cp)
        || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFF65) {
      return false;
    }
    int t = Character.getType(cp);
    return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
        && t != Character.SURROGATE && t != Character.PRIVATE_USE && t != Character.DASH_PUNCTUATION;
  }

  /** A character that may continue a path, query or fragment. */
  static boolean isPathChar(int cp) {
    if (cp < 0x80) {
      return cp > 0x20 && cp != 0x7F && cp != '<' && cp != '>' && cp != '"' && cp != '`'
          && cp != '\\' && cp != '^';
    }
    if (isCjk(cp) || isUnicodePunct(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return false;
    }
    int t = Character.getType(cp);
    return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
        && t != Character.SURROGATE;
  }
}
