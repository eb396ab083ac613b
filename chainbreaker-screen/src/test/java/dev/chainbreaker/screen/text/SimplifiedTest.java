package dev.chainbreaker.screen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

/** The rules' view of traditional characters: ICU's mapping, one for one, positions kept. */
class SimplifiedTest {

  /**
   * The shipped table is exactly ICU's one-to-one Traditional-Simplified pairs over the CJK blocks the
   * table covers, with the variants read on to their standard form. After an ICU upgrade that changes them, regenerate the table from this loop.
   */
  @Test
  void theTableIsIcusOneToOnePairs() {
    Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
    int pairs = 0;
    for (char c = '\u3400'; c <= '\u9FFF'; c++) {
      if (c > '\u4DBF' && c < '\u4E00') {
        continue;
      }
      String r = icu.transliterate(String.valueOf(c));
      boolean oneToOne = r.length() == 1 && r.charAt(0) != c && !Character.isSurrogate(r.charAt(0));
      pairs += oneToOne ? 1 : 0;
      char expected = variant(oneToOne ? r.charAt(0) : c);
      assertEquals(expected, Simplified.of(c), "U+" + Integer.toHexString(c));
    }
    assertEquals(2906, pairs, "ICU's table changed size: regenerate traditional-simplified.txt");
  }

  /** The standard form of a variant the table also reads ({@code Simplified.VARIANTS}), else {@code c}. */
  private static char variant(char c) {
    int v = Simplified.VARIANTS.indexOf(c);
    return v >= 0 && v % 2 == 0 ? Simplified.VARIANTS.charAt(v + 1) : c;
  }

  @Test
  void readsVariantFormsAsTheStandardOne() {
    assertEquals("请汇到以下账号，贷款", Simplified.of("请汇到以下帐号，貣款"));
    assertEquals("账户", Simplified.of("帳戶"));
  }

  @Test
  void readsTraditionalAsSimplifiedKeepingPositions() {
    String t = "您的社保帳戶將被註銷，請於今日前登錄 a.szxq9.cc 辦理";
    String s = Simplified.of(t);
    assertEquals("您的社保账户将被注销，请于今日前登录 a.szxq9.cc 办理", s);
    assertEquals(t.length(), s.length());
    String plain = "您的社保账户将被注销";
    assertSame(plain, Simplified.of(plain), "a simplified text is returned as it is, without a copy");
  }
}
