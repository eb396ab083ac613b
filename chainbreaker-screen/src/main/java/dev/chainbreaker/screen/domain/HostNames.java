package dev.chainbreaker.screen.domain;

import com.ibm.icu.text.IDNA;
import java.util.Locale;

/**
 * UTS #46 (non-transitional, IDNA2008) host processing with ICU4J. {@code java.net.IDN} is IDNA2003
 * and {@code java.net.URI} rejects or silently drops hostile hosts, so neither is used. STD3 rules are
 * off because real hosts sometimes contain {@code _}.
 */
public final class HostNames {

  private static final IDNA UTS46 = IDNA.getUTS46Instance(
      IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);

  private HostNames() {}

  public static HostName parse(String host) {
    String h = host == null ? "" : host;
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1); // the root dot names the same host
    }
    HostName fast = plainAscii(h);
    if (fast != null) {
      return fast;
    }
    StringBuilder ascii = new StringBuilder(h.length() + 8);
    IDNA.Info info = new IDNA.Info();
    UTS46.nameToASCII(h, ascii, info);
    java.util.Set<IDNA.Error> errors = java.util.EnumSet.noneOf(IDNA.Error.class);
    errors.addAll(info.getErrors());
    // hyphen placement is judged by the link extractor itself ("a---b.com" is a real host)
    errors.remove(IDNA.Error.HYPHEN_3_4);
    errors.remove(IDNA.Error.LEADING_HYPHEN);
    errors.remove(IDNA.Error.TRAILING_HYPHEN);
    boolean valid = errors.isEmpty();
    String asciiForm = valid ? ascii.toString().toLowerCase(Locale.ROOT) : h.toLowerCase(Locale.ROOT);
    StringBuilder uni = new StringBuilder(h.length());
    IDNA.Info uinfo = new IDNA.Info();
    UTS46.nameToUnicode(asciiForm, uni, uinfo);
    String unicodeForm = uinfo.hasErrors() ? asciiForm : uni.toString();
    boolean idn = asciiForm.startsWith("xn--") || asciiForm.contains(".xn--")
        || !isAscii(asciiForm);
    return new HostName(asciiForm, unicodeForm, idn, valid);
  }

  /**
   * Most hosts are plain ASCII letters, digits, '-', '_' and dots, with no punycode label: UTS #46
   * only lower-cases those, so skip ICU (the checks below are the errors it would report).
   */
  private static HostName plainAscii(String h) {
    int n = h.length();
    if (n == 0 || n > 253) {
      return null;
    }
    int labelStart = 0;
    boolean upper = false;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? h.charAt(i) : '.';
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63) {
          return null;
        }
        if (len >= 4 && h.regionMatches(true, labelStart, "xn--", 0, 4)) {
          return null;
        }
        labelStart = i + 1;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return null;
      }
    }
    String lower = upper ? h.toLowerCase(Locale.ROOT) : h;
    return new HostName(lower, lower, false, true);
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
