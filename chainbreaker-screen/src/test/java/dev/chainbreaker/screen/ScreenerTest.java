package dev.chainbreaker.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The acceptance examples of the screening issue. */
class ScreenerTest {

  private final Screener screener = Screener.standard();

  private static List<String> codes(Verdict v) {
    return v.reasons().stream().map(Reason::code).toList();
  }

  /**
   * Screens each text without a sender and asserts its label; when {@code code} is not null, also that
   * the reasons name it ({@code named}) or do not.
   */
  private void assertEach(Verdict.Label label, String code, boolean named, List<String> texts) {
    for (String text : texts) {
      Verdict v = screener.screen(text, null);
      assertEquals(label, v.verdict(), text + " -> " + v);
      if (code != null) {
        assertEquals(named, codes(v).contains(code), code + " in " + text + " -> " + codes(v));
      }
    }
  }

  @Test
  void socialSecuritySmishingFromAMobileIsFraud() {
    String text = "【社保中心】您好，你的社保账户未上传电子审核，请于7月30日前打开 a.szxq9.cc 点击在线办理，过时将被注销账户！";
    Verdict v = screener.screen(text, "+8617100000123");
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertEquals("social_security", v.category());
    assertTrue(v.score() > 0.9, v.toString());
    assertEquals(1, v.links().size());
    LinkFinding link = v.links().get(0);
    assertEquals("a.szxq9.cc", link.text());
    assertEquals("szxq9.cc", link.registrableDomain());
    assertEquals("HIGH", link.risk());
    assertEquals("a.szxq9.cc", text.substring(link.start(), link.end()));
    List<String> codes = codes(v);
    assertTrue(codes.contains("link.unofficial_for_claimed_gov"), codes.toString());
    assertTrue(codes.contains("sender.mobile_claims_institution"), codes.toString());
    assertTrue(codes.contains("text.threatens_cancellation"), codes.toString());
    Reason gov = v.reasons().stream().filter(r -> r.code().equals("link.unofficial_for_claimed_gov"))
        .findFirst().orElseThrow();
    assertEquals("a.szxq9.cc", text.substring(gov.start(), gov.end()));
    assertTrue(gov.message().contains("mohrss.gov.cn"), gov.message());
    assertTrue(!gov.messageZh().isEmpty());
    assertTrue(v.advice().stream().anyMatch(a -> a.contains("12333")), v.advice().toString());
    assertTrue(v.advice().stream().anyMatch(a -> a.contains("96110")), v.advice().toString());
  }

  @Test
  void officialShortCodeWithAnUnofficialLinkIsAFakeBaseStation() {
    Verdict v = screener.screen(
        "【社保中心】您的社保账户未上传电子审核，请点击 p.uukp1.cc 在线办理，过时将被注销账户", "12333");
    assertEquals(Verdict.Label.FRAUD, v.verdict());
    assertEquals("social_security", v.category());
    assertTrue(codes(v).contains("sender.official_code_unofficial_link"), codes(v).toString());
  }

  @Test
  void aHostWrittenInChineseIsJudgedLikeAnyOther() {
    String text = "【社保中心】您的社保卡已停用，请登录 社保局.公司 重新激活";
    Verdict v = screener.screen(text, "+8617100000123");
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertEquals("xn--ruqv51aeuw.xn--55qx5d", v.links().get(0).registrableDomain());
    assertTrue(codes(v).contains("link.unofficial_for_claimed_gov"), codes(v).toString());
    assertTrue(codes(v).contains("link.idn_host"), codes(v).toString());
  }

  @Test
  void genuineNoticesStayNormal() {
    List<String[]> cases = List.of(
        new String[] {"【成都人社】您的社会保障卡已制作完成，请本人携带身份证到锦江区社保卡服务网点领取。咨询电话12333。", "12333"},
        new String[] {"【工商银行】您尾号3821卡11月30日14:20快捷支付支出256.00元，余额3,120.55元。详情见 https://m.icbc.com.cn/notice", "95588"},
        new String[] {"【菜鸟驿站】您的包裹已到小区东门菜鸟驿站，取件码3-2-1056，请于今日18:00前取件。", "1069012345678"},
        new String[] {"我今天去社保局把社保卡办了，工作人员说下个月就能用，你的办了没？", "13812345678"},
        new String[] {"【中国移动】尊敬的客户，您本月话费账单已出，详情请登录 https://www.10086.cn 查询。", "10086"});
    for (String[] c : cases) {
      Verdict v = screener.screen(c[0], c[1]);
      assertEquals(Verdict.Label.NORMAL, v.verdict(), c[0] + " -> " + v);
    }
  }

  /**
   * A review found pickup-code notices labelled SPAM (the model's spam class is bulk messages, and a
   * pickup notice reads like one), and Dianping's own short links taken for a foreign link; later,
   * service notices (a water cut, a parents' meeting, a delivery being installed) judged SPAM alike.
   */
  @Test
  void pickupCodesAndDianpingLinksAreNotices() {
    List<String[]> cases = List.of(
        new String[] {"【菜鸟】您有包裹已到达XX路菜鸟驿站，取件码15-3-2041，营业时间8:00-21:00，请及时取件。", "106900000000"},
        new String[] {"【菜鸟驿站】您的包裹已到站，请凭取件码 8-1-3022 到XX驿站领取，退订回T", null},
        new String[] {"【大众点评】抱歉，预订已满！12月02日 19:00 的位置已满座，若需预约其他时段，请点击 http://dpurl.cn/m/s12345", null},
        // service notices the model's spam class took for bulk advertising
        new String[] {"【XX物业】尊敬的业主，因二次供水管道检修，本周四8:00-14:00小区停水，请提前储水。", null},
        new String[] {"【XX中学】家长您好，下周三下午召开家长会，请准时到校，放学时间不变。", null},
        new String[] {"【XX电器】您订购的洗衣机将于明天14:00-18:00送货并安装，安装师傅会提前电话联系您。", null},
        // "招商" (inviting franchisees) is a sale word, but not inside the bank's own name
        new String[] {"【招商银行】验证码 482913，您正在绑定新设备，请勿告知他人。如非本人操作请致电95555", "95555"});
    for (String[] c : cases) {
      Verdict v = screener.screen(c[0], c[1]);
      assertEquals(Verdict.Label.NORMAL, v.verdict(), c[0] + " -> " + v);
    }
    Verdict fake = screener.screen("【大众点评】您的账户异常，请登录 dpurl-cn.top 验证", null);
    assertEquals(Verdict.Label.FRAUD, fake.verdict(), fake.toString());
  }

  @Test
  void englishSmishingIsJudged() {
    Verdict v = screener.screen(
        "USPS: we could not deliver your parcel. Confirm your address today at usps.com-parcel.k2v.top",
        "+13055550176");
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertEquals("parcel_claim", v.category());
    assertTrue(codes(v).contains("link.lookalike_domain"), codes(v).toString());
  }

