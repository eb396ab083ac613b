package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandMention;
import dev.chainbreaker.screen.brand.BrandRegistry;
import dev.chainbreaker.screen.text.NormalizedText;
import java.util.List;

/**
 * Pairs of cues that together make a scheme: each alone is common in honest messages, together they
 * are how the scam works (an earnings promise that moves to a private chat is a task or investment
 * scam; an institution that asks to add a private chat account is not one).
 */
public final class CombinationRules {

  private CombinationRules() {}

  /** A scheme that is one cue together with any of others: {@code code} is added when both are present. */
  private record Pair(String code, double weight, String first, List<String> second, String message, String messageZh) {}

  /**
   * Stands in a pair's second list for "any link that is not an official or otherwise trusted one":
   * a lure that needs the recipient to open an unknown site.
   */
  static final String UNTRUSTED_LINK = "link.untrusted";

  /** A charge to cancel on a number that is not the brand's: a pair, and the English "if this wasn't you" below. */
  private static final Pair CANCEL_CHARGE_CALLBACK = new Pair("text.cancel_charge_callback", 1.5, "text.cancel_charge",
      List.of("text.unofficial_callback_number"),
      "It warns of a charge and gives a number that is not the brand's own to cancel it",
      "以扣费为由要求拨打非官方号码取消");

