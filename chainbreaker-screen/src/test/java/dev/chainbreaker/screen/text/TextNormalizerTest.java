package dev.chainbreaker.screen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Normalisation, its offset map, and the one-for-one fast path against the full path. */
class TextNormalizerTest {

  private final TextNormalizer n = new TextNormalizer();

  private static List<Deobfuscation.Kind> kinds(NormalizedText t) {
    return t.deobfuscations().stream().map(Deobfuscation::kind).toList();
  }

  @Test
  void foldsFullWidthAndKeepsTheOffsetMap() {
    String orig = "网址：ｋａｒｄ１２３３３．ｔｏｐ！";
    NormalizedText t = n.normalize(orig);
    assertEquals("网址:kard12333.top!", t.text());
    int s = t.text().indexOf("kard");
    int e = s + "kard12333.top".length();
    assertEquals("ｋａｒｄ１２３３３．ｔｏｐ", orig.substring(t.originalStart(s), t.originalEnd(e)));
    assertTrue(kinds(t).contains(Deobfuscation.Kind.FULLWIDTH));
  }

  @Test
  void turnsIdeographicAndSpelledDotsIntoDots() {
    assertEquals("a.szxq9.cc", n.normalize("a。szxq9。cc").text());
    assertEquals("a.szxq9.cc", n.normalize("a｡szxq9｡cc").text());
    assertEquals("szxq9.cc", n.normalize("szxq9点cc").text());
    assertEquals("szxq9.cc", n.normalize("szxq9 dot cc").text());
    assertEquals("szxq9.cc", n.normalize("szxq9[.]cc").text());
    assertEquals("szxq9.cc", n.normalize("szxq9(点)cc").text());
    assertTrue(kinds(n.normalize("a。szxq9。cc")).contains(Deobfuscation.Kind.IDEOGRAPHIC_DOT));
    assertTrue(kinds(n.normalize("szxq9点cc")).contains(Deobfuscation.Kind.WORD_DOT));
  }

  @Test
  void collapsesSpacesAroundDots() {
    NormalizedText t = n.normalize("登录 rs-fw7 . top 登记");
    assertEquals("登录 rs-fw7.top 登记", t.text());
    assertTrue(kinds(t).contains(Deobfuscation.Kind.SPACED_DOT));
    assertEquals("a.szxq9.cc", n.normalize("a . szxq9 . cc").text());
    assertEquals("SZXQ9.CC", n.normalize("SZXQ9 . CC").text());
  }

  /**
   * {@code disguised}, inside a Chinese sentence, reads as {@code plain}, the disguise is recorded as
   * {@code kind}, and the span of {@code plain} maps back to exactly {@code disguised}.
   */
  private void assertUndone(String disguised, String plain, Deobfuscation.Kind kind) {
    String orig = "请访问 " + disguised + " 办理";
    NormalizedText t = n.normalize(orig);
    assertEquals("请访问 " + plain + " 办理", t.text());
    assertTrue(kinds(t).contains(kind), kinds(t).toString());
    int s = "请访问 ".length();
    int e = s + plain.length();
    assertEquals(disguised, orig.substring(t.originalStart(s), t.originalEnd(e)));
  }

  @Test
  void undoesDefangedSchemes() {
    assertUndone("hxxps://sb-gov[.]cc", "https://sb-gov.cc", Deobfuscation.Kind.DEFANGED_SCHEME);
    assertEquals("http://a.cc", n.normalize("hXXp://a.cc").text());
    assertEquals("https://a.cc", n.normalize("h**ps://a.cc").text());
    assertEquals("https://a.cc", n.normalize("hxxps[:]//a.cc").text());
    assertEquals("http://a.cc", n.normalize("hxxp[://]a.cc").text());
  }

  @Test
  void leavesWordsThatOnlyLookDefangedAlone() {
    assertEquals("hxxp is not a scheme", n.normalize("hxxp is not a scheme").text());
    assertEquals("shxxp://a.cc", n.normalize("shxxp://a.cc").text());
    assertTrue(n.normalize("hxxp:/a.cc").deobfuscations().isEmpty());
  }

  @Test
  void closesUpHostsWrittenOneCharacterAtATime() {
    assertUndone("s b - g o v . c c", "sb-gov.cc", Deobfuscation.Kind.SPACED_LETTERS);
    assertEquals("visit sbgov.cc now", n.normalize("visit s b g o v . c c now").text());
    assertEquals("访问sbgov.top", n.normalize("访问s　b　g　o　v　.　t　o　p").text());
  }

  @Test
  void leavesSpacedInitialsAndWordsAlone() {
    for (String s : new String[] {"G o o d n i g h t . . .@", "U S A", "a b c.com", "1 2 3 4 5 6 . 7 8",
        "s b g o v . c cc", "I am a boy. O K"}) {
      // (a spaced dot between two characters is still undone, as before: "6 . 7" reads "6.7")
      assertTrue(!kinds(n.normalize(s)).contains(Deobfuscation.Kind.SPACED_LETTERS), s);
    }
  }