  @Test
  void obfuscatedLinksAreReadAndFlagged() {
    String text = "社保局通知：您的社保卡即将停用，请尽快登录 ｋａｒｄ１２３３３．ｔｏｐ 重新认证";
    Verdict v = screener.screen(text, "17120953386");
    assertEquals(Verdict.Label.FRAUD, v.verdict());
    assertEquals("kard12333.top", v.links().get(0).host());
    assertEquals("ｋａｒｄ１２３３３．ｔｏｐ", v.links().get(0).text());
    assertTrue(codes(v).contains("link.obfuscated"), codes(v).toString());
    // a TD Bank phish with its suffix split by a space had been NORMAL with no reason at all
    String split = "Update Message to User,Log on to Verity your login and choose your Existing Questions and "
        + "Answers correctly Click http://tdbankmobile.cleanbeautytalk.c om/tdmobile Internet support team.";
    Verdict s = screener.screen(split, null);
    assertEquals(Verdict.Label.FRAUD, s.verdict(), s.toString());
    assertEquals("cleanbeautytalk.com", s.links().get(0).registrableDomain());
    assertEquals("http://tdbankmobile.cleanbeautytalk.c om/tdmobile", s.links().get(0).text());
    assertTrue(codes(s).contains("link.obfuscated"), codes(s).toString());
    // the same smish with its words split by stars, spaces or dashes had been NORMAL
    for (String sep : new String[] {"★", " ", "-"}) {
      String words = "【社" + sep + "保" + sep + "中" + sep + "心】您的社" + sep + "保账户未上传电子审核，请于7月30日前打开 "
          + "a.szxq9.cc 在线办理，过时将被注" + sep + "销账户";
      Verdict w = screener.screen(words, null);
      assertEquals(Verdict.Label.FRAUD, w.verdict(), words + " -> " + w);
      assertEquals("social_security", w.category(), words);
    }
    // and with a character of its key words spelt in pinyin ("社bao", "注xiao") it had been NORMAL
    Verdict p = screener.screen("【社bao中心】您的社bao账户未上传电子审核，请打开 a.szxq9.cc 在线办理，过时将被注xiao账户", null);
    assertEquals(Verdict.Label.FRAUD, p.verdict(), p.toString());
    assertEquals("social_security", p.category());
    assertTrue(codes(p).contains("link.unofficial_for_claimed_gov"), codes(p).toString());
  }

  /**
   * A review found these judged NORMAL: a defanged scheme hid the whole link from the extractor,
   * and a host spelled one letter at a time was not read as a host at all.
   */
  @Test
  void defangedAndLetterByLetterLinksAreReadAndFlagged() {
    for (String link : new String[] {"hxxps://sb-gov[.]cc", "hXXp://a.szxq9.cc/login", "s b - g o v . c c",
        "http://sb-gov. cc/", "http://www. sb-gov .cc/login", "sb\u202Ecc.vog-\u202C"}) {
      String text = "【社保中心】您的社保账户未上传电子审核，请访问 " + link + " 在线办理，过时将被注销";
      Verdict v = screener.screen(text, null);
      assertEquals(Verdict.Label.FRAUD, v.verdict(), link + " -> " + v);
      assertEquals(1, v.links().size(), v.toString());
      assertEquals(link, v.links().get(0).text());
      assertEquals(link, text.substring(v.links().get(0).start(), v.links().get(0).end()));
      assertTrue(codes(v).contains("link.obfuscated"), codes(v).toString());
    }
  }

  /**
   * Mechanisms the public anti-fraud campaigns rank among the most reported, none with a link: each
   * is FRAUD because of the step that takes the money (a credit-record "repair", a transfer for a boss
   * who cannot take a call, a task that must be paid into, a charge to be cancelled on a number that is
   * not the brand's, a deposit to "unfreeze" a trade, an account alarm or a failed delivery with a link that
   * cannot be checked, an account alarm after which "staff will call you", a friend's sure-profit investment,
   * a relative in sudden trouble who needs money wired at once, a fixed monthly payout with the principal
   * guaranteed back),
   * not because of its topic.
   */
  @Test
  void commonSchemesWithoutALinkAreReadByTheirMechanism() {
    String[][] cases = {
      {"您的个人征信存在逾期记录，我司可协助修复征信，内部渠道快速消除不良记录，详询微信 zx_xiufu88", "text.credit_repair"},
      {"王总：小李，我在开会不方便接电话，你先给这个账户转8万过去，客户急用，开完会我再跟你说。", "text.superior_transfer"},
      {"亲，你参加的刷单任务已完成3单，佣金已到账，第4单为联单任务需垫付5000元，完成后本金佣金一起返还。", "text.task_pay_in_first"},
      {"【抖音】您好，您开通的百万保障服务即将到期自动扣费每月800元，如需取消请联系客服 0571-88886666。", "text.cancel_charge_callback"},
      {"您好，您在我平台购买的游戏装备账号交易因未缴纳保证金已被冻结，请联系客服缴纳保证金解冻。", "text.advance_fee"},
      {"【工商银行】您的账户异常，请登录 https://t.cn/A6xYz1 验证身份", "text.alarm_then_unverified_link"},
      {"Your package could not be delivered. Reschedule: bit.ly/3xYz9Q", "text.delivery_failed_short_link"},
      {"【顺丰速运】您的快递因地址不详派送失败，请点击 t.cn/B7kP2q 重新填写地址", "text.delivery_failed_short_link"},
      {"【医保中心】您的医保卡在外地发生异常消费3,150元，如非本人操作请回复1，稍后将有工作人员致电为您处理", "text.alarm_then_staff_call"},
      {"姐姐，我表哥在平台做风控，知道系统漏洞，稳赚不赔，我带你一起投，先充3000试试水", "text.invited_sure_profit"},
      {"妈，我在学校跟人打架被扣在派出所了，赶快汇3000元到这个同学的卡上，别告诉爸", "text.emergency_then_transfer"},
      {"奶奶，这是借同学的手机发的，我急需交培训资料费，你先转2000块给我吧", "text.emergency_then_transfer"},
      // a colleague's phone as well as a classmate's (it was NORMAL)
      {"老公，我手机没电了，借同事手机给你发的，快给我转2000块交房租，别打电话我在开会", "text.emergency_then_transfer"},
      {"【康养中心】国家支持养老产业，认购养老床位5万元，每月返还利息3000元，三年后本金全退，咨询 0371-1234 5678", "text.ponzi_promise"},
    };
    for (String[] c : cases) {
      Verdict v = screener.screen(c[0], null);
      assertEquals(Verdict.Label.FRAUD, v.verdict(), c[0] + " -> " + v);
      assertTrue(codes(v).contains(c[1]), c[1] + " in " + codes(v));
    }
  }

  /**
   * A bank's savings product quotes a yield and a lender quotes a monthly rate; neither promises a
   * fixed payout on money put in.
   */
  @Test
  void aQuotedYieldOrRateIsNotAPonziPromise() {
    for (String[] c : new String[][] {
        {"【招商银行】朝朝宝7日年化收益率2.1%，随存随取，详询95555", "95555"},
        {"【XX消费金融】您的借款额度已提升至5万元，月息0.6%起，随借随还，详询APP", null}}) {
      Verdict v = screener.screen(c[0], c[1]);
      assertTrue(!codes(v).contains("text.ponzi_promise") && !codes(v).contains("text.fixed_high_yield"),
          c[0] + " -> " + codes(v));
    }
  }

  /** The first advice names what this scheme needs the recipient to do, in the message's language. */
  @Test
  void adviceStartsWithWhatTheSchemeNeedsYouToKnow() {
    Verdict family = screener.screen("妈，我在学校跟人打架被扣在派出所了，赶快汇3000元到这个同学的卡上，别告诉爸", null);
    assertEquals(Verdict.Label.FRAUD, family.verdict(), family.toString());
    assertTrue(family.advice().get(0).contains("原来的号码"), family.advice().toString());
    Verdict police = screener.screen(
        "您好，这里是市公安局，您涉嫌一起洗钱案件，请将资金转入安全账户配合调查，不得告知他人。", null);
    assertEquals(Verdict.Label.FRAUD, police.verdict(), police.toString());
    assertTrue(police.advice().get(0).contains("安全账户"), police.advice().toString());
    Verdict english = screener.screen("Hi Mum, this is my new number, my phone broke. Can you send me £350 for a new one?", null);
    assertEquals(Verdict.Label.FRAUD, english.verdict(), english.toString());
    assertTrue(english.advice().get(0).startsWith("Call them back"), english.advice().toString());
  }

