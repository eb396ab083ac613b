package dev.chainbreaker.screen.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.Reason;
import dev.chainbreaker.screen.Screener;
import dev.chainbreaker.screen.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gambling and illegal-goods advertising is spam, not fraud: its risky link and mobile sender are the
 * advertiser's, and a FRAUD verdict would mark the recipient's line as exposed to phishing. A pretext
 * inside such a text still makes it fraud.
 */
class IllegalOffersTest {

  private final Screener screener = Screener.standard();

  private static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  /** No text, screened without a sender, names any of {@code codes}. */
  private void assertNoOffer(List<String> codes, List<String> texts) {
    for (String text : texts) {
      Verdict v = screener.screen(text, null);
      for (String code : codes) {
        assertFalse(codes(v).contains(code), text + " -> " + v);
      }
    }
  }

  /** Each text, from {@code sender}, is SPAM of {@code category} and names {@code code}. */
  private void assertOffer(String code, String category, String sender, List<String> texts) {
    for (String text : texts) {
      Verdict v = screener.screen(text, sender);
      assertEquals(Verdict.Label.SPAM, v.verdict(), text + " -> " + v);
      assertEquals(category, v.category(), text);
      assertTrue(codes(v).contains(code), codes(v).toString());
    }
  }

  @Test
  void aGamblingAdWithASpacedOutLinkIsSpamAndSaysWhy() {
    String text = "金沙娱乐城盛大开业，真人视讯、百家乐任你玩，首存500送500，官网 js777 . top";
    Verdict v = screener.screen(text, "+8617012345678");
    assertEquals(Verdict.Label.SPAM, v.verdict(), v.toString());
    assertEquals("gambling", v.category());
    assertTrue(v.score() < 0.5, v.toString());
    List<String> codes = codes(v);
    assertTrue(codes.contains("text.gambling_promotion"), codes.toString());
    assertTrue(codes.contains("link.obfuscated"), "the link's disguise stays a reason: " + codes);
    Reason why = v.reasons().get(0);
    assertEquals("text.gambling_promotion", why.code(), "what it advertises comes first: " + codes);
    assertEquals("娱乐城", text.substring(why.start(), why.end()));
    assertFalse(why.messageZh().isEmpty());
    // replying "TD" to an illegal sender only confirms that the number is read
    assertTrue(v.advice().stream().noneMatch(a -> a.contains("退订")), v.advice().toString());
    assertTrue(v.advice().stream().anyMatch(a -> a.contains("12321")), v.advice().toString());
  }

  /**
   * A credit-card agent who gets a card issued "without proof of work" forges the application and
   * skims the card; the hand-written one was NORMAL. A news line about people trapped by such agents
   * reports the offer, and one that asks for the reader's account details is a fraud's pretext.
   */
  @Test
  void aCreditCardAgentIsAnIllegalOffer() {
    Verdict v = screener.screen("【信用卡代办】无需工作证明，当天下卡，额度5万起，全国可办，回复1了解详情", null);
    assertEquals(Verdict.Label.SPAM, v.verdict(), v.toString());
    assertTrue(codes(v).contains("text.illegal_offer"), codes(v).toString());
    Verdict news = screener.screen("在收到“代办信用卡”名片和手机短信后落入陷阱中", null);
    assertFalse(codes(news).contains("text.illegal_offer"), news.toString());
    assertNotEquals(Verdict.Label.SPAM, news.verdict(), news.toString());
  }

  /** A gambling site recruits agents (a share of the players' losses, contact on Telegram): gambling too. */
  @Test
  void recruitingSportsBettingAgentsIsAGamblingPromotion() {
    // and a "friend" who won at a card game that pays out, with an invitation code: the same promotion
    assertOffer("text.gambling_promotion", "gambling", "+8617012345678", List.of(
        "诚招球赛代理，高额佣金，日结不拖欠，有意者加飞机 @qs_agent88",
        "哥们，我最近玩的棋牌能提现，昨晚赢了两千，邀请码 8812，下载 qp-777.top"));
    // a legal agency's commission, or a flight, is no gambling word
    assertFalse(codes(screener.screen("我们是票务代理，佣金按单结算，明天的飞机票已出，请查收", null)).contains("text.gambling_promotion"));
  }

