package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandMention;
import dev.chainbreaker.screen.text.NormalizedText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that speaks as an institution but asks to call or add a number that is not the
 * institution's: the refund, ticket and "investigation" scams move the victim to a line the
 * fraudster answers (400 numbers, mobiles, landlines), since an institution names its own hotline.
 */
public final class ContactRules {

  static final Pattern PHONE = Pattern.compile(
      "(?<![0-9])(400[- ]?\\d{3}[- ]?\\d{4}|1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}|0\\d{2,3}[- ]?\\d{3,4}[- ]?\\d{4}"
          + "|\\+?\\d{1,2}[ -]?\\(?\\d{3}\\)?[ -]?\\d{3}[ -]?\\d{4}|\\+44 ?7\\d{3} ?\\d{6})(?![0-9])");
  private static final Pattern CALL = Pattern.compile(
      "拨打|致电|联系|电话|专线|热线|咨询|\\b(call|phone|contact|ring|whatsapp|text)\\b");

  private ContactRules() {}

  /** Words that give a number an institutional role: "服务专线", "科长", "客服". */
  private static final Pattern ROLE = Pattern.compile(
      "专线|热线|客服|服务电话|稽查|稽核|专员|警官|民警|专案组|科长|工作人员|\\b(support|helpline|hotline)\\b");

  /**
   * The person who carries a parcel, named before the number: couriers call and are called on their
   * own mobiles. Exempt only while the message dangles no refund or compensation and threatens
   * nothing, since "your parcel is lost, call the courier for compensation" is a scam's opening.
   */
  private static final Pattern COURIER = Pattern.compile(
      "快递员|揽投员|投递员|派件员|派送员|配送员|送货员|骑手|快递小哥|\\b(courier|driver)\\b");

  /**
   * A shop's support desk named as such ("Amazon support", "淘宝客服"): a shop merely mentioned ("paid
   * with Alipay") claims nothing, but one whose desk the text sends you to is the identity it borrows.
   */
  private static final Pattern DESK = Pattern.compile(
      "\\s?(官方)?(客服|售后|客户服务)|\\s(customer )?(support|service|care|helpline|hotline)\\b");

  private static boolean namesItsDesk(String head, BrandMention m) {
    return m.alias().endsWith("客服")
        || m.end() < head.length()
        && DESK.matcher(head).region(m.end(), Math.min(head.length(), m.end() + 20)).lookingAt();
  }

  /**
   * The words before the number at {@code at} in its own sentence, at most 40 characters: "call our
   * support team now at 1-844-…" asks to call that number, a call word in the sentence before does not.
   */
  private static String sentenceBefore(String head, int at) {
    int from = Math.max(0, at - 40);
    for (int i = at - 1; i >= from; i--) {
      char c = head.charAt(i);
      if (c == '。' || c == '！' || c == '!' || c == '？' || c == '?' || c == '；' || c == ';'
          || c == '.' && (i + 1 >= at || head.charAt(i + 1) == ' ')) {
        from = i + 1;
        break;
      }
    }
    return head.substring(from, at);
  }

  private static boolean baited(Evidence ev) {
    return ev.has("text.money_lure") || ev.has("text.threatens_cancellation") || ev.has("text.asks_credentials")
        || ev.has("text.advance_fee");
  }

  public static void apply(NormalizedText nt, String head, List<BrandMention> mentions,
      List<Brand> topicBrands, Evidence ev) {
    Brand claimed = null;
    for (BrandMention m : mentions) {
      if (m.signature() || !"commerce".equals(m.brand().kind()) || namesItsDesk(head, m)) {
        claimed = m.brand();
        break;
      }
    }
    boolean byTopic = false;
    if (claimed == null && !topicBrands.isEmpty() && (ROLE.matcher(head).find() || ev.has("text.account_alarm"))) {
      // "请拨打社保热线 400-…": the number claims the role; "您的社保卡已被冻结，请拨打 400-… 解冻": the number
      // claims to undo what the body did
      claimed = topicBrands.get(0);
      byTopic = true;
    }
    if (claimed == null) {
      return;
    }
    Matcher m = PHONE.matcher(head).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    while ((from = findPhone(head, m, from)) >= 0) {
      String digits = m.group().replaceAll("[^0-9]", "");
      if (isOwn(claimed, digits)) {
        continue;
      }
      String before = sentenceBefore(head, m.start());
      if (!CALL.matcher(before).find()) {
        continue;
      }
      if (COURIER.matcher(before).find() && !baited(ev)) {
        continue; // a delivery notice gives the courier's own mobile: that is how parcels are handed over
      }
      ev.add(new Signal("text.unofficial_callback_number", byTopic ? 2.5 : 3.0,
          "It speaks as " + LinkRules.nameEn(claimed) + " but asks to contact " + m.group().strip()
              + ", which is not its official line " + claimed.hotline(),
          "以" + claimed.displayName() + "名义要求联系 " + m.group().strip() + "，这不是其官方电话 "
              + claimed.hotline(),
          nt.originalStart(m.start()), nt.originalEnd(m.end())));
      return;
    }
  }

  /**
   * As {@code m.find()} from {@code from} (returns the next search start, or -1 when there is no
   * more match), trying {@link #PHONE} only where it can start: a digit or '+' not preceded by a
   * digit. Bank notices are full of digits, and the lookbehind at every position was the cost.
   */
  static int findPhone(String s, Matcher m, int from) {
    for (int i = from, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((c == '+' || isDigit(c)) && (i == 0 || !isDigit(s.charAt(i - 1))) && tenDigitsFrom(s, i)) {
        m.region(i, n);
        if (m.lookingAt()) {
          return Math.max(m.end(), i + 1);
        }
      }
    }
    return -1;
  }

  /**
   * Whether at least 10 digits follow {@code i} before any character a {@link #PHONE} match cannot
   * hold (a digit, '+', ' ', '-', '(' or ')'): every alternative has 10 or more digits, and amounts,
   * dates and card tails in a bank notice have fewer.
   */
  private static boolean tenDigitsFrom(String s, int i) {
    int digits = 0;
    for (int k = i, n = s.length(); k < n && digits < 10; k++) {
      char c = s.charAt(k);
      if (isDigit(c)) {
        digits++;
      } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')') {
        break;
      }
    }
    return digits >= 10;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isOwn(Brand b, String digits) {
    String hot = b.hotline().replaceAll("[^0-9]", "");
    if (!hot.isEmpty() && digits.endsWith(hot)) {
      return true;
    }
    for (String s : b.senders()) {
      if (digits.endsWith(s)) {
        return true;
      }
    }
    return false;
  }
}