  /** The same words in honest messages: a balance reminder, a busy colleague, an official renewal, a warning. */
  @Test
  void theirWordsAloneAreNotFraud() {
    for (String text : new String[] {
        "【工商银行】尊敬的客户，您的账户余额不足10元，请及时充值，以免影响使用。",
        "我在开会，不方便接电话，晚点回你。",
        "【中国移动】您订购的视频彩铃业务将于下月自动续费，如需取消请致电10086。",
        "这个兼职就是扫码注册，不需要垫付一分钱，每单返利2元。",
        "【中国人民银行】谨防“征信修复”骗局：任何机构都无权删除真实的征信记录，切勿轻信。",
        "您好，您的征信报告有误可通过中国人民银行征信中心官网提出异议申请。",
        "【工商银行】您的账户存在异常交易，如非本人操作请致电95588。",
        "【工商银行】您尾号1234的账户于12月3日消费500元，详情 https://t.cn/A6xYz1",
        "Your package could not be delivered today. We will try again tomorrow.",
        "【顺丰速运】您的大件包裹已到达网点，工作人员会联系您确认上门时间。",
        "周末带你一起玩剧本杀，稳赚不赔的快乐",
        "【华夏银行】温馨提示：在境外刷卡消费时，输入密码时请用手遮挡键盘，回国后建议修改密码。",
        "【工商银行】您尾号1234的信用卡发生一笔异常交易，我行工作人员将致电您核实，请留意95588来电。",
        "Bank of America: a specialist will contact you about your mortgage application this week.",
        "我妈住院了，这周我请假陪护，工作的事回头再说",
        "【中国移动】您的话费余额不足10元，请及时充值，也可拨打10086转1查询。",
        "尊敬的用户，凭身份证到营业厅可免费更换号码卡，无需换号。",
        "尊敬的会员，为保护您的账户安全，请避免将密码透露给他人。如您发现账户异常，请及时拨打会员服务热线4006100666核实。【中国国航】"}) {
      Verdict v = screener.screen(text, null);
      assertEquals(Verdict.Label.NORMAL, v.verdict(), text + " -> " + v);
      for (String combined : new String[] {"text.superior_transfer", "text.task_pay_in_first", "text.cancel_charge_callback",
          "text.alarm_then_unverified_link", "text.delivery_failed_short_link", "text.alarm_then_staff_call",
          "text.invited_sure_profit", "text.emergency_then_transfer"}) {
        assertTrue(!codes(v).contains(combined), text + " -> " + codes(v));
      }
    }
  }

  /**
   * A one-time code that says where to enter it is a delivery, not a request (real bank and app
   * messages were FRAUD because "输入…动态密码" and "身份验证验证码" read as asking for the code);
   * asking to tell or send the code on stays a request, whatever else the text holds.
   */
  @Test
  void aDeliveredCodeToEnterIsNotARequestButOneToPassOnIs() {
    for (String text : new String[] {
        "请在柜台密码键盘上输入短信动态密码：【482913】。【交通银行】",
        "【大众点评】305827（大众点评网身份验证验证码，请完成验证），如非本人操作请忽略。"}) {
      Verdict v = screener.screen(text, null);
      assertEquals(Verdict.Label.NORMAL, v.verdict(), text + " -> " + v);
      assertTrue(!codes(v).contains("text.asks_credentials"), codes(v).toString());
    }
    Verdict pass = screener.screen("【工商银行】您的验证码为 620514，请将验证码告知客服人员以完成退款", null);
    assertEquals(Verdict.Label.FRAUD, pass.verdict(), pass.toString());
    assertTrue(codes(pass).contains("text.asks_credentials"), codes(pass).toString());
  }

  /**
   * A delivery notice gives the courier's own mobile and the day the parcel is expected: neither is
   * a fraudster's line or a deadline (a real EMS notice was FRAUD 0.72 on both). The same courier
   * line offering compensation for a lost parcel stays the scam it is.
   */
  @Test
  void aCouriersMobileAndAnExpectedDayAreNotPressure() {
    String notice = "您好，您的快件1093218216211，预计今日内送达北京市朝阳区建国路88号，请注意查收。"
        + "如您不方便接收，请致电揽投员陈健鹏18911238890联系。关注EMS微信服务号并绑定手机，可在线下单。";
    Verdict v = screener.screen(notice, null);
    assertEquals(Verdict.Label.NORMAL, v.verdict(), v.toString());
    assertTrue(!codes(v).contains("text.unofficial_callback_number") && !codes(v).contains("text.deadline"),
        codes(v).toString());
    Verdict lost = screener.screen("【EMS】您的快件在运输中丢失，请致电快递员18911238890办理理赔，逾期视为放弃赔付。", null);
    assertEquals(Verdict.Label.FRAUD, lost.verdict(), lost.toString());
    assertTrue(codes(lost).contains("text.unofficial_callback_number"), codes(lost).toString());
    assertTrue(codes(screener.screen("您的账户将于今日到期，请立即续费", null)).contains("text.deadline"));
  }

  /**
   * A prize never entered for, or a child's grades, behind a link to an unknown site is the scam;
   * the same words with no link, or with the brand's own link, are not. Leveraged "T+0" trading
   * platforms are fraud by their offer alone; the word leverage in a news line is not.
   */
  @Test
  void luresBehindAnUnknownLinkAndMarginPlatformsAreFraud() {
    for (String text : new String[] {
        "恭喜您被浙江卫视《中国梦想秀》栏目组抽选为场外幸运用户，荣获梦想基金和苹果笔记本电脑。请登录www.mxfcv.com查收,验证码：5188",
        "王家长您好，我们学校对您孩子在校期间的学习进行了考核总结论，请您在我校讯通网址打开接受查看 http://jtee.cn/3f0",
        "沪深A股T+0交易平台，可买涨买跌现买现卖，资金杠杆100倍当天自由存取款，详情登录www.gw6666.com"}) {
      Verdict v = screener.screen(text, null);
      assertEquals(Verdict.Label.FRAUD, v.verdict(), text + " -> " + v);
    }
    assertTrue(codes(screener.screen("王家长您好，您孩子的期中成绩单请查看 http://jtee.cn/3f0", null))
        .contains("text.school_report_link"));
    for (String text : new String[] {
        "王家长您好，本学期期末成绩已发布，请登录学校官方平台查看，如有疑问请联系班主任。",
        "淘宝卖家赠送您彩票1注，恭喜您中奖，请登录 http://cp.taobao.com 我的彩票 查看中奖情况。【淘宝网】",
        "期货的杠杆决定了这是只能个高风险的生意"}) {
      Verdict v = screener.screen(text, null);
      assertTrue(v.verdict() != Verdict.Label.FRAUD, text + " -> " + v);
      assertTrue(!codes(v).contains("text.school_report_link") && !codes(v).contains("text.prize_then_link")
          && !codes(v).contains("text.leveraged_trading"), text + " -> " + codes(v));
    }
  }

