package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.text.NormalizedText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What honest bulk senders write that the model alone takes for fraud: an English notice about the
 * reader's own account, bill, order or appointment that asks for nothing, and the opt-out line of a
 * commercial sender.
 *
 * <p>Why a rule: the English ham the model learnt from is personal chat, and most English fraud it saw
 * is formal, with amounts, dates and a number to call. So on its own it calls a balance alert, a bill
 * reminder, a dentist's appointment reminder or a surgery's "you are due your flu vaccination" fraud.
 * Such a notice tells the reader something about their own affairs; a scam needs the reader to do
 * something (open an unknown site, hand over details, pay a fee, claim a prize), and each of those is a
 * cue, a link finding or one of the lure words below.
 * The rule only speaks when nothing but the model (and at most a mention of today) points at fraud.
 *
 * <p>An opt-out line ("Reply STOP to opt out", "回T退订") is what rules for commercial texts require of
 * advertisers; in the data it comes with ham and spam far more than with fraud (about 1,900 and 130
 * texts against 35), and the fraud that carries one is caught by its links and wording. With nothing
 * but the model against it, such a text is at worst advertising.
 */
public final class ServiceNotices {

  private ServiceNotices() {}

  static final double WEIGHT = -1.5;
  static final double OPT_OUT_WEIGHT = -1.0;

  /** What such a notice says, in the lower-cased text. */
  private static final Pattern NOTICE = Pattern.compile(
      "\\b(your (account |card |available |current )?balance (is|was)|available balance"
          + "|your (bill|statement|invoice|e-?bill) (is ready|is available|is now available|of|for)"
          + "|(amount|payment|minimum payment) due|is due (on|by)"
          + "|appointment (with|at|on|for|is|tomorrow|today|reminder|confirm(ed|ation))"
          + "|(book|make|arrange|reschedule) (an|your) appointment|(you are|you're) (now )?due (for )?(your|a|an) "
          + "|payment of [$£€]?\\d[\\d,.]* .{0,40}(was|has been) (received|posted|processed)"
          + "|ready for (pick-?up|collection)"
          + "|has (now )?been (shipped|dispatched|delivered)|has shipped|out for delivery|will be delivered"
          + "|your (order|package|parcel|prescription|car|vehicle|table|reservation|booking) (#?[\\w-]+ )?"
          + "(has|is|was|will))");

  /**
   * Words of a lure or a demand that no cue covers on its own: a notice with one of these is left to
   * the other rules and the model.
   */
  private static final Pattern LURE = Pattern.compile(
      "\\b(free|congrat\\w*|urgent\\w*|verify|verification|kyc|overdue|on hold|unpaid|outstanding|click|tap"
          + "|gift|bonus|cash|loan|win|selected|fee|fees|customs|duty|re-?deliver\\w*|failed|unable|could not"
          + "|couldn'?t|update (your|the) (details|address|information|info)|not you|wasn'?t you|did ?n[o'’]?t"
          + "|login|log in|sign in|password|pin)\\b");

  /**
   * Adds {@code text.own_service_notice} when the lower-cased head {@code lower} is such a notice and
   * the evidence so far holds nothing for fraud but the model (and a deadline cue, which "today" alone
   * raises). {@code untrustedLink}: the message holds a link that is neither official nor trusted.
   */
  public static void apply(Evidence ev, String lower, NormalizedText nt, boolean untrustedLink) {
    if (untrustedLink || !onlyTheModelLeansToFraud(ev)) {
      return;
    }
    Matcher m = NOTICE.matcher(lower);
    if (m.find() && !LURE.matcher(lower).find()) {
      ev.add(new Signal("text.own_service_notice", WEIGHT,
          "It is a notice about the recipient's own account, bill, order or appointment and asks for nothing",
          "内容为关于收件人自身账户、账单、订单或预约的通知，未提出任何要求",
          nt.originalStart(m.start()), nt.originalEnd(m.end())));
    } else if (Categorizer.OPT_OUT_LINE.matchesIn(lower)) {
      ev.add(new Signal("text.commercial_opt_out", OPT_OUT_WEIGHT,
          "It carries the opt-out line of a commercial sender, and nothing but its wording resembles fraud",
          "带有商业短信的退订提示，且除措辞外没有诈骗迹象", -1, -1));
    }
  }

  /** Whether the lower-cased {@code text} is such a notice, whatever the evidence: not advertising. */
  public static boolean isOwnNotice(String text) {
    return NOTICE.matcher(text).find() && !LURE.matcher(text).find();
  }

  /** The model weighs for fraud and no rule does (a deadline aside). */
  private static boolean onlyTheModelLeansToFraud(Evidence ev) {
    boolean model = false;
    for (Signal s : ev.signals()) {
      if (s.weight() <= 0 || s.code().equals("text.deadline")) {
        continue;
      }
      if (!s.code().equals("model.text_classifier")) {
        return false;
      }
      model = true;
    }
    return model;
  }
}