  /**
   * A dot spaced on one side only is a sentence end everywhere else, but inside a link's host it is
   * the same disguise as one spaced on both sides (SMS corpora are full of "http://doit. mymoby. tv/").
   */
  @Test
  void readsALinksHostWithADotSpacedOnOneSide() {
    assertUndone("http://doit. mymoby. tv/", "http://doit.mymoby.tv/", Deobfuscation.Kind.SPACED_DOT);
    assertEquals("Goto http://wap.xxxmobilemovieclub.com?n=1", n.normalize("Goto http://wap. xxxmobilemovieclub.com?n=1").text());
    assertEquals("see www.sb-gov.cc/x", n.normalize("see www. sb-gov .cc/x").text());
    assertEquals("HTTPS://a.b.cc:8080", n.normalize("HTTPS://a. b. cc:8080").text());
  }

  @Test
  void aSentenceAfterALinkStaysASentence() {
    for (String s : new String[] {"see http://gotbabes.co.uk. No more", "at https://example.com. then call",
        "at https://example.com. Then.call", "I am done. ok.go", "ftp://a. b.cc", "xhttp://a. b.cc",
        "http://a.cc 好. b.cc", "in town already. That . So dont rush home"}) {
      assertEquals(s, n.normalize(s).text(), s);
    }
  }

  /**
   * A top-level domain split after its first letter is closed up, and the split recorded; initials,
   * mixed case, a suffix no link uses and a word run on after the split stay as they are.
   */
  @Test
  void closesATopLevelDomainSplitByASpace() {
    assertUndone("jf10086.t op", "jf10086.top", Deobfuscation.Kind.SPLIT_SUFFIX);
    assertEquals("Click http://tdbankmobile.cleanbeautytalk.com/tdmobile now",
        n.normalize("Click http://tdbankmobile.cleanbeautytalk.c om/tdmobile now").text());
    assertEquals("SZXQ9.COM 办理", n.normalize("SZXQ9.C OM 办理").text());
    for (String s : new String[] {"Mr J.S mith", "see No.T op", "ver 2.x is out", "in the U.S. on",
        "plan.b ad idea", "jf10086.t open now", "jf10086.t op1", "a.t op"}) {
      assertEquals(s, n.normalize(s).text(), s);
    }
  }

  /**
   * Spaces and symbols put between Chinese characters to split the words a filter looks for
   * ("社★保", "注 销") are taken out and recorded, and the word maps back to the whole written run;
   * phrase punctuation and the dot of a host written in Chinese stay.
   */
  @Test
  void closesUpWordsSplitBySpacesOrSymbols() {
    NormalizedText t = n.normalize("您的社★保账户将被注 销，请登录");
    assertEquals("您的社保账户将被注销,请登录", t.text()); // NFKC reads ， as ,
    assertTrue(kinds(t).contains(Deobfuscation.Kind.INSERTED_SEPARATORS));
    int s = t.text().indexOf("社保");
    assertEquals("社★保", t.original().substring(t.originalStart(s), t.originalEnd(s + 2)));
    assertEquals("社保中心", n.normalize("社 - 保 中 心").text());
    assertEquals("社保中心", n.normalize("社\uD83D\uDE00保中\uD83D\uDE00\uD83D\uDE00心").text()); // emoji
    assertEquals("社\uFFFD保", n.normalize("社\uD83D保").text(), "a lone surrogate is no emoji");
    for (String kept : new String[] {"社保、医保,请知悉", "请登录 社保局.公司 办理", "您好。我是", "A B 社保", "社保 abc 中心"}) {
      assertEquals(kept, n.normalize(kept).text(), kept);
    }
  }

  /**
   * A key word with one character spelt in pinyin ("社bao", "注xiao", "加微xin") is written back in
   * characters and recorded, the character mapping back to the syllable; a syllable that is not the
   * missing character's, an abbreviation in capitals, a host and a word of English are left alone.
   */
  @Test
  void writesBackAKeyWordSpeltInPinyin() {
    NormalizedText t = n.normalize("您的社bao账户将被注xiao，请加微xin处理");
    assertEquals("您的社保账户将被注销,请加微信处理", t.text());
    assertTrue(kinds(t).contains(Deobfuscation.Kind.PINYIN));
    int s = t.text().indexOf("保");
    assertEquals("bao", t.original().substring(t.originalStart(s), t.originalEnd(s + 1)));
    assertEquals("退款已到账", n.normalize("tui款已到账").text());
    assertEquals("转入安全账户", n.normalize("转入安全zhang户").text());
    assertEquals("社保中心", n.normalize("社Bao中心").text());
    for (String kept : new String[] {"社bo中心", "今年TI现场", "请登录 微xin.com 查看", "下载银行app", "社bao1号",
        "bao", "社 bao", "快diy"}) {
      assertEquals(kept, n.normalize(kept).text(), kept);
    }
  }