  private static final List<Pair> PAIRS = List.of(
      new Pair("text.superior_transfer", 2.0, "text.summons", List.of("text.transfer_request"),
          "A supposed superior who cannot take a call asks for a transfer: the fake-boss scam",
          "自称领导且不便接电话，要求转账：冒充领导诈骗"),
      new Pair("text.task_pay_in_first", 2.0, "text.task_rebate", List.of("text.advance_payment"),
          "A paid task that asks the worker to pay in first: how task-rebate scams take the money",
          "做任务却要求先垫付或充值：刷单返利诈骗的收钱方式"),
      // the link's own marks, not merely an unknown site: shops advertise "返利" on their own .com
      new Pair("text.task_then_link", 2.0, "text.task_rebate",
          List.of("link.risky_tld", "link.obfuscated", "link.shortener", "link.free_hosting", "link.ip_host"),
          "Easy paid work (typing, likes, reviews, paid daily) to sign up for through a throwaway link: the"
              + " site is where the first \"task\" asks you to pay in",
          "以打字员、点赞、日结等轻松兼职为诱饵，要求通过廉价域名、短链接等可疑链接报名：所谓“任务”随后会要求先垫付"),
      CANCEL_CHARGE_CALLBACK,
      new Pair("text.alarm_then_unverified_link", 2.0, "text.account_alarm", List.of("link.unverified_for_claimed_brand"),
          "It raises an alarm about the account and sends a link whose target cannot be checked: an institution"
              + " with a real alarm asks you to call its own number or open its own app",
          "声称账户异常并附上无法核实的链接：真正的机构会让您拨打官方电话或打开官方应用"),
      new Pair("text.delivery_failed_short_link", 2.5, "text.delivery_failed",
          List.of("link.shortener", "link.unverified_for_claimed_brand", UNTRUSTED_LINK),
          "A failed delivery to be sorted out through a shortened or unknown link: couriers use their own sites and"
              + " apps",
          "以快递无法派送为由附上短链接或陌生链接：快递公司使用自己的官网和应用"),
      new Pair("text.alarm_then_callback", 2.0, "text.account_alarm", List.of("text.unofficial_callback_number"),
          "It raises an alarm about the account and gives a number that is not the institution's own to sort it"
              + " out: the number is the fraudster's",
          "声称账户或卡片异常、受限，并要求拨打非官方号码处理：该号码属于骗子"),
      new Pair("text.alarm_then_staff_call", 2.5, "text.account_alarm", List.of("text.awaits_staff_call"),
          "It raises an alarm about the account and says staff will call: an institution with a real alarm"
              + " asks you to call its published number",
          "声称账户异常并称工作人员将来电：真正的机构会让您拨打其公布的官方电话"),
      new Pair("text.emergency_then_transfer", 2.5, "text.urgent_money_request",
          List.of("text.distress_story", "text.acquaintance_new_number"),
          "A relative in sudden trouble, or writing from someone else's phone, asks for money at once: call them"
              + " back on the number you know before paying",
          "自称亲友突遭意外或借用他人手机，要求立即汇款：请先拨打您熟知的号码核实"),
      new Pair("text.ponzi_promise", 2.0, "text.fixed_high_yield", List.of("text.guaranteed_returns"),
          "A fixed payout every month and the principal guaranteed back: what illegal fund-raising promises"
              + " (pension beds, projects, 'state-backed' industries)",
          "每月固定返利且保证返还本金：非法集资的典型承诺（养老床位、项目入股、“国家扶持”产业等）"),
      new Pair("text.invited_sure_profit", 2.5, "text.guaranteed_returns", List.of("text.invest_invitation"),
          "Someone offers to bring you into an investment that cannot lose: how pig-butchering scams begin",
          "拉您一起投资并称稳赚不赔：“杀猪盘”的典型开场"),
      new Pair("text.stranger_then_investment", 2.5, "text.stranger_opener",
          List.of("text.guaranteed_returns", "text.invest_invitation", "text.leveraged_trading"),
          "A 'wrong number' or a stranger who says you met, then an investment: how pig-butchering scams open",
          "以发错短信或“见过面”的陌生人开场，随后谈投资：“杀猪盘”的典型开场"),
      new Pair("text.flight_change_callback", 2.0, "text.flight_disrupted",
          List.of("text.unofficial_callback_number", UNTRUSTED_LINK),
          "A cancelled flight to rebook, with compensation, on a number or site that is not the airline's: airlines"
              + " rebook in their own app or at their published hotline, and never pay compensation through a stranger",
          "以航班取消、改签补偿为由，要求联系非航空公司官方的号码或网站：航空公司只通过官方应用或热线改签"),
      new Pair("text.tech_support_scam", 2.0, "text.device_infected",
          List.of("text.unofficial_callback_number", "text.install_app", "text.remote_control", UNTRUSTED_LINK),
          "An infected or hacked device to be fixed by calling a number, installing an app or opening a site: no"
              + " security company detects a virus by text, and the \"fix\" is remote control of the device",
          "声称设备中毒或被入侵，要求拨打电话、安装应用或打开网站处理：安全公司不会通过短信报告病毒，所谓“处理”是远程控制您的设备"),
      new Pair("text.prize_then_link", 2.0, "text.prize_claim", List.of(UNTRUSTED_LINK),
          "A prize you never entered for, to be collected through a link to an unknown site: the site asks for"
              + " your card, or a fee, to \"release\" it",
          "通知领取未曾参与的奖品，并附上陌生网站链接：网站会索要银行卡信息或“手续费”"),
      new Pair("text.curiosity_then_link", 2.0, "text.curiosity_lure", List.of(UNTRUSTED_LINK),
          "Private photos, a video or an invitation behind a link to an unknown site: such links install malware"
              + " that reads the phone's codes",
          "以私密照片、视频、请柬等为诱饵附上陌生网站链接：此类链接常为窃取验证码的木马"),
      new Pair("text.school_fee_link", 2.5, "text.school_fee", List.of(UNTRUSTED_LINK),
          "A school fee to be paid through a link to an unknown site: a teacher's name is borrowed to collect"
              + " from a whole class; schools collect through their own payment platform",
          "以班费、资料费等名义要求通过陌生链接缴费：骗子冒充老师向全班家长收款，学校通过官方缴费平台收费"),
      new Pair("text.school_report_link", 2.5, "text.school_report", List.of(UNTRUSTED_LINK),
          "A message to a parent about the child's grades with a link to an unknown site: schools publish"
              + " grades in their own apps, and such links install malware that reads the phone's codes",
          "以孩子成绩、在校表现为由发来陌生链接：学校通过自己的平台发布成绩，此类链接常为窃取验证码的木马"));

