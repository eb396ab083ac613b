package dev.chainbreaker.core.event;

/**
 * Masks card and identity numbers written inside free text (a message's text, a payment's
 * counterparty, a decline reason) before anything else sees it. The named fields ({@code card},
 * {@code idNumber}, {@code account}) are hashed and masked by {@link Sensitive}; a victim's text
 * that quotes a card number ("转到6222020000123456") or a counterparty given as a card number would
 * otherwise reach the log, the store and the analysts' screens raw. Masked at reading, the engine,
 * the store and a replay after a crash all see the same text.
 *
 * <p>A card number is a run of 15 to 19 digits (single spaces or dashes allowed between them) that
 * passes the Luhn check, as issuers' numbers do (UnionPay's are 16 to 19; at 15 and up a phone
 * number written with its country code, 13 digits, is never taken for one); an identity number is 18 characters, 17 digits and
 * a digit or X, whose GB 11643 check character is right. Checksums keep order numbers, amounts and
 * phone numbers readable: a random run passes one by chance only one time in ten or eleven.
 */
public final class FreeText {
  private FreeText() {}

  /** {@code text} with every card and identity number masked; the same instance when there is none. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!isDigit(text.charAt(i)) || (i > 0 && isDigit(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      // a run of digits starting at i, with single separators between digits
      StringBuilder digits = new StringBuilder();
      int end = i;
      int j = i;
      while (j < n) {
        char c = text.charAt(j);
        if (isDigit(c)) {
          digits.append(c);
          end = ++j;
        } else if ((c == ' ' || c == '-') && j + 1 < n && isDigit(text.charAt(j + 1)) && digits.length() > 0) {
          j++;
        } else {
          break;
        }
      }
      boolean idTail = end < n && (text.charAt(end) == 'X' || text.charAt(end) == 'x') && digits.length() == 17;
      String masked = null;
      if (idTail && isIdNumber(digits + "X")) {
        masked = Sensitive.maskMiddle(digits + "X", 4, 4, "");
        end++;
      } else if (digits.length() == 18 && isIdNumber(digits.toString())) {
        masked = Sensitive.maskMiddle(digits.toString(), 4, 4, "");
      } else if (digits.length() >= 15 && digits.length() <= 19 && luhn(digits)) {
        masked = Sensitive.maskCard(digits.toString());
      }
      if (masked != null) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(text, copied, i).append(masked);
        copied = end;
      }
      i = Math.max(end, i + 1);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int k = digits.length() - 1; k >= 0; k--) {
      int d = digits.charAt(k) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  /** An 18-character resident identity number whose last character is its GB 11643 check character. */
  static boolean isIdNumber(String v) {
    if (v.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      char c = v.charAt(k);
      if (!isDigit(c)) {
        return false;
      }
      sum += (c - '0') * ID_WEIGHTS[k];
    }
    return Character.toUpperCase(v.charAt(17)) == ID_CHECK.charAt(sum % 11);
  }
}
