package dev.chainbreaker.core.event;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * E.164 normalisation with libphonenumber. National forms are read in the default region (China
 * unless configured), so {@code 13800000001}, {@code +86 138 0000 0001} and {@code +8613800000001}
 * are the same subject.
 */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private final String defaultRegion;

  public PhoneNumbers(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  public static PhoneNumbers china() {
    return new PhoneNumbers("CN");
  }

  /**
   * The E.164 form of {@code raw}.
   *
   * @throws IllegalArgumentException with a readable reason when it is not a phone number
   */
  public String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("is empty");
    }
    if (raw.length() > 40) {
      throw new IllegalArgumentException("is too long to be a phone number");
    }
    for (int i = 0; i < raw.length(); i++) {
      // libphonenumber reads letters as keypad digits (1-800-FLOWERS) or drops them; a subject with
      // a letter in it is a broken integration, not a vanity number
      if (Character.isLetter(raw.charAt(i))) {
        throw new IllegalArgumentException("is not a phone number (it contains a letter)");
      }
    }
    // Fast path: canonical E.164 of a Chinese mobile number in a range already seen costs no parse.
    if (isCanonicalChinaMobile(raw)) {
      int range = mobileRange(raw);
      byte known = MOBILE_RANGES[range];
      if (known == VALID) {
        return raw;
      }
      if (known == INVALID) {
        throw notValid();
      }
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, defaultRegion);
    } catch (NumberParseException e) {
      throw new IllegalArgumentException("is not a phone number (" + e.getErrorType().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    // Valid, not merely possible: "12345" or "+8612000000000" have a possible length but no such
    // numbers exist, and state keyed by them would be state about no one.
    boolean valid = UTIL.isValidNumber(number);
    String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    if (isCanonicalChinaMobile(e164)) {
      MOBILE_RANGES[mobileRange(e164)] = valid ? VALID : INVALID;
    }
    if (!valid) {
      throw notValid();
    }
    return e164;
  }

  private static IllegalArgumentException notValid() {
    return new IllegalArgumentException("is not a valid phone number (no such number range in its country's numbering plan)");
  }

  /**
   * Whether each Chinese mobile range is valid, by the six digits after {@code +861}: 0 not yet
   * known, then {@link #VALID} or {@link #INVALID} as libphonenumber judged the first number seen in
   * it. Its patterns for Chinese mobiles look at no more than the first five digits, and every
   * number of a range has the same length here (11 digits), so one judgement holds for the range.
   * Racy writes are harmless: every writer stores the same value.
   */
  private static final byte[] MOBILE_RANGES = new byte[1_000_000];
  private static final byte VALID = 1;
  private static final byte INVALID = 2;

  private static int mobileRange(String canonical) {
    int r = 0;
    for (int i = 4; i < 10; i++) {
      r = r * 10 + (canonical.charAt(i) - '0');
    }
    return r;
  }

  /**
   * The number as a {@code long} (its E.164 digits): how state is keyed, so that finding a phone
   * among millions costs one probe in a primitive array rather than string comparisons.
   */
  public static long key(String e164) {
    long k = 0;
    for (int i = 0; i < e164.length(); i++) {
      char c = e164.charAt(i);
      if (c >= '0' && c <= '9') {
        k = k * 10 + (c - '0');
      }
    }
    return k;
  }

  private static boolean isCanonicalChinaMobile(String s) {
    if (s.length() != 14 || !s.startsWith("+861")) {
      return false;
    }
    for (int i = 4; i < 14; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return s.charAt(4) >= '3';
  }
}
