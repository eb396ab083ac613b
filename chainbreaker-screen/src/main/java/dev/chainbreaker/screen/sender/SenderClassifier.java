package dev.chainbreaker.screen.sender;

import java.util.regex.Pattern;

/**
 * Classifies a sender string. Chinese numbering (telecom-antifraud research §2.3): 100xx operator
 * lines, 12xxx government hotlines, 95xxx national enterprise numbers, 96xxx regional service numbers,
 * 106-prefixed A2P ports, 1[3-9] mobiles. libphonenumber models neither 123xx nor 106 ports, so the
 * table is our own. Stateless and thread-safe.
 */
public final class SenderClassifier {

  private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern CN_VIRTUAL = Pattern.compile("(170|171|162|165|167)\\d{8}");
  private static final Pattern SHORT = Pattern.compile("(1\\d{2,4}|9[56]\\d{3,5}|12\\d{3}|100\\d{2,5}|1010\\d{4}|11\\d{3})");
  private static final Pattern A2P = Pattern.compile("10[69]\\d{5,17}");
  private static final Pattern LANDLINE = Pattern.compile("0[1-9]\\d{8,10}|400\\d{7}|800\\d{7}");

  public SenderInfo classify(String sender) {
    if (sender == null || sender.isBlank()) {
      return new SenderInfo(sender, null, SenderType.UNKNOWN);
    }
    String raw = sender.strip();
    if (raw.length() > 256) {
      raw = raw.substring(0, 256);
    }
    if (raw.indexOf('@') > 0) {
      return new SenderInfo(sender, raw.toLowerCase(java.util.Locale.ROOT), SenderType.EMAIL);
    }
    StringBuilder digits = new StringBuilder();
    boolean letters = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (Character.isLetter(c)) {
        letters = true;
      }
    }
    if (letters) {
      return new SenderInfo(sender, raw, SenderType.ALPHANUMERIC);
    }
    if (digits.length() == 0) {
      return new SenderInfo(sender, null, SenderType.UNKNOWN); // punctuation or control characters
    }
    String d = digits.toString();
    boolean plus = raw.startsWith("+") || raw.startsWith("00");
    if (plus) {
      String noIntl = raw.startsWith("00") ? d.substring(2) : d;
      if (noIntl.startsWith("86")) {
        d = noIntl.substring(2);
      } else {
        return new SenderInfo(sender, noIntl, SenderType.INTERNATIONAL);
      }
    } else if (d.length() == 13 && d.startsWith("861")) {
      d = d.substring(2);
    }
    if (CN_MOBILE.matcher(d).matches()) {
      return new SenderInfo(sender, d,
          CN_VIRTUAL.matcher(d).matches() ? SenderType.VIRTUAL_MOBILE : SenderType.MOBILE);
    }
    if (A2P.matcher(d).matches()) {
      return new SenderInfo(sender, d, SenderType.A2P_PORT);
    }
    if (SHORT.matcher(d).matches()) {
      return new SenderInfo(sender, d, SenderType.SHORT_CODE);
    }
    if (LANDLINE.matcher(d).matches()) {
      return new SenderInfo(sender, d, SenderType.LANDLINE);
    }
    // a long digit string that fits no Chinese plan: most likely a foreign number without "+"
    return new SenderInfo(sender, d, d.length() >= 10 ? SenderType.INTERNATIONAL : SenderType.SHORT_CODE);
  }
}