  /**
   * A sale with the opt-out line commercial texts must carry, or a premium-rate service's stated
   * price, is advertising whatever the model makes of its wording (it learnt "退订" from a source whose normal class is full of such ads); a
   * booking, a bill or a service change with the same line is a notice.
   */
  @Test
  void aSaleWithAnOptOutLineIsAdvertising() {
    for (String text : new String[] {
        "【优衣库】春季新品上市，会员专享满299减50，活动截止3月20日，详情见优衣库APP。拒收请回复R",
        "【小帮家政】家庭深度保洁3小时199元，油烟机清洗89元，首单立减20元，下单请搜“小帮家政”小程序，回T退订",
        "【天猫】618狂欢提前购，全场满300减40，点击 m.tb.cn/h.5Qx2aZk 查看会场，退订回T"}) {
      Verdict v = screener.screen(text, null);
      assertEquals(Verdict.Label.SPAM, v.verdict(), text + " -> " + v);
      assertEquals("text.advertising", v.reasons().get(0).code(), v.toString());
      assertEquals("advertising", v.category(), text);
    }
    // a premium-rate service stating its price per message or minute is selling itself too
    Verdict chat = screener.screen("I don't know u and u don't know me. Send CHAT to 86688 now and let's find each "
        + "other! Only 150p/Msg rcvd. 18 years or over.", null);
    assertEquals(Verdict.Label.SPAM, chat.verdict(), chat.toString());
    assertEquals("advertising", chat.category());
    Verdict keyword = screener.screen("Ringtone Club: Gr8 new polys direct to your mobile every week! Txt POLY to 87131",
        null);
    assertEquals(Verdict.Label.SPAM, keyword.verdict(), keyword.toString());
    // a chat line on a premium-rate number that states its price is selling itself, not hiding a charge;
    // a prize on such a number is the subscription trap and stays fraud
    Verdict chatLine = screener.screen("Lonely tonight? Live 121 chat with local girls just 60p/min. Call 09094600111 now!"
        + " To stop texts call 08712460000 (nat rate)", null);
    assertEquals(Verdict.Label.SPAM, chatLine.verdict(), chatLine.toString());
    Verdict trap = screener.screen("URGENT! You have won a £900 prize. Call 09050001111 to claim, 150p/msg. Claim code K52",
        null);
    assertEquals(Verdict.Label.FRAUD, trap.verdict(), trap.toString());
    // the other ways UK premium-rate services state their price: a charge to receive, "std chgs", a bill
    assertEach(Verdict.Label.SPAM, null, false, List.of(
        "FreeMsg Hey there, it's been a while and no word back! Fancy some fun? std chgs to send, £1.50 to rcv",
        "Pin-up Pics - you have been billed 150p. PixCo Ltd. PO Box 99 LS1 1AA"));
    for (String text : new String[] {
        "艺龙确认:陈先生1月12日20:50南方航空CZ6127大连周水子-22:20北京首都机场2号航站楼260元 拒收所有短信直接回复TD",
        "【浦发信用卡中心】尊敬的客户，2015年2月1日起单笔交易短信提醒起始金额调整为等值人民币500元。回TD退订",
        "【招商证券】新股发行提示：12月23日发行732889新澳股份17.95元/股上限1万股。仅供参考。回复Q退订。"}) {
      Verdict v = screener.screen(text, null);
      assertEquals(Verdict.Label.NORMAL, v.verdict(), text + " -> " + v);
    }
  }

  /**
   * A lender offering money "if you need it urgently" is advertising a loan, not a relative in need:
   * "急用钱" and "资金周转" count towards the new-number scam only in the writer's own mouth.
   */
  @Test
  void aLenderOfferingCashIsNotARelativeInNeed() {
    Verdict ad = screener.screen("您好，我是恒昌公司的唐婷，我们公司是做个人信用贷款的，如果您需要急用钱可以联系我，"
        + "有资金周转需要也可以找我", null);
    assertTrue(!codes(ad).contains("text.acquaintance_new_number"), codes(ad).toString());
    Verdict kin = screener.screen("妈，我手机掉了，这是我同学的手机，我急用钱，先转5000到这个卡号", null);
    assertTrue(codes(kin).contains("text.acquaintance_new_number"), codes(kin).toString());
    assertEquals(Verdict.Label.FRAUD, kin.verdict(), kin.toString());
  }

  /**
   * The category follows the scheme the evidence shows, not only the brand it borrows: a prize in
   * Pinduoduo's or China Mobile's name is a prize scam, paid likes in Douyin's name a task scam.
   */
  @Test
  void theCategoryFollowsTheScheme() {
    assertEquals("prize", screener.screen("【拼多多】恭喜您被抽中“百亿补贴”免单大奖，领取前需支付个人所得税及手续费268元，"
        + "请联系客服办理。", null).category());
    assertEquals("prize", screener.screen("【中国移动】恭喜您的号码在二十五周年庆活动中获得二等奖，奖金5万元，请点击 yd25zn.cc "
        + "填写领奖信息。", null).category());
    assertEquals("task_rebate", screener.screen("【抖音官方】诚招点赞员，关注主播一次3元，轻松日赚200+，下载任务APP：dyrw。vip",
        null).category());
    assertEquals("social_security", screener.screen("【社保中心】您的社保账户未上传电子审核，请于7月30日前打开 a.szxq9.cc "
        + "在线办理，过时将被注销账户", null).category());
    // a relative in trouble, the boss ("我是张总") and the class teacher collecting fees are people the
    // recipient knows
    for (String text : List.of(
        "妈，我在学校跟同学打架把人打伤了，对方要我赔医药费，你先转到这个账户，别告诉爸",
        "老王，我是张总，明天上午把30万转到这个账户，合同的事我晚点当面跟你说，抓紧办，别声张。户名：刘建国 卡号：6222 0202 1234 5678",
        "各位家长好，我是班主任李老师，下学期教辅资料费每人380元，请转到以下账户：6222 0812 3456 7890，户名：王芳")) {
      Verdict v = screener.screen(text, null);
      assertEquals(Verdict.Label.FRAUD, v.verdict(), text + " -> " + v);
      assertEquals("impersonate_acquaintance", v.category(), text);
    }
  }

  /**
   * A text that misspells the brand it borrows ("PayPaI" with a capital I) names no brand, but its
   * link imitates one: the category and the advice are that brand's, so the victim learns where the
   * real site is.
   */
  @Test
  void aBrandImitatedOnlyByTheLinkIsTheOneBorrowed() {
    Verdict v = screener.screen("PayPaI: Your account has been limited. Verify at paypal-verify-center.top", null);
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertEquals("impersonate_customer_service", v.category());
    assertTrue(v.advice().stream().anyMatch(a -> a.contains("paypal.com")), v.advice().toString());
  }

  /** Notices are filed by who sends them: public bodies outside the brand registry, deliveries, codes. */
  @Test
  void noticesAreFiledByWhatTheyAre() {
    String[][] cases = {
        {"【住房公积金】您的公积金账户于5月10日汇缴入账2,460.00元，账户余额58,314.20元。", "gov_notice"},
        {"【市气象台】市气象台今日10时发布暴雨橙色预警信号，请减少外出，注意防范。", "gov_notice"},
        {"【饿了么】您的订单已送达，祝您用餐愉快！", "delivery"},
        {"【京东】您的订单3178204561已出库，预计明天送达，可在京东APP查看物流详情。", "delivery"},
        {"【中国移动】您本次办理业务的短信随机码为：716384，有效期5分钟。切勿将随机码提供给任何人。", "otp"}};
    for (String[] c : cases) {
      Verdict v = screener.screen(c[0], null);
      assertEquals(Verdict.Label.NORMAL, v.verdict(), v.toString());
      assertEquals(c[1], v.category(), c[0]);
    }
  }

