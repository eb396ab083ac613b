package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.text.NormalizedText;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Advertising for what may not be sold: online gambling, paid sex, forged invoices and certificates, bank and
 * SIM cards for resale, leaked exam answers. Such a text often carries the marks of a scam (a link
 * on a cheap TLD, spaced out to slip past filters; a mobile sender; a WeChat or QQ contact), yet it
 * asks the reader for nothing a fraud asks for. Every labelled source calls it spam, and the engine
 * must not take it for a phishing text that exposes the line. So the marks that belong to its
 * advertising are explained by it: they stay as reasons but weigh nothing towards fraud. A pretext
 * (a claimed institution, a request for codes, a "safe account", guaranteed returns, an APK) still
 * counts in full. Stateless and thread-safe.
 */
public final class IllegalOffers {

  /** What was found: the spam category it belongs to and the reason that names it. */
  public record Offer(String category, Signal signal) {}

  /**
   * Words only online gambling uses: one of them and any second gambling word make a promotion
   * (one alone is not enough: "赌博" in a news item, "首存" in a bank's deposit offer).
   */
  private static final String GAMBLING_STRONG_WORDS =
      "百家乐|真人视讯|真人娱乐|真人游戏|返水|时时彩|六合彩|特码|滚球|博彩|网上赌|赌博|真钱|上分下分|龙虎斗|北京赛车|pk10|"
          + "首存|流水\\s*[一二三1-9x]\\s*倍|娱乐城|(体育|赛事|球赛|博彩)[^。，,]{0,4}代理|"
          + "\\b(casino|free spins|bonus bets|sportsbook|wagering|first deposit|deposit bonus|match bonus)\\b";
  /**
   * Words gambling shares with ordinary life ("彩金" in a jeweller's sale, "棋牌" at a hotel, "I bet"
   * in a chat): they count beside a strong one, or three together.
   */
  private static final String GAMBLING_WEAK_WORDS =
      "彩金|棋牌|彩票|投注|下注|赔率|提款|竞猜|首充|捕鱼|体验金|电子游艺|老虎机|(注册|登录|开户)(即|就)?(送|领)|永久网址|"
          // a gambling site's agents are paid a share of what their players lose, and recruited on Telegram
          + "佣金|加飞机|飞机号|(能|可|秒)提现|邀请码|"
          + "\\b(bet|bets|betting|jackpot|poker|slots?|deposit|withdrawals?|telegram)\\b";
  /**
   * Goods and services that are crimes to sell: forged invoices (代开发票), forged certificates (办证),
   * bank and SIM cards for resale (the "两卡" that carry fraud's money and calls), surveillance for
   * hire, exam answers, smuggled cigarettes, and credit-card agents who get a card issued "without
   * proof of work" (false application papers, and the card's fees and limit skimmed).
   */
  private static final String ILLEGAL_OFFERS =
      "代开[^。，,]{0,6}发票|(专|普)票[^。]{0,6}点数|办(理)?各类证件|办证[^。]{0,10}(可查|包过|包真|毕业证|驾驶证|学位证)|"
          + "(毕业证|学位证|驾驶证)[^。]{0,12}(可上网查询|包过|包真)|私家侦探|婚外情调查|寻人查址|"
          + "(出售|收购|高价收)[^。]{0,8}(银行卡|电话卡|手机卡|四件套|对公账户|u盾)|(银行卡|电话卡|手机卡)[^。]{0,4}四件套|"
          + "答案[^。，]{0,4}(提前|发放|保过|包过)|考前保过|香烟批发|"
          + "代办信用卡|信用卡代办|包下卡|(无需|不看|不查)[^。]{0,8}(工作证明|征信|流水)[^。]{0,12}下卡";

