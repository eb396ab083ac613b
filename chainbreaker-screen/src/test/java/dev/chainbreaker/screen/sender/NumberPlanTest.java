package dev.chainbreaker.screen.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each hand-written range check decides exactly the regular expression its comment states. */
class NumberPlanTest {

  private static final String[] PREFIXES = {
    "", "1", "10", "100", "1010", "106", "109", "11", "110", "11183", "12", "12110", "13", "162", "165",
    "167", "170", "171", "19", "2", "0", "00", "01", "09", "400", "800", "9", "95", "96", "97"};

  @Test
  void mobile() {
    agrees("1[3-9]\\d{9}", NumberPlan::isMobile);
  }

  @Test
  void virtualMobile() {
    agrees("(170|171|162|165|167)\\d{8}", NumberPlan::isVirtualMobile);
  }

  @Test
  void a2pPort() {
    agrees("10[69]\\d{5,17}", NumberPlan::isA2pPort);
  }

  @Test
  void shortCode() {
    agrees("1\\d{2,4}|9[56]\\d{3,5}|12\\d{3}|100\\d{2,5}|1010\\d{4}|11\\d{3}", NumberPlan::isShortCode);
  }

  @Test
  void landline() {
    agrees("0[1-9]\\d{8,10}|400\\d{7}|800\\d{7}", NumberPlan::isLandline);
  }

  @Test
  void serviceRange() {
    agrees("100\\d{2}|12\\d{3}|9[56]\\d{3,4}|110|11183|12110", NumberPlan::isServiceRange);
    assertEquals(false, NumberPlan.isServiceRange("1000a"));
    assertEquals(false, NumberPlan.isServiceRange("95 88"));
  }

  /** Random digit strings of every length up to 22, most starting with a prefix of the plan. */
  private static void agrees(String regex, Predicate<String> check) {
    Pattern p = Pattern.compile(regex);
    SplittableRandom r = new SplittableRandom(20261202);
    int matched = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder(PREFIXES[r.nextInt(PREFIXES.length)]);
      int len = r.nextInt(23);
      while (sb.length() < len) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
      String d = sb.toString();
      boolean expected = p.matcher(d).matches();
      assertEquals(expected, check.test(d), () -> regex + " on \"" + d + "\"");
      matched += expected ? 1 : 0;
    }
    assertEquals(true, matched > 100, "the generator must reach the range: " + matched + " matches");
  }
}
