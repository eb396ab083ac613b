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

  public static List<String> forVerdict(Verdict.Label label, Brand claimed, boolean zh) {
    return forVerdict(label, claimed, zh, null);
  }

  /**
   * {@code offerCategory}: the spam category of an illegal offer found in the text ({@code gambling},
   * {@code other_spam}), or null. Replying "TD" to such a sender only confirms the number is read.
   */
  public static List<String> forVerdict(Verdict.Label label, Brand claimed, boolean zh, String offerCategory) {
    List<String> out = new ArrayList<>();
    if (label == Verdict.Label.FRAUD) {
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
