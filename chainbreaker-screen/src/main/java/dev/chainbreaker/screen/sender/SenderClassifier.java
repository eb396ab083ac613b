package dev.chainbreaker.screen.sender;

/**
 * Classifies a sender string. Chinese numbering (telecom-antifraud research §2.3): 100xx operator
 * lines, 12xxx government hotlines, 95xxx national enterprise numbers, 96xxx regional service numbers,
 * 106-prefixed A2P ports, 1[3-9] mobiles. libphonenumber models neither 123xx nor 106 ports, so the
 * table is our own, in {@link NumberPlan}. Stateless and thread-safe.
 */
public final class SenderClassifier {

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
    if (NumberPlan.isMobile(d)) {
      return new SenderInfo(sender, d,
          NumberPlan.isVirtualMobile(d) ? SenderType.VIRTUAL_MOBILE : SenderType.MOBILE);
    }
    if (NumberPlan.isA2pPort(d)) {
      return new SenderInfo(sender, d, SenderType.A2P_PORT);
    }
    if (NumberPlan.isShortCode(d)) {
      return new SenderInfo(sender, d, SenderType.SHORT_CODE);
    }
    if (NumberPlan.isLandline(d)) {
      return new SenderInfo(sender, d, SenderType.LANDLINE);
    }
    // a long digit string that fits no Chinese plan: most likely a foreign number without "+"
    return new SenderInfo(sender, d, d.length() >= 10 ? SenderType.INTERNATIONAL : SenderType.SHORT_CODE);
  }
}