  /**
   * A smish in traditional characters (for Hong Kong, Macau and Taiwan, or to slip past a filter of
   * simplified words) is read by the same brand names and wording rules, and its spans are the text's.
   */
  @Test
  void traditionalCharactersAreReadByTheSameRules() {
    String text = "【工商銀行】您的帳戶存在異常，請立即登錄 icbc-vip.top 驗證身份，否則將凍結";
    Verdict v = screener.screen(text, null);
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertTrue(codes(v).contains("link.unofficial_for_claimed_brand") && codes(v).contains("text.threatens_cancellation"),
        codes(v).toString());
    Reason threat = v.reasons().stream().filter(r -> r.code().equals("text.threatens_cancellation")).findFirst().orElseThrow();
    assertEquals("凍結", text.substring(threat.start(), threat.end()));
  }

  /**
   * A cancelled flight to rebook, with compensation, on a number that is not the airline's is the
   * refund scam (it was NORMAL: the model found the wording ordinary); the airline's own notice,
   * pointing to its app and hotline, is not.
   */
  @Test
  void aCancelledFlightOnAStrangersNumberIsTheRefundScam() {
    Verdict scam = screener.screen("【东方航空】尊敬的旅客，您预订的MU5138航班因机械故障已取消，请致电客服 400-629-8876 "
        + "办理改签或退票，可获300元延误补偿。", null);
    assertEquals(Verdict.Label.FRAUD, scam.verdict(), scam.toString());
    assertTrue(codes(scam).contains("text.flight_change_callback"), codes(scam).toString());
    assertTrue(scam.advice().get(0).contains("航空公司官方"), scam.advice().toString());
    Verdict real = screener.screen("【南方航空】尊敬的旅客，您乘坐的CZ3552航班因天气原因取消，请登录南航APP或致电95539"
        + "办理改签或退票。", null);
    assertEquals(Verdict.Label.NORMAL, real.verdict(), real.toString());
  }

  /** A "wrong number" that turns to crypto is how pig-butchering opens; the same opener about the gym is not. */
  @Test
  void aStrangersOpenerThenAnInvestmentIsPigButchering() {
    Verdict scam = screener.screen("Hey, is this Sarah? We met at the conference last week. I have a great crypto "
        + "opportunity I'd like to share.", null);
    assertEquals(Verdict.Label.FRAUD, scam.verdict(), scam.toString());
    assertEquals("investment", scam.category());
    Verdict friend = screener.screen("Hey, is this Sarah? It's Tom from the gym, are we still on for Saturday?", null);
    assertEquals(Verdict.Label.NORMAL, friend.verdict(), friend.toString());
  }

  /**
   * A failed delivery to sort out at an unknown site is the parcel smish (it was NORMAL with no brand
   * named); the courier's own notice, pointing to its site and hotline, is a notice, not advertising
   * (it was SPAM). Paid likes with a "加V" contact are the task scam (no cue read "一单5元" or "加V").
   */
  @Test
  void deliveryFailuresAndPaidLikesAreReadByWhereTheyLead() {
    Verdict smish = screener.screen("您的快递因地址不详无法派送，请点击 sf-jp.top 更新地址，否则将退回。", null);
    assertEquals(Verdict.Label.FRAUD, smish.verdict(), smish.toString());
    assertEquals("parcel_claim", smish.category());
    Verdict notice = screener.screen("【顺丰速运】您的快件因地址不详无法派送，请登录顺丰官网 www.sf-express.com 或致电95338修改地址。",
        null);
    assertEquals(Verdict.Label.NORMAL, notice.verdict(), notice.toString());
    Verdict likes = screener.screen("兼职招聘：在家用手机点赞，一单5元，日结200+，无需押金，加V：jz88668", null);
    assertEquals(Verdict.Label.FRAUD, likes.verdict(), likes.toString());
    assertEquals("task_rebate", likes.category());
  }

  /** A payment into the "beneficiary account" is banking language, not a stranger's inheritance. */
  @Test
  void aBeneficiaryAccountIsNotAnAdvanceFee() {
    Verdict neft = screener.screen("NEFT Transaction with reference number 456367 for Rs.9000 has been credited to the "
        + "beneficiary account on 5th jan at 3.00PM.", null);
    assertTrue(!codes(neft).contains("text.advance_fee"), codes(neft).toString());
    assertEquals(Verdict.Label.NORMAL, neft.verdict(), neft.toString());
    assertTrue(codes(screener.screen("You are the beneficiary of an unclaimed fund of $4.5M. Reply with your "
        + "bank details.", null)).contains("text.advance_fee"));
  }

  /** Ctrip's own short links (t.ctrip.cn) were taken for a lookalike of ctrip.com; CMB's e95555.cn as foreign. */
  @Test
  void aBrandsOwnShortLinkDomainIsOfficial() {
    Verdict v = screener.screen("【携程】您的订单已出票，行程单配送状态请登录 http://t.ctrip.cn/a8Kq2Z 查询", null);
    assertEquals(Verdict.Label.NORMAL, v.verdict(), v.toString());
    assertTrue(codes(v).contains("link.official"), codes(v).toString());
    // China Merchants Bank's short links (seen in its own texts from 95555 beside cmbchina.com)
    Verdict cmb = screener.screen("您账户1407于10月14日14:43快捷支付扣款人民币40.00。你刷卡我返现 e95555.cn/mm。[招商银行]", null);
    assertEquals(Verdict.Label.NORMAL, cmb.verdict(), cmb.toString());
    assertTrue(codes(cmb).contains("link.official"), codes(cmb).toString());
  }

  /** The ministry's name before an '@', without a scheme: the page would come from the host after it. */
  @Test
  void anOfficialNameBeforeAnAtSignIsFlagged() {
    String text = "【社保中心】您的社保账户未上传电子审核，请登录 www.mohrss.gov.cn@sb-gov.cc 在线办理，过时将被注销";
    Verdict v = screener.screen(text, null);
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertEquals("sb-gov.cc", v.links().get(0).host());
    assertTrue(codes(v).contains("link.userinfo"), codes(v).toString());
  }

  @Test
  void nullAndEmptyInputsGetAVerdict() {
    assertEquals(Verdict.Label.NORMAL, screener.screen("", null).verdict());
    assertEquals(Verdict.Label.NORMAL, screener.screen(null, null).verdict());
  }

  /**
   * Where a scam sits in a long text does not change the verdict: thousands of characters of filler
   * before it once moved it outside the name search and diluted the model (a review found FRAUD at
   * 2,800 characters of filler and NORMAL from 4,000 on). The spans still point into the original text.
   */
  @Test
  void aScamAfterLongFillerIsStillFraudWithSpansIntoTheWholeText() {
    String scam = "【社保中心】您好，你的社保账户未上传电子审核，请于7月30日前打开 a.szxq9.cc 点击在线办理，过时将被注销账户！";
    for (int n : new int[] {0, 1000, 3000, 16000}) {
      String text = "正常内容".repeat(n) + scam;
      Verdict v = screener.screen(text, "+8617100000123");
      assertEquals(Verdict.Label.FRAUD, v.verdict(), n + " fillers: " + v);
      LinkFinding link = v.links().stream().filter(l -> l.text().equals("a.szxq9.cc")).findFirst().orElseThrow();
      assertEquals("a.szxq9.cc", text.substring(link.start(), link.end()), n + " fillers");
      assertTrue(codes(v).contains("link.unofficial_for_claimed_gov"), n + " fillers: " + codes(v));
    }
    // and a long ordinary text stays ordinary
    String letter = "今天天气很好，我们下午去公园散步，晚上一起吃饭。".repeat(400);
    assertEquals(Verdict.Label.NORMAL, screener.screen(letter, "+8613800000001").verdict());
  }

