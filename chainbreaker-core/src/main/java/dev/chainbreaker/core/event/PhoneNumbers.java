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
    // Fast path: already canonical E.164 for the common case costs no parse.
    if (isCanonicalChinaMobile(raw)) {
      return raw;
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, defaultRegion);
    } catch (NumberParseException e) {
      throw new IllegalArgumentException("is not a phone number (" + e.getErrorType().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    if (!UTIL.isPossibleNumber(number)) {
      throw new IllegalArgumentException("is not a possible phone number");
    }
    return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
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
