package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.brand.BrandMention;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the scheme of a message with the category names of the hand-written dev set: for fraud the
 * pretext (social_security, etc_toll, parcel_claim, ...), for spam the kind of advertising, for
 * legitimate messages what they are (otp, bank_notice, ...). Topic keywords decide, and the claimed
 * brand adds its own category. Stateless and thread-safe.
 */
public final class Categorizer {

  private record Topic(String category, FastPattern pattern) {}

  private static Topic t(String category, String regex) {
    return new Topic(category, new FastPattern(regex));
  }

  private static final List<Topic> FRAUD = List.of(
      t("social_security", "社保|社会保险|社会保障|养老(金|保险)|12333|灵活就业|稳岗|\\bsocial security\\b"),
      t("medical_insurance", "医保|医疗保险|医疗保障|医保卡|医保电子凭证|12393|\\b(nhs|medicare|medicaid)\\b"),
      t("tax_refund", "退税|个税|个人所得税|税务|纳税|12366|\\b(tax refund|hmrc|irs|tax)\\b"),
      t("etc_toll", "etc|高速|通行费|车辆|车牌|\\b(toll|tolls|e-?zpass|fastrak|sunpass|txtag|dmv|vehicle)\\b"),
      t("points_redemption", "积分|兑换|里程|\\b(points|rewards|redeem)\\b"),
      t("parcel_claim", "快递|包裹|理赔|丢件|派送|物流|签收|海关|\\b(parcel|package|delivery|redeliver\\w*|shipment|customs|courier)\\b"),
      t("impersonate_police", "公安|警察|警官|派出所|交警|交管|违章|通缉|涉嫌|洗钱|逮捕|检察院|法院|刑侦|经侦|安全账户|\\b(police|arrest|warrant|investigation)\\b"),
      t("task_rebate", "刷单|返利|点赞|兼职|佣金|做任务|垫付|日结|\\b(task|tasks|reviews|part-time|ratings|commission)\\b"),
      t("investment", "投资|炒股|股票|配资|杠杆|理财|收益|导师|虚拟币|比特币|带单|荐股|\\b(invest\\w*|crypto|btc|trading|returns)\\b"),
      t("loan_credit", "贷款|额度|放款|征信|低息|无抵押|信用卡提额|提额|借款|网贷|\\b(loan|credit check|pre-?approved)\\b"),
      t("impersonate_acquaintance", "我是你|我是[^。，,]{1,2}总|班主任|换号|新号码|新号|老同学|领导|借钱|周转|急用|\\b(hi mum|hi mom|hi dad|new number|it's me|from work)\\b"),
      t("prize", "中奖|获奖|幸运|奖品|奖金|[一二三特]等奖|抽中|大奖|\\b(congratulations|won|prize|winner|lucky)\\b"),
      t("malware_link", "下载|安装|apk|相册|照片|视频|查看详情|语音留言|成绩|在校表现|\\b(voicemail|photos?|install|download|apk)\\b"),
      t("impersonate_customer_service", "客服|退款|百万保障|会员|扣费|自动续费|账户异常|\\b(customer service|support|refund|account (locked|suspended)|apple id)\\b"));

  private static final FastPattern GAMBLING = new FastPattern(
      "博彩|彩票|棋牌|娱乐城|首充|彩金|百家乐|赌场|下注|投注|\\b(casino|bet|bets|betting|spins|jackpot|poker)\\b");
  private static final FastPattern ADVERTISING = new FastPattern(
      "优惠|促销|折|特价|回复td|退订|会员日|上新|秒杀|满减|限时|\\b(sale|offer|deal|discount|shop|stop to)\\b");
  private static final FastPattern OTP = new FastPattern(
      "验证码|校验码|动态码|动态密码|随机码|\\b(code|otp|passcode)\\b");
  private static final FastPattern ANTI_FRAUD = new FastPattern(
      "反诈|谨防|诈骗|警惕|\\b(scam|fraud)\\b");
  private static final FastPattern DELIVERY = new FastPattern(
      "快递|取件|驿站|包裹|派送|签收|已出库|已送达|送货|骑手|外卖|\\b(parcel|package|delivery|delivered|courier)\\b");
  /** A public body that is not in the brand registry: the housing fund, the land registry, a weather bureau. */
  private static final FastPattern PUBLIC_BODY = new FastPattern(
      "公积金|不动产登记|出入境|教育局|气象台|气象局|统计局|政务服务|税务局|人社局|市场监管|街道办|居委会|"
          + "\\b(gov\\.uk|dvla|hmrc)\\b");

  /**
   * The category each scheme belongs to, by the reason codes that show it: how a scam works names it
   * better than the brand it borrows ("【拼多多】恭喜您被抽中…" is a prize scam, not customer service).
   */
  private static final Map<String, String> MECHANISM_CATEGORY = mechanismCategories();

