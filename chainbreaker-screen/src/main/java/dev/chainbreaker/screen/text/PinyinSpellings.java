package dev.chainbreaker.screen.text;

import static dev.chainbreaker.screen.text.Rewrite.rewrite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A key word with one character spelt in pinyin ({@code 社bao}, {@code 注xiao}, {@code 加微xin},
 * {@code tui款}), written back in characters. A filter that looks for 社保 or 注销 misses the word spelt
 * so, and a reader does not; bulk senders and smishers spell words so. Only the words the rules and
 * the brand registry read are known, and only a whole run of letters that is exactly the missing
 * character's syllable is replaced: {@code 银行app} and a host ({@code 微xin.com}) are left alone.
 */
final class PinyinSpellings {

  private PinyinSpellings() {}

  /** The words, space-separated. */
  private static final String WORDS = "社保 医保 注销 冻结 解冻 银行 贷款 征信 退款 退税 退费 理赔 补贴 补助 验证码 账户 账号 密码 "
      + "中奖 领取 刷单 返利 兼职 博彩 赌博 彩金 微信 转账 汇款 安全账户 公安 警察 法院 逮捕 洗钱 快递 包裹 公积金 "
      + "信用卡 额度 提现 充值 手续费 保证金 百家乐";

  /** The syllable of each character of {@link #WORDS}, as "character syllable" pairs. */
  private static final String SYLLABLES = "社 she 保 bao 医 yi 注 zhu 销 xiao 冻 dong 结 jie 解 jie 银 yin 行 hang "
      + "贷 dai 款 kuan 征 zheng 信 xin 退 tui 税 shui 费 fei 理 li 赔 pei 补 bu 贴 tie 助 zhu 验 yan 证 zheng "
      + "码 ma 账 zhang 户 hu 号 hao 密 mi 中 zhong 奖 jiang 领 ling 取 qu 刷 shua 单 dan 返 fan 利 li 兼 jian "
      + "职 zhi 博 bo 彩 cai 赌 du 金 jin 微 wei 转 zhuan 汇 hui 安 an 全 quan 公 gong 警 jing 察 cha 法 fa "
      + "院 yuan 逮 dai 捕 bu 洗 xi 钱 qian 快 kuai 递 di 包 bao 裹 guo 积 ji 用 yong 卡 ka 额 e 度 du 提 ti "
      + "现 xian 充 chong 值 zhi 手 shou 续 xu 百 bai 家 jia 乐 le";

  /** Longest word, in characters. */
  private static final int MAX_WORD = 4;
  /** Longest syllable a run may be (zhuang), shortest two letters: one letter is too often an initial. */
  private static final int MAX_RUN = 6;

  /**
   * Each word with one character spelt out ("社bao") to the character it stands for, keyed by the
   * spelling with the characters around it.
   */
  private static final Map<String, Character> SPELLINGS = spellings();

  private static Map<String, Character> spellings() {
    Map<String, String> syllable = new HashMap<>();
    String[] pairs = SYLLABLES.split(" ");
    for (int k = 0; k + 1 < pairs.length; k += 2) {
      syllable.put(pairs[k], pairs[k + 1]);
    }
    Map<String, Character> out = new HashMap<>();
    for (String word : WORDS.split(" ")) {
      for (int k = 0; k < word.length(); k++) {
        String s = syllable.get(word.substring(k, k + 1));
        if (s == null) {
          throw new IllegalStateException("no syllable for " + word.charAt(k) + " of " + word);
        }
        if (s.length() >= 2) {
          out.put(word.substring(0, k) + s + word.substring(k + 1), word.charAt(k));
        }
      }
    }
    return Map.copyOf(out);
  }

  /** Whether {@link #spellOut} would rewrite anything in {@code in}. One pass. */
  static boolean hidesWord(CharSequence in) {
    for (int i = 0, n = in.length(); i < n; i++) {
      if (isLetter(in.charAt(i)) && spelledAt(in, i) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Writes every spelt-out character of a known word as the character. */
  static MappedBuilder spellOut(MappedBuilder in, List<Deobfuscation> events) {
    return rewrite(in, events, (t, i) -> isLetter(t.charAt(i)) && spelledAt(t, i) != 0 ? runEnd(t, i) : -1,
        (t, i, end, out) -> {
          out.append(spelledAt(t, i), t.startAt(i), t.endAt(end - 1));
          return new Deobfuscation(Deobfuscation.Kind.PINYIN, t.startAt(i), t.endAt(end - 1));
        });
  }

  /**
   * The character the run of letters starting at {@code i} spells, with the Chinese characters around
   * it, or 0. A run that starts or ends a host or a path ("微xin.com") is no spelling.
   */
  private static char spelledAt(CharSequence in, int i) {
    if (i > 0 && (isLetter(in.charAt(i - 1)) || isHostPunctuation(in.charAt(i - 1)))) {
      return 0;
    }
    int j = runEnd(in, i);
    int n = in.length();
    if (j - i < 2 || j - i > MAX_RUN || j < n && (isHostPunctuation(in.charAt(j)) || isDigit(in.charAt(j)))) {
      return 0;
    }
    if (j + 1 < n && in.charAt(j) == ':' && (in.charAt(j + 1) == '/' || isDigit(in.charAt(j + 1)))) {
      return 0; // a scheme or a port
    }
    if (Character.isUpperCase(in.charAt(i + 1))) {
      return 0; // capitals are an abbreviation ("今年TI现场"), not a syllable
    }
    int before = 0;
    while (before < MAX_WORD - 1 && i - before - 1 >= 0 && isIdeograph(in.charAt(i - before - 1))) {
      before++;
    }
    int after = 0;
    while (after < MAX_WORD - 1 && j + after < n && isIdeograph(in.charAt(j + after))) {
      after++;
    }
    if (before + after == 0) {
      return 0;
    }
    StringBuilder run = new StringBuilder(j - i);
    for (int k = i; k < j; k++) {
      run.append(Character.toLowerCase(in.charAt(k)));
    }
    // the longest word first: "安全zhang户" before a two-character word inside it
    for (int len = MAX_WORD - 1; len >= 1; len--) {
      for (int k = Math.min(before, len); k >= 0; k--) {
        int m = len - k;
        if (m > after) {
          continue;
        }
        String key = in.subSequence(i - k, i) + run.toString() + in.subSequence(j, j + m);
        Character c = SPELLINGS.get(key);
        if (c != null) {
          return c;
        }
      }
    }
    return 0;
  }

  private static int runEnd(CharSequence in, int i) {
    int j = i;
    while (j < in.length() && isLetter(in.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Characters that join a run of letters into a host, a path or an address. */
  private static boolean isHostPunctuation(char c) {
    return c == '.' || c == '/' || c == '-' || c == '@' || c == '_';
  }

  private static boolean isIdeograph(char c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF;
  }
}
