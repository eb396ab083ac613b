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

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