  /**
   * A transaction disowned in English, "If this wasn't you, call … to cancel": what a bank's real alert says
   * too, with its own number, so it counts only beside a number that is not the claimed brand's.
   */
  private static final java.util.regex.Pattern DISOWNED = java.util.regex.Pattern.compile(
      "\\b(if (this|it) (wasn'?t|was not) you|if you did ?n[o'’]?t (make|authori[sz]e|request|place) (this|it))\\b"
          + "[^.!]{0,30}\\b(call|contact|ring|phone)\\b[^.!]{0,40}\\b(cancel|stop|block|reverse|dispute)\\b");

  /**
   * A refund or a claim paid out, narrower than the money lure: points to redeem and a promotion's
   * cash back are offered on a salesperson's mobile too.
   */
  private static final java.util.regex.Pattern REFUND = java.util.regex.Pattern.compile(
      "退款|退费|理赔|赔付|赔偿|补偿|\\b(refund|compensation|reimburse(ment)?)\\b");

  /**
   * A refund or payout already made ("理赔款已到账", "退款已完成"): the notice of it may give the agent's
   * or the shop's own mobile for questions; the scam has money still to collect.
   */
  private static final java.util.regex.Pattern PAID = java.util.regex.Pattern.compile(
      "(已经?|已于[^。，,]{0,8})(成功)?(到账|支付|完成|退回|原路退回|结案|赔付|打款|退款)|"
          + "\\b(has been|was|were) (paid|refunded|credited|issued)\\b");

  /**
   * Schemes that a real institution's message can look like, told apart by the number the call will
   * come from: "我行工作人员将致电您核实，请留意95588来电" names the bank's own hotline.
   */
  private static final java.util.Set<String> VOID_WITH_OWN_HOTLINE = java.util.Set.of("text.alarm_then_staff_call");

  /**
   * Schemes that a security reminder reads like: "如您发现账户异常，请及时拨打会员服务热线 400…" pairs an
   * alarm with a number, but only as advice, beside "请避免将密码透露给他人".
   */
  private static final java.util.Set<String> VOID_WHEN_WARNING = java.util.Set.of("text.alarm_then_callback");