  /**
   * The model learnt English from personal chat (ham) and formal scams (fraud), so alone it called a
   * balance alert and appointment reminders fraud. A notice about the reader's own affairs that asks for
   * nothing is NORMAL (and not advertising); the same words with a lure, a demand or an unknown link
   * are left to the other rules.
   */
  @Test
  void englishNoticesAboutTheReadersOwnAffairsAreNotFraudOnTheModelsWordAlone() {
    assertEach(Verdict.Label.NORMAL, "text.own_service_notice", true, List.of(
        "Wells Fargo: Your account balance is $1,203.44 as of 12/01. Reply HELP for help, STOP to cancel.",
        "Reminder: you have a dental appointment with Dr. Smith on Tue 12/8 at 10:30am. Call 555-201-3344 to reschedule.",
        "Hi, this is Dr. Lee's office confirming your appointment tomorrow at 3pm. Reply C to confirm or call 555-0100.",
        "Your appointment at Jiffy Lube is confirmed for Sat 9am. Call 555-3321 with questions."));
    // with an opt-out line the model's spam class took it for an advertisement
    assertEach(Verdict.Label.NORMAL, null, false,
        List.of("Your prescription is ready at Walgreens, 45 Oak Ave. Pick up by 12/10. Reply STOP to opt out."));
    assertEach(Verdict.Label.FRAUD, "text.own_service_notice", false, List.of(
        "Reminder: your appointment with Dr. Smith is tomorrow at 10am. Your insurance is on hold, verify your"
            + " details at drsmith-portal.top",
        "Your appointment is confirmed. Congratulations, you have won a $500 gift card! Call 0800 123 4567 to claim",
        "Your bill of $82.13 is due on 12/15. Pay now at pay-bill-online.xyz to avoid disconnection",
        "Your package is ready for pickup. Log in to confirm your identity at parcel-collect.top"));
  }

  /**
   * An opt-out line ("Reply STOP to opt out") is what advertisers must add; with nothing but the
   * model's reading of the wording against it, such a text is advertising, not fraud. A bad link or a
   * lure still makes it fraud.
   */
  @Test
  void aTextThatSignsOffAsACommercialSenderIsAtWorstAdvertising() {
    Verdict v = screener.screen("Your business listing on Google Maps is incomplete. Call our listing team at"
        + " 555-0116 to reach page 1, guaranteed. Reply STOP to opt out.", null);
    assertEquals(Verdict.Label.SPAM, v.verdict(), v.toString());
    assertTrue(codes(v).contains("text.commercial_opt_out"), codes(v).toString());
    assertEach(Verdict.Label.FRAUD, null, false, List.of(
        "Your SAM registration has been received! Click here to complete the process http:/rghst.us/xRI2284"
            + " Reply STOP 2 opt out of future texts",
        "Congratulations! You have won a $1,000 gift card. Claim at gift-win.top/claim Reply STOP to opt out"));
  }

  /**
   * The tech-support scam: a device "infected" to be fixed on a number, an app or a site. A signature
   * may carry a department ("Microsoft Security:"), and the call word may stand further back in the
   * number's sentence ("Call our support team now at…"). A person telling a friend their own phone has
   * a virus is not it.
   */
  @Test
  void anInfectedDeviceToFixOnAStrangersNumberIsATechSupportScam() {
    Verdict v = screener.screen(
        "Microsoft Security: Your computer has been infected. Call our support team now at 1-844-555-0177.", null);
    assertEquals(Verdict.Label.FRAUD, v.verdict(), v.toString());
    assertTrue(codes(v).containsAll(List.of("text.device_infected", "text.tech_support_scam",
        "text.unofficial_callback_number")), codes(v).toString());
    assertEquals("impersonate_customer_service", v.category());
    assertTrue(v.advice().get(0).contains("virus"), v.advice().toString());
    Verdict zh = screener.screen("检测到您的手机感染木马病毒，请立即下载安全助手 aq-helper.top/app 清除", null);
    assertEquals(Verdict.Label.FRAUD, zh.verdict(), zh.toString());
    assertTrue(codes(zh).contains("text.tech_support_scam"), codes(zh).toString());
    assertEach(Verdict.Label.NORMAL, "text.device_infected", false,
        List.of("我手机中毒了，把数据卡格掉什么都没了", "我以为你手机中毒了。"));
  }

  /**
   * The power grids were not in the brand registry, so a fake State Grid arrears notice with a link or
   * a number of its own was NORMAL; a power cut threatened unless paid counts as a threat. The grid's
   * own bill, paid in its own app, stays NORMAL.
   */
  @Test
  void aFakePowerBillIsFraudAndTheGridsOwnIsNot() {
    Verdict link = screener.screen("【国家电网】您的电费已欠费，将于今日停电，请点击 95598-pay.cc 缴费", null);
    assertEquals(Verdict.Label.FRAUD, link.verdict(), link.toString());
    assertTrue(codes(link).contains("link.unofficial_for_claimed_brand"), codes(link).toString());
    Verdict call = screener.screen("【国家电网】您的电费已欠费，请拨打 0571-66778899 缴费，否则今日停电", null);
    assertEquals(Verdict.Label.FRAUD, call.verdict(), call.toString());
    assertTrue(codes(call).containsAll(List.of("text.unofficial_callback_number", "text.threatens_cancellation")),
        codes(call).toString());
    for (String text : List.of(
        "【国家电网】您户号尾号6031的电费账单已生成，本期电费186.42元，请于月底前缴纳，可通过网上国网APP缴费。",
        "【国家电网】您的电费已欠费，请通过网上国网APP缴费，否则将按规定停电。",
        "【南方电网】您好，您户号尾号2210本月电费98.20元已扣款成功，详询95598。")) {
      Verdict v = screener.screen(text, "95598");
      assertEquals(Verdict.Label.NORMAL, v.verdict(), text + " -> " + v);
    }
  }

  /**
   * A shop's support desk named in the text ("call Amazon support at…", "我是京东客服") is the identity
   * the text borrows, so its number is checked against the shop's own; and a refund or a claim payout
   * arranged on a number that is not the institution's is the refund scam (the insurer's maturity-payout
   * scam was NORMAL). The institution's own hotline, or a shop merely mentioned, stays NORMAL.
   */
  @Test
  void aRefundOnANumberThatIsNotTheInstitutionsOwnIsFraud() {
    assertEach(Verdict.Label.FRAUD, "text.unofficial_callback_number", true, List.of(
        "Your order #5521 has been shipped. If you did not place this order call Amazon support at 1-888-555-0147",
        "您好，我是京东客服，您的订单异常，请拨打 0571-88776655 处理退款",
        "【淘宝】您购买的商品存在质量问题，请联系淘宝客服 17712345678 办理退款",
        "【中国人寿】尊敬的客户，您的保单已到期，满期金28000元待领取，请联系理赔专员 13612345678 办理。"));
    Verdict insurer = screener.screen("【中国人寿】尊敬的客户，您的保单已到期，满期金28000元待领取，请联系理赔专员 13612345678 办理。", null);
    assertTrue(codes(insurer).contains("text.refund_callback"), codes(insurer).toString());
    assertTrue(insurer.advice().get(0).contains("官方热线"), insurer.advice().toString());
    assertEach(Verdict.Label.NORMAL, "text.refund_callback", false, List.of(
        "【中国人寿】尊敬的客户，您的理赔申请已受理，如有疑问请致电95519。",
        "【京东】您的退款已原路退回，预计1-3个工作日到账，详询京东客服95118。",
        "I called Amazon support at 1-888-280-4331 and they fixed my order",
        // a payout already made may name the agent's or the shop's own mobile for questions
        "【中国平安】您的理赔款3000元已到账，如有疑问请联系您的专属客户经理 13812345678",
        "【中国人寿】尊敬的客户，您的理赔款已支付至尾号1234的银行卡，如有疑问请联系业务员李明 13900001111",
        "【京东】您申请的退款已完成，如有疑问请联系商家客服 0571-88887777",
        "【京东】您申请的退款已成功退回原支付账户，如有疑问请联系商家客服 0571-88887777",
        "您在淘宝购买的商品已发货，如有问题请联系淘宝客服。"));
  }