  private static Map<String, String> mechanismCategories() {
    Map<String, String> m = new HashMap<>();
    for (String c : List.of("text.prize_claim", "text.prize_then_link")) {
      m.put(c, "prize");
    }
    for (String c : List.of("text.task_rebate", "text.task_pay_in_first", "text.task_then_link")) {
      m.put(c, "task_rebate");
    }
    for (String c : List.of("text.acquaintance_new_number", "text.acquaintance_then_request",
        "text.emergency_then_transfer", "text.superior_transfer", "text.summons", "text.distress_story",
        "text.school_fee_link")) {
      m.put(c, "impersonate_acquaintance");
    }
    for (String c : List.of("text.guaranteed_returns", "text.leveraged_trading", "text.invited_sure_profit",
        "text.ponzi_promise", "text.fixed_high_yield", "text.stranger_then_investment")) {
      m.put(c, "investment");
    }
    for (String c : List.of("text.loan_offer", "text.credit_repair")) {
      m.put(c, "loan_credit");
    }
    // not the app or the screen share: investment, loan and refund scams use them too, and the topic
    // words count them already
    m.put("text.school_report_link", "malware_link");
    m.put("text.tech_support_scam", "impersonate_customer_service");
    for (String c : List.of("text.delivery_failed", "text.delivery_failed_short_link")) {
      m.put(c, "parcel_claim");
    }
    return Map.copyOf(m);
  }

  /** Weight of a scheme shown by the reasons, against 2 per topic word and 3 for the claimed brand's. */
  private static final int MECHANISM_WEIGHT = 4;

  /**
   * Category of a message judged fraud: topic words, the claimed brand's usual category, and the
   * schemes its evidence shows ({@code ev}, may be null).
   */
  public String fraud(String text, List<BrandMention> mentions, Evidence ev) {
    String best = null;
    int bestScore = 0;
    String brandCategory = null;
    for (BrandMention m : mentions) {
      if (m.signature() || brandCategory == null) {
        brandCategory = m.brand().category();
        if (m.signature()) {
          break;
        }
      }
    }
    Set<String> schemes = new HashSet<>();
    if (ev != null) {
      for (Signal s : ev.signals()) {
        String c = s.weight() > 0 ? MECHANISM_CATEGORY.get(s.code()) : null;
        if (c != null) {
          schemes.add(c);
        }
      }
    }
    int[] counts = countTopics(text, 5);
    for (int t = 0; t < FRAUD.size(); t++) {
      Topic topic = FRAUD.get(t);
      int score = counts[t] * 2;
      if (topic.category().equals(brandCategory)) {
        score += 3;
      }
      if (schemes.contains(topic.category())) {
        score += MECHANISM_WEIGHT;
      }
      if (score > bestScore) {
        bestScore = score;
        best = topic.category();
      }
    }
    if (best == null) {
      return brandCategory != null ? brandCategory : "other_fraud";
    }
    return best;
  }

  /** Bit t: the first characters of fraud topic t are known (single pass); else counted alone. */
  private static final int SINGLE_PASS;
  /** Two-level tables by char: topics a match can start with it; those only at a word start. */
  private static final int[][] TOPIC_STARTS = new int[256][];
  private static final int[][] TOPIC_WORD_STARTS = new int[256][];

  static {
    if (FRAUD.size() > 31) {
      throw new IllegalStateException("the single-pass topic count takes at most 31 topics");
    }
    int single = 0;
    for (int t = 0; t < FRAUD.size(); t++) {
      FastPattern p = FRAUD.get(t).pattern();
      if (!p.prefiltered()) {
        continue;
      }
      single |= 1 << t;
      java.util.BitSet first = p.firstChars();
      for (int c = first.nextSetBit(0); c >= 0 && c < 0x10000; c = first.nextSetBit(c + 1)) {
        page(TOPIC_STARTS, TOPIC_WORD_STARTS, c)[c & 0xFF] |= 1 << t;
      }
      java.util.BitSet ws = p.wordStartOnly();
      if (ws != null) {
        for (int c = ws.nextSetBit(0); c >= 0 && c < 0x10000; c = ws.nextSetBit(c + 1)) {
          page(TOPIC_WORD_STARTS, TOPIC_STARTS, c)[c & 0xFF] |= 1 << t;
        }
      }
    }
    SINGLE_PASS = single;
  }

  private static final ThreadLocal<MatcherCache> TOPIC_MATCHERS =
      ThreadLocal.withInitial(() -> new MatcherCache(FRAUD.size()));

