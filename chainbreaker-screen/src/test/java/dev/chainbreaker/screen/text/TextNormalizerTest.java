package dev.chainbreaker.screen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-for-one fast path of {@link TextNormalizer#normalize} gives what the full path gives. */
class TextNormalizerTest {

  /** ASCII, controls, CJK, full-width letters, digits and punctuation, NFKC-changed and format characters, dots, surrogates. */
  private static final String[] PIECES = {
    "a", "Z", "7", " ", ".", "-", "\t", "\n", "\u0001", "\u007F", "\u0085", "社保", "，", "：", "！", "（",
    "\uFF21", "\uFF11", "\uFF0E", "\u3002", "\uFF61", "点", "dot", "[.]", "(点)", "\u200B", "\u00AD", "\u2460",
    "\uFB01", "\u00BD", "\u3000", "\u00A0", "\uD83D\uDE00", "\uD83D", "\uDE00", "cc", "com", "szxq9"};

  @Test
  void theFastPathAgreesWithTheFullPath() {
    TextNormalizer n = new TextNormalizer();
    SplittableRandom r = new SplittableRandom(11);
    int fast = 0;
    for (int t = 0; t < 50_000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 1 + r.nextInt(10); k > 0; k--) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String s = sb.toString();
      NormalizedText a = n.normalize(s);
      NormalizedText b = n.normalizeMapped(s);
      assertEquals(b.text(), a.text(), s);
      assertEquals(b.deobfuscations(), a.deobfuscations(), s);
      for (int i = -1; i <= a.text().length() + 1; i++) {
        assertEquals(b.originalStart(i), a.originalStart(i), s + " start " + i);
        assertEquals(b.originalEnd(i), a.originalEnd(i), s + " end " + i);
      }
      fast += a.isOneForOne() ? 1 : 0;
    }
    assertTrue(fast > 1000, "the fast path must be taken: " + fast);
  }
}
