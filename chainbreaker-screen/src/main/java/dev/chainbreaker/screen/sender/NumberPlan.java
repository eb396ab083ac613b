package dev.chainbreaker.screen.sender;

/**
 * The Chinese numbering ranges of {@link SenderClassifier}, on strings of ASCII digits. Each method
 * states the regular expression it decides; written out by hand because every message's sender goes
 * through them and a regex match costs more than the rest of the classification
 * (NumberPlanTest checks each against its regex).
 */
final class NumberPlan {

  private NumberPlan() {}

  /** {@code 1[3-9]\d{9}}. */
  static boolean isMobile(String d) {
    return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9';
  }

  /** {@code (170|171|162|165|167)\d{8}}: virtual-operator ranges. */
  static boolean isVirtualMobile(String d) {
    return d.length() == 11 && (d.startsWith("170") || d.startsWith("171") || d.startsWith("162")
        || d.startsWith("165") || d.startsWith("167"));
  }

  /** {@code 10[69]\d{5,17}}: A2P ports. */
  static boolean isA2pPort(String d) {
    return d.length() >= 8 && d.length() <= 20 && d.startsWith("10")
        && (d.charAt(2) == '6' || d.charAt(2) == '9');
  }

  /** {@code 1\d{2,4}|9[56]\d{3,5}|12\d{3}|100\d{2,5}|1010\d{4}|11\d{3}}: short codes. */
  static boolean isShortCode(String d) {
    int n = d.length();
    return d.startsWith("1") && n >= 3 && n <= 5
        || (d.startsWith("95") || d.startsWith("96")) && n >= 5 && n <= 7
        || d.startsWith("100") && n >= 5 && n <= 8
        || d.startsWith("1010") && n == 8;
  }

  /** {@code 0[1-9]\d{8,10}|400\d{7}|800\d{7}}: landlines and 400/800 numbers. */
  static boolean isLandline(String d) {
    int n = d.length();
    return d.startsWith("0") && n >= 10 && n <= 12 && d.charAt(1) != '0'
        || (d.startsWith("400") || d.startsWith("800")) && n == 10;
  }

  /**
   * {@code 100\d{2}|12\d{3}|9[56]\d{3,4}|110|11183|12110}: service ranges only institutions hold
   * (100xx, 12xxx, 95xxx, 96xxx, 110).
   */
  static boolean isServiceRange(String d) {
    int n = d.length();
    if (n > 6) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (d.charAt(i) < '0' || d.charAt(i) > '9') {
        return false; // any SenderInfo may be asked, not only the digits classify() gives
      }
    }
    return (d.startsWith("100") || d.startsWith("12")) && n == 5
        || (d.startsWith("95") || d.startsWith("96")) && (n == 5 || n == 6)
        || d.equals("110") || d.equals("11183");
  }
}