  private static int[] page(int[][] table, int[][] twin, int c) {
    if (table[c >>> 8] == null) {
      table[c >>> 8] = new int[256];
    }
    if (twin[c >>> 8] == null) {
      twin[c >>> 8] = new int[256];
    }
    return table[c >>> 8];
  }

  /**
   * For each fraud topic, {@code FastPattern.count(text, max)}: non-overlapping matches, each
   * found as the first position at or after the end of the previous one where the pattern
   * matches. One pass over the text serves every topic.
   */
  private static int[] countTopics(String text, int max) {
    int topics = FRAUD.size();
    int[] counts = new int[topics];
    int[] nextFrom = new int[topics];
    MatcherCache matchers = TOPIC_MATCHERS.get();
    matchers.begin(text);
    int pending = max > 0 ? SINGLE_PASS : 0;
    int n = text.length();
    for (int i = 0; i < n && pending != 0; i++) {
      char c = text.charAt(i);
      int[] page = TOPIC_STARTS[c >>> 8];
      if (page == null) {
        continue;
      }
      int tryMask = page[c & 0xFF] & pending;
      if (tryMask == 0) {
        continue;
      }
      if (i > 0) {
        int wordStart = TOPIC_WORD_STARTS[c >>> 8][c & 0xFF] & tryMask;
        if (wordStart != 0 && FastPattern.isWordChar(text.charAt(i - 1))) {
          tryMask &= ~wordStart;
        }
      }
      while (tryMask != 0) {
        int t = Integer.numberOfTrailingZeros(tryMask);
        tryMask &= tryMask - 1;
        if (i < nextFrom[t]) {
          continue; // inside the previous match of this topic
        }
        java.util.regex.Matcher m = matchers.get(t, FRAUD.get(t).pattern().pattern());
        m.region(i, n);
        if (!m.lookingAt()) {
          continue;
        }
        counts[t]++;
        nextFrom[t] = Math.max(m.end(), i + 1);
        if (counts[t] >= max) {
          pending &= ~(1 << t);
        }
      }
    }
    matchers.end();
    for (int t = 0; t < topics; t++) {
      if ((SINGLE_PASS & (1 << t)) == 0) {
        counts[t] = FRAUD.get(t).pattern().count(text, max);
      }
    }
    return counts;
  }


  /** An opt-out line: bulk senders must carry one, and many notices do too. */
  private static final FastPattern OPT_OUT = new FastPattern(
      "退订|回复?td|回t|拒收|\\b(stop|unsubscribe|opt[- ]out)\\b");
  /** What a sale offers. */
  private static final FastPattern COMMERCIAL = new FastPattern(
      "优惠|促销|折起|[0-9一二三四五六七八九]折|特价|秒杀|满减|限时|大促|抢购|免费领|加盟|招商(?!银行|证券|基金|局)|代办|"
          + "\\b(offer|sale|deal|discount|free|bonus|casino|bet|freemsg|ringtones?|polys|mobile club|t&cs?|ts&cs|tncs)\\b");

  /** Whether the text carries the marks of advertising (opt-out lines, discounts, offers). */
  public boolean looksLikeAdvertising(String text) {
    return OPT_OUT.matchesIn(text) || COMMERCIAL.matchesIn(text) || GAMBLING.matchesIn(text);
  }

  /**
   * The opt-out line the rules for commercial texts require ("回T退订", "拒收请回复R", "reply STOP"):
   * stricter than {@link #OPT_OUT}, since "stop" alone is common in a chat.
   */
  static final FastPattern OPT_OUT_LINE = new FastPattern(
      "退订|回复?td|回t|拒收|\\b((reply|text|txt|send) stop|unsubscribe|opt[- ]out)\\b");
  /**
   * What a sale offers, besides {@link #COMMERCIAL}: a price cut, a coupon, something new. Not a bare
   * amount: bookings and bills with an opt-out line have one.
   */
  private static final FastPattern SALE_TERMS = new FastPattern(
      "满\\d+减|立减|直降|半价|低至|(?<!证)券(?!商)|新品|上新|上市|开业|专享|仅需|高价回收|"
          + "\\b(\\d+% off|half price|voucher|coupon)\\b");

  /**
   * A premium-rate charge stated as UK-style services must ("150p/msg", "£1/min", "31p.msg@150p"), or
   * a keyword to text to a short code ("send CHAT to 86688"): how premium-rate services sign people up.
   */
  private static final FastPattern PREMIUM_CHARGE = new FastPattern(
      "\\b\\d+(\\.\\d+)?p ?(/|per ?|@) ?(msg|min|sms|txt|text|call|wk|week)|£\\d+(\\.\\d+)?/min|\\b\\d+p/m(in|sg)?\\b|"
          + "\\b\\d+p\\.?msg\\b|\\b\\d+p (min|msg|per)\\b|£\\d+(\\.\\d+)? ?(to|per|/) ?(rcv|receive|msg|sms|min|wk|week)\\b|"
          + "\\b(one|1) gbp/sms|\\bstd (ntwk )?chg?s?\\b|\\bntwk chg|\\b(you have been|you've been) (billed|charged) \\d+p\\b|"
          + "\\b(send|txt|text|texting|txting|reply|sms)\\s+(the word\\s+)?[a-z0-9]{2,10}\\s+to\\s+\\d{4,6}\\b");