  /**
   * A right-to-left override shows what follows backwards: "sb\u202Ecc.vog\u202C" is shown, and read by
   * the victim, as "sbgov.cc". The normaliser reads it as shown, and the whole run maps back to itself.
   */
  @Test
  void readsARightToLeftOverrideAsShown() {
    String orig = "请访问 sb\u202Ecc.vog\u202C 办理";
    NormalizedText t = n.normalize(orig);
    assertEquals("请访问 sbgov.cc 办理", t.text());
    assertTrue(kinds(t).contains(Deobfuscation.Kind.REVERSED), kinds(t).toString());
    int s = "请访问 ".length();
    assertEquals("sb\u202Ecc.vog\u202C", orig.substring(t.originalStart(s), t.originalEnd(s + "sbgov.cc".length())));
    // without a closing mark the run ends with the line
    assertEquals("a cba\nxyz", n.normalize("a \u202Eabc\nxyz").text());
    // many overrides: linear, no recursion
    String many = "\u202E".repeat(100_000) + "abc";
    assertEquals("cba", n.normalize(many).text());
  }

  /**
   * RFC 3986 never escapes a letter or digit, and a browser undoes such an escape in a host:
   * "icbc.com.cn.%65vil.top" goes to icbc.com.cn.evil.top. Escapes of anything else stay as written.
   */
  @Test
  void decodesEscapedLettersAndDigitsOnly() {
    assertUndone("icbc.com.cn.%65vil.top", "icbc.com.cn.evil.top", Deobfuscation.Kind.ESCAPED);
    assertEquals("https://a.cc/s?wd=%E4%B8%AD", n.normalize("https://a.cc/s?wd=%E4%B8%AD").text());
    assertEquals("全场50%OFF", n.normalize("全场50%OFF").text());
    assertEquals("增长%41", n.normalize("增长%41").text());
    assertEquals("a.cc/%2F%20", n.normalize("a.cc/%2F%20").text());
  }

  @Test
  void aLongDottedRunIsReadInLinearTime() {
    String run = "http://" + "a. ".repeat(200_000) + "bc";
    long t0 = System.nanoTime();
    n.normalize(run);
    // each dot looks back at most one host name's length (253), not to the start of the run
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @Test
  void aLongSpacedRunIsReadInLinearTime() {
    String run = "a ".repeat(200_000) + "bc";
    long t0 = System.nanoTime();
    assertEquals(run, n.normalize(run).text());
    // quadratic work would take minutes here; linear work takes milliseconds
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertEquals("下午3点30分见", n.normalize("下午3点30分见").text());
    assertEquals("Done. Next time", n.normalize("Done. Next time").text());
    assertEquals("anecdote.com", n.normalize("anecdote.com").text());
    assertTrue(n.normalize("平常的一句话。").deobfuscations().isEmpty());
    assertEquals("办理。请", n.normalize("办理。请").text());
  }

  @Test
  void dropsInvisibleCharactersAndRepairsBrokenInput() {
    NormalizedText t = n.normalize("abc\u200B.com");
    assertEquals("abc.com", t.text());
    assertTrue(kinds(t).contains(Deobfuscation.Kind.INVISIBLE));
    assertEquals("a\uFFFDb", n.normalize("a\uD800b").text());
    assertEquals("a b", n.normalize("a\u0007b").text());
    assertEquals("", n.normalize("").text());
    assertEquals("", n.normalize(null).text());
  }

  /** ASCII, controls, CJK, full-width letters, digits and punctuation, NFKC-changed and format characters, dots, surrogates. */
  private static final String[] PIECES = {
    "a", "Z", "7", " ", ".", "-", "\t", "\n", "\u0001", "\u007F", "\u0085", "社保", "，", "：", "！", "（",
    "\uFF21", "\uFF11", "\uFF0E", "\u3002", "\uFF61", "点", "dot", "[.]", "(点)", "\u200B", "\u00AD", "\u2460",
    "\uFB01", "\u00BD", "\u3000", "\u00A0", "\uD83D\uDE00", "\uD83D", "\uDE00", "cc", "com", "szxq9",
    "hxxps://", "hXXp[:]//", "h", "xx", "p", "s b g o", " . c c", "a b", "http://", "www", ". ", "/", "Tv",
    "\u202E", "\u202C", "%65", "%4", "%E4", ".t", "op", ".c", "om", "jf10086", ".T", "OP", "\u2605", "注", "销", "、"};

  @Test
  void theFastPathAgreesWithTheFullPath() {
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