  /**
   * Words only an advertisement for paid sex uses: one of them and any second sex-trade word make the
   * offer, the gambling rule again.
   */
  private static final String SEX_STRONG_WORDS =
      "口爆|吹箫|毒龙|援交|楼凤|莞式|包夜|全套服务|美女上门|上门美女|外围女|兼职妹|学生妹|胸推|冰火两重天|"
          + "\\b(escort service|erotic massage|happy ending)\\b";
  /**
   * Words the sex trade shares with ordinary trades (a barber's "上门服务", a bath house's "技师", an
   * insurer's "赵小姐"): they count only beside a strong one, so they are looked for only then (they
   * are common enough to slow the one pass down for every text).
   */
  private static final java.util.regex.Pattern SEX_SHARED_WORDS = java.util.regex.Pattern.compile(
      "做爱|上门服务|按摩|保健|丝袜|制服|嫩模|少妇|技师|小姐|宾馆|酒店|一条龙|性感|清纯|学生|白领|空姐|小时|"
          + "\\b(massage|hotel|incall|outcall)\\b");

  private static final java.util.regex.Pattern STATE_LOTTERY =
      java.util.regex.Pattern.compile("福利彩票|体育彩票|福彩|体彩|\\b(national lottery|powerball|mega millions)\\b");

  private static final FastPattern GAMBLING_STRONG = new FastPattern(GAMBLING_STRONG_WORDS);
  private static final FastPattern GAMBLING_WEAK = new FastPattern(GAMBLING_WEAK_WORDS);
  private static final FastPattern ILLEGAL = new FastPattern(ILLEGAL_OFFERS);
  private static final FastPattern SEX_STRONG = new FastPattern(SEX_STRONG_WORDS);
  private static final FastPattern[] KINDS = {GAMBLING_STRONG, GAMBLING_WEAK, ILLEGAL, SEX_STRONG};
  private static final int STRONG = 0;
  private static final int WEAK = 1;
  private static final int GOODS = 2;
  private static final int SEX = 3;
  /** First matcher slot of each kind in the shared cache. */
  private static final int[] SLOT_BASE = new int[KINDS.length];
  /** Characters any kind's match can start with: the one pass tries the kinds only there. */
  private static final BitSet FIRST = new BitSet();

  static {
    int slots = 0;
    for (int k = 0; k < KINDS.length; k++) {
      if (!KINDS[k].prefiltered()) {
        throw new IllegalStateException("the single pass needs each pattern's first characters");
      }
      SLOT_BASE[k] = slots;
      slots += KINDS[k].subCount();
      FIRST.or(KINDS[k].firstChars());
    }
    SLOTS = slots;
  }

  private static final int SLOTS;
  private static final ThreadLocal<MatcherCache> MATCHERS = ThreadLocal.withInitial(() -> new MatcherCache(SLOTS));

  /**
   * The marks of how such an offer is advertised, which it explains: where its link lives and how it
   * is disguised, who sends it, the hurry and the bonus it dangles, the chat app it moves to.
   */
  private static final Set<String> ADVERTISING_MEANS = Set.of(
      "link.obfuscated", "link.risky_tld", "link.shortener", "link.free_hosting", "link.ip_host",
      "link.idn_host", "sender.personal_risky_link", "sender.virtual_mobile", "sender.alphanumeric_id",
      "text.deadline", "text.money_lure", "text.offchannel_contact", "text.install_app", "text.loan_offer");

  private IllegalOffers() {}

  /**
   * Words that condemn or report such an offer: a news item about a raid, a tax office's notice that
   * forged invoices are a crime. No advertisement uses them.
   */
  private static final java.util.regex.Pattern CONDEMNED = java.util.regex.Pattern.compile(
      "违法行为|违法犯罪|依法|打击|捣毁|抓获|涉案|判处|判刑|团伙|警方|举报|陷阱|上当|受骗|被骗|\\b(illegal|arrested|crackdown|police)\\b");