  /**
   * Whether the text states what it charges per message or minute, or asks to text a keyword to a
   * short code: a premium-rate service selling itself (chat, ringtones, competitions). Not a scam by
   * that alone, since the charge is disclosed, but bulk advertising whatever the model makes of its
   * wording.
   */
  private static boolean chargesPremiumRate(String text) {
    return PREMIUM_CHARGE.matchesIn(text);
  }

  /**
   * Whether the text sells something and carries the opt-out line of a commercial text: bulk
   * advertising whatever the model makes of its wording, since the source's "normal" class holds
   * many such advertisements and the model learnt "退订" as a mark of the normal class.
   */
  private boolean isOptOutOffer(String text) {
    return OPT_OUT_LINE.matchesIn(text) && (COMMERCIAL.matchesIn(text) || SALE_TERMS.matchesIn(text))
        && !looksTransactional(text);
  }

  /**
   * Whether the text is advertising by what it says of itself, whatever the model makes of its
   * wording: a sale with a commercial opt-out line, or a premium-rate service's price or sign-up.
   */
  public boolean isSelfDeclaredAdvertising(String text) {
    return isOptOutOffer(text) || chargesPremiumRate(text);
  }

  /** A notice about the reader's own transaction: a pickup code, a one-time code, a bill, an order. */
  private static final FastPattern TRANSACTION = new FastPattern(
      "取件码|取货码|提货码|验证码|校验码|动态码|账单|应还|运单号|订单号|快递单号|已签收|已发货|"
          + "\\b(verification code|tracking number|order number)\\b");

  /**
   * Whether the text is a notice about the reader's own transaction (a pickup code, a one-time code,
   * a bill: a keyword and a run of four digits) or about a service the reader uses (below), with
   * nothing on sale in it. Such a notice is not advertising, however much its wording resembles the
   * bulk messages in the model's spam class.
   */
  public boolean looksTransactional(String text) {
    if (COMMERCIAL.matchesIn(text) || GAMBLING.matchesIn(text)) {
      return false;
    }
    return TRANSACTION.matchesIn(text) && hasDigitRun(text, 4)
        || SERVICE_NOTICE.matchesIn(text) && !OPT_OUT.matchesIn(text)
        || ServiceNotices.isOwnNotice(text);
  }

  /**
   * A service notice: a water or power cut, a school event or a class fee, a delivery being installed, arrival
   * abroad, a flight. Words ads also use ("送货上门", "放学后辅导") are left out.
   */
  private static final FastPattern SERVICE_NOTICE = new FastPattern(
      "停水|停电|停气|校服费|教辅费|班费|午餐费|管道检修|线路检修|家长会|运动会|送货并安装|安装师傅|已抵达|国际漫游|值机|登机口|无法派送|派送失败|"
          + "\\b(power outage|water (supply )?(interruption|outage)|school (closed|closure)|parents' evening|boarding gate)\\b");

  /** Category of a message judged spam. */
  public String spam(String text) {
    if (GAMBLING.matchesIn(text)) {
      return "gambling";
    }
    if (ADVERTISING.matchesIn(text) || isSelfDeclaredAdvertising(text)) {
      return "advertising";
    }
    return "other_spam";
  }

  /** Category of a message judged legitimate. */
  public String normal(String text, List<BrandMention> mentions, boolean senderIsPersonal) {
    if (OTP.matchesIn(text) && hasDigitRun(text, 4)) {
      return "otp";
    }
    if (ANTI_FRAUD.matchesIn(text)) {
      return "anti_fraud_warning";
    }
    if (!senderIsPersonal) {
      for (BrandMention m : mentions) {
        switch (m.brand().kind()) {
          case "bank", "payment":
            return "bank_notice";
          case "gov", "police", "toll":
            return "gov_notice";
          case "operator":
            return "operator_notice";
          case "courier":
            return "delivery";
          default:
            break;
        }
      }
    }
    if (!senderIsPersonal && PUBLIC_BODY.matchesIn(text)) {
      return "gov_notice";
    }
    if (DELIVERY.matchesIn(text)) {
      return "delivery";
    }
    return senderIsPersonal ? "personal" : "other_ham";
  }

  private static boolean hasDigitRun(String s, int min) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      if (run >= min) {
        return true;
      }
    }
    return false;
  }

}