  @Test
  void englishCasinoPromotionIsSpam() {
    Verdict v = screener.screen(
        "Claim 150 free spins and a 200% deposit bonus tonight only! Play now at lucky-reels-casino.xyz", null);
    assertEquals(Verdict.Label.SPAM, v.verdict(), v.toString());
    assertEquals("gambling", v.category());
  }

  @Test
  void threeOrdinaryGamblingWordsTogetherAreAPromotion() {
    Verdict v = screener.screen("【XX体育】世界杯竞猜开启，注册即送58元彩金，赔率全网最高，网址 xxty9。cc", null);
    assertEquals(Verdict.Label.SPAM, v.verdict(), v.toString());
    assertTrue(codes(v).contains("text.gambling_promotion"), codes(v).toString());
  }

  @Test
  void aGamblingSiteThatAsksForCardDetailsIsStillFraud() {
    Verdict v = screener.screen(
        "【娱乐城】您的账户返水1888元待领取，请登录 yl88 . top 输入银行卡号和验证码完成提款", "+8617012345678");
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertTrue(codes(v).contains("text.asks_credentials"), codes(v).toString());
  }

  @Test
  void forgedInvoiceAndCardTradingOffersAreSpam() {
    assertOffer("text.illegal_offer", "other_spam", "+8613912345678", List.of(
        "本公司长期代开各类增值税发票，点数低，可先验票后付款，联系 139 1234 5678 李会计",
        "高价收购银行卡、电话卡，一套四件套当天结算，有意加微信 abc_123"));
  }

  @Test
  void wordsThatGamblingSharesWithOrdinaryLifeAreNotAnOffer() {
    assertNoOffer(List.of("text.gambling_promotion", "text.illegal_offer"), List.of(
        "周年庆：黄金每克优惠20元，钻石、彩金、翡翠全场8折，欢迎到店选购，回T退订",
        "I bet you're still asleep, call me when you're up",
        "酒店三楼新开棋牌室和茶室，欢迎入住客人免费使用",
        "家纺换季特卖，纯棉四件套199元，欢迎进店选购",
        "昨天新闻说有人因为网上赌博欠了几十万，太可怕了",
        // a news item about a raid, and a tax office's reminder, name the offer to condemn it
        "新闻：警方捣毁一个网络赌博团伙，涉案百家乐平台流水上亿",
        "代开发票是违法行为，请各商户依法开具发票。【国家税务总局】",
        // the state lotteries are legal: their ads use the shared words only
        "【中国体育彩票】世界杯竞猜型游戏火热销售中，请到附近体彩投注站购买，理性购彩"));
  }

  @Test
  void anAntiFraudWarningAboutGamblingIsNotAdvertising() {
    Verdict v = screener.screen(
        "【反诈中心】提醒：网络赌博、百家乐、时时彩都是诈骗陷阱，谨防上当，如遇可疑情况请拨打96110。", "12110");
    assertNotEquals(Verdict.Label.SPAM, v.verdict(), v.toString());
    assertFalse(codes(v).contains("text.gambling_promotion"), codes(v).toString());
  }

  /**
   * Paid sex advertised with a phone number or a hotel is an illegal offer, not a phishing text; the
   * words it shares with ordinary trades (a barber's home visit, an insurer's "赵小姐") are not.
   */
  @Test
  void aSexServiceAdIsSpamButItsSharedWordsAreNot() {
    assertOffer("text.sex_service_ad", "other_spam", "+8613812345678", List.of(
        "本地美女上门服务，学生妹、少妇任选，包夜800，宾馆酒店均可，电话 138 1234 5678",
        "莞式全套服务，专业技师，环境私密，欢迎来电预约 0769-88886666"));
    assertNoOffer(List.of("text.sex_service_ad"), List.of(
        "阿曼尼婴儿理发，二月二龙抬头理发开始预订中，提供上门服务，欢迎来电",
        "您好！我是中国太平保险公司的业务员赵小姐，如需车险请联系我",
        "足疗按摩店开业，专业技师，全场八折，地址人民路18号",
        "新闻：警方打掉一个组织卖淫团伙，涉案人员以包夜、上门服务为幌子"));
  }
}