  /** The offer in {@code lower} (the lower-cased normalised head of {@code nt}), or null. */
  public static Offer find(NormalizedText nt, String lower) {
    Found f = scan(lower);
    if (f == null || CONDEMNED.matcher(lower).find()) {
      return null; // most messages: not one word of any kind; or a text that condemns the offer
    }
    int strong = f.words[STRONG].size();
    int weak = f.words[WEAK].size();
    // the state lotteries (福利彩票, 体育彩票) are legal and advertise with the shared words alone
    boolean stateLottery = strong == 0 && STATE_LOTTERY.matcher(lower).find();
    if (!stateLottery && (strong > 0 && strong + weak >= 2 || weak >= 3)) {
      int k = strong > 0 ? STRONG : WEAK;
      return new Offer("gambling", new Signal("text.gambling_promotion", 0.0,
          "It advertises online gambling, which is illegal to offer",
          "推广网络赌博，属违法广告", nt.originalStart(f.start[k]), nt.originalEnd(f.end[k])));
    }
    if (!f.words[GOODS].isEmpty()) {
      return new Offer("other_spam", new Signal("text.illegal_offer", 0.0,
          "It offers illegal goods or services: forged invoices or certificates, bank or SIM cards, credit cards"
              + " without proof of income, exam answers",
          "兜售违法商品或服务：代开发票、办证、买卖银行卡或电话卡、代办信用卡、考试答案等",
          nt.originalStart(f.start[GOODS]), nt.originalEnd(f.end[GOODS])));
    }
    if (!f.words[SEX].isEmpty() && f.words[SEX].size() + distinct(SEX_SHARED_WORDS, lower) >= 2) {
      return new Offer("other_spam", new Signal("text.sex_service_ad", 0.0,
          "It advertises paid sex, which is illegal to offer", "推广色情服务，属违法广告",
          nt.originalStart(f.start[SEX]), nt.originalEnd(f.end[SEX])));
    }
    return null;
  }

  private static int distinct(java.util.regex.Pattern words, String s) {
    Set<String> found = new HashSet<>();
    java.util.regex.Matcher m = words.matcher(s);
    while (m.find()) {
      found.add(m.group());
    }
    return found.size();
  }

  /** The distinct words of each kind, and where each kind's first word is. */
  private static final class Found {
    @SuppressWarnings("unchecked")
    final Set<String>[] words = new Set[KINDS.length];
    final int[] start = new int[KINDS.length];
    final int[] end = new int[KINDS.length];

    Found() {
      for (int k = 0; k < KINDS.length; k++) {
        words[k] = new HashSet<>();
        start[k] = -1;
        end[k] = -1;
      }
    }
  }

  /** One pass over {@code s} for all the kinds; null when there is no word of any kind. */
  private static Found scan(String s) {
    Found f = null;
    int[] nextFrom = new int[KINDS.length]; // matches of one kind do not overlap: "网上赌博" is one word
    MatcherCache cache = MATCHERS.get();
    cache.begin(s);
    try {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!FIRST.get(c)) {
          continue;
        }
        for (int k = 0; k < KINDS.length; k++) {
          FastPattern p = KINDS[k];
          boolean insideWord = i > 0 && p.wordStartOnly() != null && p.wordStartOnly().get(c)
              && FastPattern.isWordChar(s.charAt(i - 1));
          if (i < nextFrom[k] || !p.firstChars().get(c) || insideWord) {
            continue;
          }
          int end = p.matchAt(s, i, cache, SLOT_BASE[k]);
          if (end < 0) {
            continue;
          }
          nextFrom[k] = Math.max(end, i + 1);
          if (f == null) {
            f = new Found();
          }
          if (f.words[k].add(s.substring(i, end)) && f.start[k] < 0) {
            f.start[k] = i;
            f.end[k] = end;
          }
        }
      }
    } finally {
      cache.end();
    }
    return f;
  }


  /** Adds the offer's reason to {@code ev} and takes the weight off the marks it explains. */
  public static void explain(Offer offer, Evidence ev) {
    ev.add(offer.signal());
    for (String code : ADVERTISING_MEANS) {
      ev.reweigh(code, 0.0);
    }
  }
}