  /**
   * A brand's name written with look-alike characters (Amaz0n, Greek capitals) is claimed as the brand
   * all the same, so the number or link it gives is checked against the brand's own, and the disguise
   * is named; a host inside a link is left to the link rules, and the plain name to the name search.
   */
  @Test
  void aBrandNameWrittenWithLookAlikeCharactersIsClaimedAndNamed() {
    assertEach(Verdict.Label.FRAUD, "text.disguised_brand_name", true, List.of(
        "Amaz0n: your account is locked. Call 1-888-555-0199 now to restore access",
        "\u039detflix: your payment failed, call 0800 123 4567 to keep your membership"));
    Verdict amazon = screener.screen("Amaz0n: your account is locked. Call 1-888-555-0199 now to restore access", null);
    assertTrue(codes(amazon).contains("text.unofficial_callback_number"), codes(amazon).toString());
    Reason named = amazon.reasons().stream().filter(r -> r.code().equals("text.disguised_brand_name")).findFirst()
        .orElseThrow();
    assertEquals(0, named.start());
    assertEquals(6, named.end());
    assertTrue(named.messageZh().contains("亚马逊"), named.messageZh());
    assertEach(Verdict.Label.FRAUD, "text.disguised_brand_name", false, List.of(
        "Netflix: your payment failed, update at netf1ix-billing.com"));
    assertEach(Verdict.Label.NORMAL, "text.disguised_brand_name", false, List.of(
        "Your PayPal receipt: you sent 20 USD to John", "PAYPAL: you sent 20 USD to John"));
  }

  /**
   * Four ways a takeover begins that the model, trained on other wording, calls ordinary: a card
   * "restricted" until a number that is not the institution's is called; a code to be read out to the
   * "verifier" who will call; a charge to cancel on a stranger's number, the number after the charge;
   * private photos behind an unknown link. A security reminder that names its own member hotline, and
   * the institution's real hotline, stay NORMAL.
   */
  @Test
  void alarmsCodesChargesAndPhotosThatLeadToTheFraudsterAreFraud() {
    assertEach(Verdict.Label.FRAUD, "text.alarm_then_callback", true, List.of(
        "您的社保卡金融功能已被限制，可能影响医保结算，请速拨打社保服务专线 400-829-6613 解除限制。",
        "Amazon: your account has been locked. Call 1-888-555-0199 now to restore access"));
    assertEach(Verdict.Label.FRAUD, "text.asks_credentials", true, List.of(
        "【国家医疗保障局】您的医保账户需重新绑定银行卡，核验专员稍后来电，届时请将收到的验证码读给专员。"));
    assertEach(Verdict.Label.FRAUD, "text.cancel_charge_callback", true, List.of(
        "【抖音】您已开通直播会员，每月将从绑定的银行卡扣费800元，如非本人操作请致电客服 400-615-9327 取消。"));
    assertEach(Verdict.Label.FRAUD, "text.curiosity_then_link", true, List.of(
        "有人给你发了一组私密照片，点击查看：ks-xc.top/p/8x2 （仅限本人查看）"));
    assertEach(Verdict.Label.NORMAL, "text.alarm_then_callback", false, List.of(
        "尊敬的会员，卡号和密码是您账户管理的核心凭据，请避免将密码透露给他人。如您发现账户异常，请及时拨打会员服务热线4006100666核实。【中国国航】",
        "【工商银行】您尾号1234的银行卡已被冻结，如有疑问请致电95588。"));
  }

  /**
   * Public bodies do not advertise: a notice signed by one that links only to official sites is not
   * spam, though its words ("详情请查看", "咨询") are the spam model's. A shop's sale on its own site is.
   */
  @Test
  void aSignedGovernmentNoticeWithOnlyOfficialLinksIsNotSpam() {
    assertEach(Verdict.Label.NORMAL, null, false, List.of(
        "【广东人社】2026年灵活就业人员社保缴费基数已公布，详情请查看 https://hrss.gd.gov.cn ，也可拨打12333咨询。"));
    assertEach(Verdict.Label.SPAM, null, false, List.of(
        "【淘宝】双11狂欢节，全场5折起，限时秒杀，详情 https://www.taobao.com 回TD退订"));
  }

  /**
   * A teacher's name borrowed to collect a class fee through an unknown link is fraud, filed with the
   * impersonation of acquaintances and advised to check with the teacher; the school's own fee notice,
   * without such a link, is not.
   */
  @Test
  void aSchoolFeeCollectedThroughAnUnknownLinkIsFraud() {
    String text = "家长们好，我是三年级二班班主任王老师，本学期班费每人200元，请今晚8点前扫码缴纳：bf-pay.top/q7";
    assertEach(Verdict.Label.FRAUD, "text.school_fee_link", true, List.of(text));
    Verdict v = screener.screen(text, null);
    assertEquals("impersonate_acquaintance", v.category());
    assertTrue(v.advice().get(0).contains("官方缴费平台"), v.advice().toString());
    assertEach(Verdict.Label.NORMAL, "text.school_fee_link", false, List.of(
        "【实验小学】家长您好，本学期校服费180元，请于周五前通过学校缴费平台缴纳，如有疑问请联系班主任。"));
  }

  /**
   * Easy paid work to sign up for through a throwaway link (a cheap TLD, a shortener) is the task scam's
   * first step; a shop's cash-back on its own unknown .com is advertising.
   */
  @Test
  void easyPaidWorkBehindAThrowawayLinkIsFraud() {
    String text = "在家就能做！手机打字员，日结200-400元，无需经验，报名点击 dzy7.cc/j/9k";
    assertEach(Verdict.Label.FRAUD, "text.task_then_link", true, List.of(text));
    assertEquals("task_rebate", screener.screen(text, null).category());
    assertEach(Verdict.Label.SPAM, "text.task_then_link", false, List.of(
        "310元优惠券的诱惑你能拒绝吗？ www.m18.com/sp/1840 现在购买更有最高180元返利等你拿！【M18．com】"));
  }

