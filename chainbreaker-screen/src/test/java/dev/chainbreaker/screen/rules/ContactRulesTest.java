package dev.chainbreaker.screen.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The phone-number search skips positions, never matches: it finds what {@code Matcher.find} finds. */
class ContactRulesTest {

  private static final String[] PIECES = {
    "0", "1", "4", "7", "9", "44", "400", "138", "0871", "12345", "6789", "1234567890", "13812345678",
    "+", "+44 ", "+86", " ", "-", "(", ")", ".", "尾号", "元", "请拨打", "客服", "call ", "a", "，"};

  @Test
  void findsWhatTheRegexFinds() {
    SplittableRandom r = new SplittableRandom(7);
    int found = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 1 + r.nextInt(14); k > 0; k--) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String s = sb.toString();
      List<String> expected = new ArrayList<>();
      Matcher plain = ContactRules.PHONE.matcher(s);
      while (plain.find()) {
        expected.add(plain.start() + ":" + plain.end());
      }
      List<String> got = new ArrayList<>();
      Matcher m = ContactRules.PHONE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
      int from = 0;
      while ((from = ContactRules.findPhone(s, m, from)) >= 0) {
        got.add(m.start() + ":" + m.end());
      }
      assertEquals(expected, got, s);
      found += expected.size();
    }
    assertTrue(found > 1000, "the texts must hold numbers: " + found);
  }
}
