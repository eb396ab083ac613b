package dev.chainbreaker.screen;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the input (random code points, lone surrogates, control characters, huge texts,
 * link-like fragments glued together), screening returns a well-formed verdict and never throws.
 * A small seeded generator, so a failure reproduces from its seed.
 */
class RobustnessPropertyTest {

  private static final long SEED = 20261201L;
  private static final String[] PIECES = {
    "http://", "https://", "www.", ".cc", ".top", "。", "．", "点", " dot ", "[.]", "(", ")", "【", "】",
    "社保中心", "12333", "@", ":", "/", "?", "#", "%", "xn--", "-", "_", "1.2.3.4", ":8080", "ｋａｒｄ",
    "\u200B", "\uD800", "\uDFFF", "\u0000", "\u0007", "\r\n", "\t", "\u3000", "a", "Z", "9", "∞", "😀",
    "mohrss.gov.cn", "icbc.com.cn.", "..", "...", "a.b.c.d.e.f.g.h", "验证码", "密码", "\u202E",
    "社保局", ".公司", ".中国", "www.工商银行", "𠀀", "百家乐", "娱乐城", "首存", "代开发票", "请汇", "5000元",
    "输入密码时", "将验证码告知"};

  private final Screener screener = Screener.standard();

  @Test
  void randomAndAdversarialStringsNeverCrash() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int i = 0; i < 3000; i++) {
      String text = randomText(rnd, rnd.nextInt(200));
      String sender = rnd.nextInt(4) == 0 ? null : randomText(rnd, rnd.nextInt(20));
      check(text, sender, "seed " + SEED + " case " + i);
    }
  }

  @Test
  void hugeAndDegenerateInputs() {
    StringBuilder mb = new StringBuilder(1 << 20);
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    while (mb.length() < (1 << 20)) {
      mb.append(PIECES[rnd.nextInt(PIECES.length)]);
    }
    check(mb.toString(), "12333", "1 MB of link fragments");
    check("a".repeat(1 << 20), null, "1 MB of one letter");
    check("a.".repeat(1 << 19), null, "1 MB of labels");
    check("\uD800".repeat(100_000), null, "lone surrogates");
    check("", "", "empty");
    check(null, null, "null");
    check("\u0000\u0001\u0002", "\u0000", "control characters");
  }

  private void check(String text, String sender, String what) {
    Verdict v = screener.screen(text, sender);
    assertNotNull(v, what);
    assertNotNull(v.verdict(), what);
    assertNotNull(v.category(), what);
    assertTrue(v.score() >= 0 && v.score() <= 1, what);
    int len = text == null ? 0 : text.length();
    for (Reason r : v.reasons()) {
      assertTrue(r.start() == -1 && r.end() == -1 || 0 <= r.start() && r.start() <= r.end() && r.end() <= len,
          what + ": bad span " + r);
    }
    for (LinkFinding l : v.links()) {
      assertTrue(0 <= l.start() && l.start() < l.end() && l.end() <= len, what + ": bad link " + l);
      assertTrue(text.substring(l.start(), l.end()).equals(l.text()), what + ": link text " + l);
    }
  }

  private static String randomText(SplittableRandom rnd, int parts) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < parts; k++) {
      switch (rnd.nextInt(3)) {
        case 0 -> sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        case 1 -> sb.append((char) rnd.nextInt(0x10000)); // any UTF-16 unit, surrogates included
        default -> sb.appendCodePoint(rnd.nextInt(0x20, 0x3000));
      }
    }
    return sb.toString();
  }
}