  /**
   * European and Commonwealth couriers (and 1号店) are in the registry, so their own link is official and
   * a look-alike is not; a surgery's reminder that a vaccination is due asks for nothing and is not fraud.
   */
  @Test
  void courierTrackingOnItsOwnSiteAndAVaccinationReminderAreNormal() {
    assertEach(Verdict.Label.NORMAL, null, false, List.of(
        "DPD: Hi Ana, your parcel will be delivered today between 10:05 - 11:05 by Tom. Track or change at dpd.co.uk",
        "NHS: You are due your shingles vaccination. Please call your GP practice on 01632 960 112 to book an"
            + " appointment."));
    assertEach(Verdict.Label.FRAUD, "link.unofficial_for_claimed_brand", true, List.of(
        "DPD: your parcel could not be delivered. Reschedule at dpd-redelivery.top within 24 hours"));
    // 1号店's own short domain is no look-alike of Tmall
    Verdict yhd = screener.screen("【1号商城】新疆阿克苏苹果5斤装仅售29.9元，今晚截止，抢购入口 t.1mall.com", null);
    assertTrue(codes(yhd).contains("link.official"), codes(yhd).toString());
    assertFalse(codes(yhd).contains("link.lookalike_domain"), codes(yhd).toString());
  }

  /**
   * "不要告诉其他亲戚" is a relative in trouble asking for silence, not an anti-fraud warning; "验证码不要告诉
   * 任何人" still is one.
   */
  @Test
  void askingARelativeToTellNoOneIsSecrecyNotAWarning() {
    Verdict v = screener.screen("舅舅，我是你外甥，我开车撞伤了人，对方要三万医药费才肯私了，你先借我，千万不要告诉其他亲戚，我爸妈身体不好。",
        null);
    assertTrue(codes(v).contains("text.secrecy"), codes(v).toString());
    assertFalse(codes(v).contains("text.anti_fraud_warning"), codes(v).toString());
    Verdict otp = screener.screen("【招商银行】验证码482913，用于登录验证，验证码不要告诉任何人。", "95555");
    assertTrue(codes(otp).contains("text.anti_fraud_warning"), codes(otp).toString());
    assertEquals(Verdict.Label.NORMAL, otp.verdict());
  }

  /**
   * A transfer to "the account below" or "my card" is asked for however many words stand between the
   * verb and the account ("汇3000元人民币到以下帐号"), and a landlord's new card for the rent is the
   * account-change scam.
   */
  @Test
  void aTransferToTheAccountBelowIsATransferRequest() {
    for (String text : List.of("麻烦帮忙汇3000元人民币到以下帐号：6217000010001234567 张伟，建设银行。谢谢",
        "以后房租直接打到我这个卡上就行，农行 6228480000000000000 王芳")) {
      assertTrue(codes(screener.screen(text, null)).contains("text.transfer_request"), text);
    }
    assertEach(Verdict.Label.FRAUD, "text.transfer_request", true, List.of(
        "你好，我是房东，换号码了你存一下，以后的租金请打到我爱人卡上，工行 李娜 6222 0000 0000 0000 000，谢谢！"));
  }

  /**
   * "If this wasn't you, call … to cancel" on a number that is not the exchange's own is the
   * unauthorised-withdrawal scam, filed as customer-service impersonation, and a coin's ticker is no
   * promise of returns; a bank's real alert pointing to its own line, or to the back of the card, is not.
   */
  @Test
  void aDisownedWithdrawalOnAStrangersNumberIsFraud() {
    String text = "Coinbase: A withdrawal of 0.52 BTC was requested from your account. If this wasn't you, call "
        + "1-888-555-0142 immediately to cancel.";
    assertEach(Verdict.Label.FRAUD, "text.cancel_charge_callback", true, List.of(text));
    Verdict v = screener.screen(text, null);
    assertEquals("impersonate_customer_service", v.category());
    assertFalse(codes(v).contains("text.guaranteed_returns"), codes(v).toString());
    assertEach(Verdict.Label.NORMAL, "text.cancel_charge_callback", false, List.of(
        "HSBC: Did you just use your card ending 4421 for GBP 120 at TESCO? If it wasn't you, call us on 03457 404 404"
            + " to block your card.",
        "Barclays: a payment of £45.00 to AMAZON was made with your card ending 1234. If this wasn't you, call us on"
            + " the number on the back of your card to cancel it."));
  }

  /**
   * Card details keyed into a registered institution's own phone line ("拨打10086直接输入银行卡号、密码") are
   * not sent to the writer: an operator's top-up reminder that offers it is NORMAL. The same request on
   * an unregistered number is still fraud.
   */
  @Test
  void cardDetailsKeyedIntoTheInstitutionsOwnLineAreNoRequest() {
    assertEach(Verdict.Label.NORMAL, null, false, List.of(
        "【中国移动】您的话费余额已不足10元，请及时充值。可登录 www.10086.cn 交费，支持网银、支付宝，也可拨打10086直接输入银行卡号、密码快捷交费。"));
    assertEach(Verdict.Label.FRAUD, "text.asks_credentials_brand_never_does", true, List.of(
        "【中国移动】您的积分即将清零，请拨打 10658888 输入银行卡号和密码兑换现金"));
  }

  /**
   * A scam that names the anti-fraud centre, or opens with "谨防诈骗", and tells the reader to move the
   * money is no anti-fraud warning: its safe-account words count in full. The centre's real warning,
   * "请勿将资金转入…", is one.
   */
  @Test
  void aDemandToMoveTheMoneyIsNoAntiFraudWarning() {
    // nor one to hand over a code or a card, share the screen, or call a stranger's number at once,
    // however it opens
    assertEach(Verdict.Label.FRAUD, "text.anti_fraud_warning", false, List.of(
        "这里是反诈中心，您的银行卡涉嫌诈骗资金流转，请立即将卡内资金转入安全账户配合审查",
        "【反诈中心】为保护您的资金安全，请回复收到的验证码完成反诈认证。",
        "【国家反诈中心】您的手机存在涉诈风险，请下载国家反诈中心APP并开启屏幕共享，民警将远程协助检测。",
        "谨防诈骗！您的社保卡已被冻结，请立即拨打 400-820-1234 解冻。",
        "【工商银行】温馨提示：谨防诈骗。您的账户存在异常，请提供卡号和密码进行核实。",
        "Barclays: We'll never ask you to move money. Unusual activity on your account: please transfer your balance"
            + " to the safe account below, sort code 20-00-00 acc 12345678."));
    // a code to key in, a member hotline named as advice, and a bank's own warning are no such demand
    assertEach(Verdict.Label.NORMAL, null, false, List.of(
        "【盛大游戏】重置密码，请输入您的验证码：261800，请勿泄露给他人。",
        "尊敬的会员，卡号和密码是您账户管理的核心凭据，请避免将密码透露给他人。如您发现账户异常，请及时拨打会员服务热线4006100666核实。【中国国航】",
        "Barclays will never ask you to transfer money to a safe account. If anyone does, it is a scam: hang up and"
            + " call 159."));
    assertEach(Verdict.Label.NORMAL, "text.anti_fraud_warning", true, List.of(
        "【反诈中心】提醒：公检法机关不会要求转账，请勿将资金转入所谓安全账户，如遇可疑请拨打96110。"));
  }

  /**
   * A one-time code sent with the instruction to tell it to the "agent" who will call is how a line is
   * taken over: the code's delivery does not excuse the request. A bank's code that says never to tell
   * it to anyone stays a plain code.
   */
  @Test
  void aCodeToTellTheCallerIsARequestNotADelivery() {
    assertEach(Verdict.Label.FRAUD, "text.asks_credentials", true, List.of(
        "【京东】验证码 482913。客服将致电您办理退款，请将此验证码告诉客服。",
        "Your verification code is 482913. Our agent will call you; please read this code to the agent to confirm"
            + " the refund."));
    assertEach(Verdict.Label.NORMAL, "text.otp_delivery", true, List.of(
        "【招商银行】验证码482913，用于登录验证，请勿将验证码告诉任何人。"));
  }
}
