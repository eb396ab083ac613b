package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.Verdict;
import dev.chainbreaker.screen.brand.Brand;
import java.util.ArrayList;
import java.util.List;

/** What the recipient should do, in the language of the message. */
public final class Advice {

  private Advice() {}

  public static boolean isChinese(String text) {
    int cjk = 0;
    for (int i = 0; i < text.length() && i < 400; i++) {
      char c = text.charAt(i);
      if (c >= 0x4E00 && c <= 0x9FFF && ++cjk >= 2) {
        return true;
      }
    }
    return cjk >= 2;
  }

  /** Advice for a mechanism: the reason codes that show it, then the line in Chinese and in English. */
  private record Mechanism(List<String> codes, String zh, String en) {}

  /** In order of priority: a verdict gets the line of the first mechanism its reasons show. */
  private static final List<Mechanism> MECHANISMS = List.of(
      new Mechanism(List.of("text.emergency_then_transfer", "text.acquaintance_then_request",
          "text.acquaintance_new_number", "text.superior_transfer"),
          "先拨打对方原来的号码或当面核实身份，核实前不要转账。",
          "Call them back on the number you already know, or check in person, before sending any money."),
      new Mechanism(List.of("text.safe_account", "text.summons"),
          "公检法机关不会通过电话、短信办案，也不存在“安全账户”。",
          "Police and courts do not handle cases by text or phone, and there is no \"safe account\"."),
      new Mechanism(List.of("text.remote_control"),
          "不要下载会议软件或共享屏幕，对方会看到您的验证码和密码。",
          "Do not install meeting apps or share your screen: the caller would see your codes and passwords."),
      new Mechanism(List.of("text.task_pay_in_first", "text.task_then_link", "text.task_rebate"),
          "刷单返利都是诈骗，不要垫付或充值。",
          "Paid tasks that need money put in first are always scams: do not pay in."),
      new Mechanism(List.of("text.ponzi_promise", "text.fixed_high_yield"),
          "承诺固定高额返利、保本保息的“投资”“养老项目”多为非法集资，请勿投入资金。",
          "A fixed high payout with the principal guaranteed is how illegal fund-raising lures savers: do not pay in."),
      new Mechanism(List.of("text.leveraged_trading"),
          "股票配资、高倍杠杆平台多为非法或虚假平台，入金后往往无法取出，请勿充值。",
          "Margin platforms that lend many times your deposit are unlicensed or fake: deposits rarely come back."),
      new Mechanism(List.of("text.school_fee_link"),
          "学校收费请通过学校官方缴费平台或当面向班主任核实，不要扫陌生收款码或点开短信中的链接付款。",
          "Pay school fees only through the school's own payment platform, after checking with the teacher in"
              + " person; do not pay through the link in the text."),
      new Mechanism(List.of("text.school_report_link"),
          "孩子的成绩和在校表现请向班主任或在学校官方平台核实，不要点击陌生链接或安装应用。",
          "Check grades with the teacher or the school's own app; do not open the link or install anything."),
      new Mechanism(List.of("text.flight_change_callback"),
          "改签退票请在航空公司官方应用或拨打其官方客服电话办理，不要拨打短信中的号码。",
          "Rebook or cancel only in the airline's own app or at its published number, not the number in the text."),
      new Mechanism(List.of("text.tech_support_scam", "text.device_infected"),
          "手机或电脑不会通过短信“检测出病毒”；不要拨打其中的号码、安装应用或让对方远程操作，需要时联系设备厂商的官方客服。",
          "No one detects a virus on your device by text: do not call the number, install anything or let anyone"
              + " connect to your device; if worried, contact the maker through its own website."),
      new Mechanism(List.of("text.refund_callback"),
          "退款、理赔只在商家或保险公司的官方应用、官方热线办理；不要拨打短信中的号码，不要按对方指示转账、借款或共享屏幕。",
          "Refunds and claims are settled in the company's own app or at its published number: do not call the number"
              + " in the text, and never move money, borrow or share your screen on a caller's say-so."),
      new Mechanism(List.of("text.prize_then_link"),
          "没有参加的抽奖不会中奖，领奖需要先交费或填写银行卡的都是诈骗。",
          "You cannot win a draw you never entered; a prize that needs a fee or your card details is a scam."),
      new Mechanism(List.of("text.invited_sure_profit", "text.stranger_then_investment", "text.guaranteed_returns",
          "text.earnings_then_private_chat"),
          "“稳赚不赔”“内部消息”都是诈骗话术，不要向陌生平台充值。",
          "\"Sure profits\" and \"inside tips\" are scam talk: do not pay into an unknown platform."),
      new Mechanism(List.of("text.credit_repair"),
          "征信无法花钱“修复”，有异议请向中国人民银行征信中心申请。",
          "Credit records cannot be \"repaired\" for a fee; disputes go to the credit bureau itself."));

  /**
   * {@code offerCategory}: the spam category of an illegal offer found in the text ({@code gambling},
   * {@code other_spam}), or null. Replying "TD" to such a sender only confirms the number is read.
   * {@code reasonCodes}: the verdict's reasons; a FRAUD verdict first gets the line for its scheme.
   */
  public static List<String> forVerdict(Verdict.Label label, Brand claimed, boolean zh, String offerCategory,
      java.util.Set<String> reasonCodes) {
    List<String> out = new ArrayList<>();
    if (label == Verdict.Label.FRAUD) {
      for (Mechanism m : MECHANISMS) {
        if (m.codes().stream().anyMatch(reasonCodes::contains)) {
          out.add(zh ? m.zh() : m.en()); // what this scheme needs the recipient to know first
          break;
        }
      }
      if (zh) {
        out.add("不要点击链接，不要填写或告诉任何人身份证号、银行卡号、密码和验证码。");
        if (claimed != null && !claimed.hotline().isEmpty()) {
          out.add("如需核实，请自行拨打" + claimed.displayName() + "官方电话 " + claimed.hotline() + "。");
        }
        out.add("如已填写信息或转账，请立即联系银行冻结账户，并拨打 96110 或 110。");
      } else {
        out.add("Do not open the link or share card numbers, passwords or codes.");
        if (claimed != null && !claimed.hotline().isEmpty()) {
          out.add("To check, contact " + claimed.displayName() + " yourself via " + claimed.hotline() + ".");
        }
        out.add("If you already entered details or paid, call your bank now and report it to the police.");
      }
    } else if (label == Verdict.Label.SPAM && offerCategory != null) {
      if (zh) {
        out.add("违法广告：不要点击链接、回复或添加对方联系方式，可向 12321 举报。");
        if (offerCategory.equals("gambling")) {
          out.add("网络赌博违法，充值后往往无法提现，不少“平台”本身就是诈骗。");
        }
      } else {
        out.add("Illegal advertising: do not open the link, reply or add the contact; report it as spam.");
        if (offerCategory.equals("gambling")) {
          out.add("Unlicensed gambling sites often refuse to pay out; many are scams themselves.");
        }
      }
    } else if (label == Verdict.Label.SPAM) {
      out.add(zh ? "垃圾短信：可回复退订或向 12321 举报。" : "Unwanted advertising: reply STOP or report it as spam.");
    }
    return out;
  }
}