  /** Whether {@code text} names the hotline of a brand it mentions. */
  private static boolean namesOwnHotline(String text, List<BrandMention> mentions) {
    for (BrandMention m : mentions) {
      String hotline = m.brand().hotline();
      if (!hotline.isEmpty() && text.contains(hotline)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A request for passwords, codes or card details in the name of a brand that never makes one by
   * SMS; the span is the first such brand's name, mapped to the original text by {@code nt}. Details to
   * be keyed into a registered institution's own phone line are no such request: the request then
   * weighs nothing.
   */
  public static void applyBrandNeverAsks(Evidence ev, List<BrandMention> mentions,
      NormalizedText nt, BrandRegistry brands) {
    if (!ev.has("text.asks_credentials")) {
      return;
    }
    if (keyedIntoOfficialLine(nt.text(), mentions, brands)) {
      ev.reweigh("text.asks_credentials", 0.0);
      return;
    }
    for (BrandMention m : mentions) {
      if (m.brand().neverAsksCredentials()) {
        ev.add(new Signal("text.asks_credentials_brand_never_does", 2.5,
            LinkRules.nameEn(m.brand()) + " never asks for passwords, codes or card details by SMS",
            m.brand().displayName() + "从不通过短信索要密码、验证码或卡片信息",
            nt.originalStart(m.start()), nt.originalEnd(m.end())));
        return;
      }
    }
  }

  /**
   * A number dialled and card details keyed into its phone menu: "拨打10086直接输入银行卡号、密码",
   * "致电95588按语音提示输入卡号".
   */
  private static final java.util.regex.Pattern KEYED_IN = java.util.regex.Pattern.compile(
      "(拨打|致电|呼叫|拨)\\s*(\\d{5,12})(?!\\d)[^。，,]{0,6}?(直接|按(语音)?提示)?输入");

  /**
   * Card details keyed into an institution's own hotline (its phone menu), not sent to whoever wrote the
   * text: a scam gains nothing from sending you to the real line. The number must be a registered
   * brand's hotline or sending number.
   */
  static boolean keyedIntoOfficialLine(String text, List<BrandMention> mentions, BrandRegistry brands) {
    java.util.regex.Matcher m = KEYED_IN.matcher(text);
    while (m.find()) {
      String number = m.group(2);
      if (!brands.brandsOfSender(number).isEmpty()
          || mentions.stream().anyMatch(b -> b.brand().hotline().equals(number))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code text}: the lower-cased normalised head of the message; {@code untrustedLink}: the message
   * holds a link that is neither official nor otherwise trusted.
   */
  public static void apply(Evidence ev, List<BrandMention> mentions, List<Brand> topics, String text,
      boolean untrustedLink) {
    boolean offchannel = ev.has("text.offchannel_contact");
    boolean earnings = ev.has("text.task_rebate") || ev.has("text.guaranteed_returns")
        || ev.has("text.loan_offer");
    if (earnings && offchannel) {
      ev.add(new Signal("text.earnings_then_private_chat", 2.0,
          "It promises earnings and moves the talk to a private chat: the pattern of task and investment scams",
          "承诺收益并引导私聊：刷单、投资类诈骗的典型套路", -1, -1));
    }
    boolean institution = !topics.isEmpty()
        || mentions.stream().anyMatch(m -> m.signature() || m.brand().isGovernment());
    if (offchannel && institution) {
      ev.add(new Signal("text.institution_private_chat", 2.5,
          "It speaks for an institution but asks to add a private chat account; institutions do not",
          "以机构名义要求添加私人聊天账号，正规机构不会这样做", -1, -1));
    }
    for (Pair pair : PAIRS) {
      if (ev.has(pair.first())
          && pair.second().stream().anyMatch(c -> ev.has(c) || untrustedLink && c.equals(UNTRUSTED_LINK))
          && !(VOID_WITH_OWN_HOTLINE.contains(pair.code()) && namesOwnHotline(text, mentions))
          && !(VOID_WHEN_WARNING.contains(pair.code()) && ev.has("text.anti_fraud_warning"))) {
        ev.add(new Signal(pair.code(), pair.weight(), pair.message(), pair.messageZh(), -1, -1));
      }
    }
    Pair charge = CANCEL_CHARGE_CALLBACK;
    if (ev.has("text.unofficial_callback_number") && !ev.has(charge.code()) && DISOWNED.matcher(text).find()) {
      ev.add(new Signal(charge.code(), charge.weight(), charge.message(), charge.messageZh(), -1, -1));
    }
    if (ev.has("text.unofficial_callback_number") && REFUND.matcher(text).find() && !PAID.matcher(text).find()) {
      ev.add(new Signal("text.refund_callback", 1.5,
          "A refund or compensation to be arranged on a number that is not the institution's own: shops, couriers"
              + " and insurers refund through their own app or published hotline",
          "以退款、理赔、赔偿为由要求联系非官方号码：商家、快递和保险公司只通过自己的应用或官方热线办理", -1, -1));
    }
    if (ev.has("text.acquaintance_new_number")
        && (offchannel || ev.has("text.transfer_request") || ev.has("text.money_lure")
            || ev.has("text.secrecy") || ev.has("text.summons"))) {
      ev.add(new Signal("text.acquaintance_then_request", 1.5,
          "A supposed acquaintance on a new number asks for money or a private chat",
          "自称熟人换号后要求转账或私聊", -1, -1));
    }
  }
}
