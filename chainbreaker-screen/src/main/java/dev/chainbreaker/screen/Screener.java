package dev.chainbreaker.screen;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandMention;
import dev.chainbreaker.screen.brand.BrandRegistry;
import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.link.ExtractedLink;
import dev.chainbreaker.screen.link.LinkExtractor;
import dev.chainbreaker.screen.lookalike.DisguisedNames;
import dev.chainbreaker.screen.model.ModelInput;
import dev.chainbreaker.screen.model.TextClassifier;
import dev.chainbreaker.screen.rules.Advice;
import dev.chainbreaker.screen.rules.Categorizer;
import dev.chainbreaker.screen.rules.CombinationRules;
import dev.chainbreaker.screen.rules.ContactRules;
import dev.chainbreaker.screen.rules.Evidence;
import dev.chainbreaker.screen.rules.IllegalOffers;
import dev.chainbreaker.screen.rules.LinkAssessment;
import dev.chainbreaker.screen.rules.LinkAssessor;
import dev.chainbreaker.screen.rules.LinkRules;
import dev.chainbreaker.screen.rules.SenderRules;
import dev.chainbreaker.screen.rules.ServiceNotices;
import dev.chainbreaker.screen.rules.Signal;
import dev.chainbreaker.screen.rules.TextCues;
import dev.chainbreaker.screen.sender.SenderCheck;
import dev.chainbreaker.screen.sender.SenderInfo;
import dev.chainbreaker.screen.text.NormalizedText;
import dev.chainbreaker.screen.text.Simplified;
import dev.chainbreaker.screen.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entry point of message screening. Thread-safe; build one and share it.
 *
 * <p>The pipeline: normalise (keeping an offset map), extract links, judge each link (Public Suffix
 * List, brand registry, lookalikes), find the identity the message claims and check it against the
 * sender, read the wording (cues and the n-gram model), then add the evidence in log-odds: the model's
 * fraud log-odds plus each rule's weight. The score is the logistic of that sum, so every reason says
 * how much it moved the verdict.
 */
public final class Screener {

  /** Only the head of a huge text is searched for names: real messages are short. */
  private static final int MAX_SCAN = 4000;
  /**
   * A text longer than {@link #MAX_SCAN} is also judged in windows of this many characters, each
   * overlapping the next by {@link #OVERLAP}: a scam placed after thousands of characters of filler
   * would otherwise be outside the name search and diluted in the model's view of the whole. A
   * message up to {@code OVERLAP} long lies whole inside some window.
   */
  static final int WINDOW = 2000;
  static final int OVERLAP = 600;
  /** The model is one witness among several; its log-odds are capped. */
  private static final double MODEL_CAP = 6.0;
  /**
   * Ordinary wording vouches for a message only so much: specific evidence (a claimed identity with
   * a foreign link, a fee before a payout) must be able to outweigh it.
   */
  private static final double MODEL_FLOOR = -4.0;
  /**
   * The model alone must be more than even odds sure: its training data knows little of modern
   * business notices (most English ham there is chat), so it errs towards fraud on them.
   */
  private static final double MODEL_OFFSET = -0.5;

  private static volatile Screener standard;

  private final TextNormalizer normalizer = new TextNormalizer();
  private final LinkExtractor extractor;
  private final LinkAssessor assessor;
  private final BrandRegistry brands;
  private final SenderCheck senderCheck;
  private final DisguisedNames disguisedNames;
  private final TextCues cues = new TextCues();
  private final Categorizer categorizer = new Categorizer();
  private final TextClassifier classifier;

  private Screener(PublicSuffixList psl, BrandRegistry brands, TextClassifier classifier) {
    this.extractor = new LinkExtractor(psl);
    this.assessor = new LinkAssessor(psl, brands);
    this.brands = brands;
    this.senderCheck = new SenderCheck(brands);
    this.disguisedNames = new DisguisedNames(brands);
    this.classifier = classifier;
  }

  /** The screener with the bundled brand registry, suffix list and model (built once). */
  public static Screener standard() {
    Screener s = standard;
    if (s == null) {
      synchronized (Screener.class) {
        s = standard;
        if (s == null) {
          s = new Screener(PublicSuffixList.standard(), BrandRegistry.standard(),
              TextClassifier.standard());
          standard = s;
        }
      }
    }
    return s;
  }

  /** A screener with a custom brand registry and model (e.g. one retrained on your own traffic). */
  public static Screener create(BrandRegistry brands, TextClassifier classifier) {
    return new Screener(PublicSuffixList.standard(), brands, classifier);
  }

  /** The bundled screener with another model file. */
  public static Screener withModel(Path modelFile) throws IOException {
    return create(BrandRegistry.standard(), TextClassifier.load(modelFile));
  }

  /** Judges {@code text} as sent by {@code sender} (may be null when unknown). */
  public Verdict screen(String text, String sender) {
    String t = text == null ? "" : text;
    Verdict worst = screenOne(t, sender);
    if (t.length() <= MAX_SCAN) {
      return worst;
    }
    // The whole, then every window: the most severe judgement wins, its spans moved to the whole text.
    for (int start = 0; ; start += WINDOW - OVERLAP) {
      int from = Character.isLowSurrogate(t.charAt(start)) ? start - 1 : start;
      int to = Math.min(t.length(), start + WINDOW);
      if (to < t.length() && Character.isHighSurrogate(t.charAt(to - 1))) {
        to++;
      }
      Verdict v = shifted(screenOne(t.substring(from, to), sender), from);
      if (severity(v) > severity(worst)) {
        worst = v;
      }
      if (to >= t.length()) {
        return worst;
      }
    }
  }

  /** FRAUD over SPAM over NORMAL, then the higher score. */
  private static double severity(Verdict v) {
    int rank = switch (v.verdict()) {
      case FRAUD -> 2;
      case SPAM -> 1;
      case NORMAL -> 0;
    };
    return rank + v.score();
  }

  private static Verdict shifted(Verdict v, int by) {
    if (by == 0) {
      return v;
    }
    List<LinkFinding> links = new ArrayList<>(v.links().size());
    for (LinkFinding l : v.links()) {
      links.add(new LinkFinding(l.text(), l.host(), l.registrableDomain(), l.risk(), shift(l.start(), by), shift(l.end(), by)));
    }
    List<Reason> reasons = new ArrayList<>(v.reasons().size());
    for (Reason r : v.reasons()) {
      reasons.add(new Reason(r.code(), r.message(), r.messageZh(), shift(r.start(), by), shift(r.end(), by)));
    }
    return new Verdict(v.verdict(), v.score(), v.category(), links, reasons, v.advice());
  }

  private static int shift(int position, int by) {
    return position < 0 ? position : position + by;
  }

  private Verdict screenOne(String text, String sender) {
    NormalizedText nt = normalizer.normalize(text);
    String norm = nt.text();
    // the rules read traditional characters as simplified (one for one: spans stay); the model and
    // the link reader read the text as written
    String head = Simplified.of(norm.length() > MAX_SCAN ? norm.substring(0, MAX_SCAN) : norm);
    String lower = TextCues.lowerCase(head);
    List<ExtractedLink> links = extractor.extract(nt);
    List<LinkAssessment> assessed = new ArrayList<>(links.size());
    for (ExtractedLink l : links) {
      assessed.add(assessor.assess(l, nt));
    }
    boolean untrusted = LinkRules.hasUntrustedLink(assessed);
    List<BrandMention> disguised = disguisedNames.find(head, spans(links)); // "Amaz0n", "PayPaI"
    List<BrandMention> mentions = withDisguised(brands.mentions(head), disguised); // claimed all the same
    List<Brand> topics = brands.governmentTopics(head);
    SenderInfo si = senderCheck.classify(sender);

    // the evidence, in log-odds: the model, the links, the wording, then what they mean together
    Evidence ev = new Evidence();
    TextClassifier.Scores ms = classifier.score(ModelInput.prepare(nt, links));
    ev.add(modelSignal(ms));
    if (!disguised.isEmpty()) {
      ev.add(disguisedNameSignal(disguised.get(0), nt));
    }
    LinkRules.apply(assessed, mentions, nt, ev);
    List<Signal> wording = cues.find(nt, lower);
    // the demand is looked for only where there is a reassuring word to withhold (few messages)
    boolean reassuring = wording.stream().anyMatch(s -> s.weight() < 0);
    boolean warning = addWording(wording, untrusted || reassuring && DIRECT_DEMAND.matcher(lower).find(), ev);
    ContactRules.apply(nt, lower, mentions, topics, ev);
    CombinationRules.apply(ev, mentions, topics, lower, untrusted);
    LinkRules.applyTopic(assessed, topics, ev);
    CombinationRules.applyBrandNeverAsks(ev, mentions, nt, brands);
    SenderRules.apply(si, senderCheck, mentions, assessed, ev);
    // An anti-fraud warning names gambling to warn of it; it is not an advertisement.
    IllegalOffers.Offer offer = warning ? null : IllegalOffers.find(nt, lower);
    if (offer != null) {
      IllegalOffers.explain(offer, ev);
    }
    ServiceNotices.apply(ev, lower, nt, untrusted);
    discountStatedPrice(ev, lower);

    double z = ev.total();
    // a text that names no brand but links to a look-alike of one ("PayPaI: … paypal-verify.top")
    // borrows that brand: its category and its advice are the brand's
    List<BrandMention> borrowed = mentions.isEmpty() ? imitated(assessed) : mentions;
    Verdict.Label label;
    String category;
    if (z >= 0) {
      label = Verdict.Label.FRAUD;
      category = categorizer.fraud(lower, borrowed, ev);
    } else if (offer != null || !isOfficialNotice(mentions, untrusted, ev) && isSpam(ms, lower, ev)) {
      label = Verdict.Label.SPAM;
      category = offer != null ? offer.category() : categorizer.spam(lower);
    } else {
      label = Verdict.Label.NORMAL;
      category = categorizer.normal(lower, mentions, si.isPersonal());
    }
    List<LinkFinding> findings = new ArrayList<>();
    for (LinkAssessment a : assessed) {
      findings.add(new LinkFinding(a.link().text(), a.hostName().unicode(), a.registrableDomain(),
          LinkRules.risk(a, ev, label == Verdict.Label.FRAUD), a.link().start(), a.link().end()));
    }
    List<Reason> reasons = reasons(ev, label, offer);
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (Reason r : reasons) {
      codes.add(r.code());
    }
    List<String> advice = Advice.forVerdict(label, claimedBrand(borrowed), Advice.isChinese(head),
        offer != null ? offer.category() : null, codes);
    return new Verdict(label, round(1.0 / (1.0 + Math.exp(-z))), category, findings, reasons, advice);
  }

  /**
   * The reader told, in the imperative, to do what a scam needs: move the money ("请将卡内余额转入安全账户"),
   * hand over a code or a card ("请回复收到的验证码", "请将此验证码告诉客服"), share the screen, or call at once a
   * number that is not the police's or the anti-fraud line's ("请立即拨打 400-… 解冻"). An anti-fraud warning
   * says the opposite ("请勿转账", "请拨打96110"), and quotes the scam's words only to describe them ("骗子会让您
   * 提供验证码"), which is why the cues alone cannot tell the two apart; a scam that names the anti-fraud
   * centre or opens with "谨防诈骗" must not pass for one.
   */
  private static final java.util.regex.Pattern DIRECT_DEMAND = java.util.regex.Pattern.compile(
      "请(您)?(立即|尽快|马上|速|务必|及时)?("
          + "将[^。，,]{0,12}(转入|汇入|转到|转至|存入)"
          // not "请输入验证码": a code is keyed into the app it was sent for
          + "|(提供|回复|告知|报上|发送|说出)[^。，,！!]{0,10}(验证码|密码|卡号|cvv|身份证号)"
          + "|[^。，,]{0,20}(屏幕共享|共享屏幕)"
          + "|将(此|该|这个|收到的|您的)?(验证码|校验码|动态码|密码|卡号)[^。，,]{0,4}(告诉|告知|读给|念给|发给|报给|提供给))"
          // a call pressed for at once; "请及时拨打会员服务热线" is a reminder's advice
          + "|请(您)?(立即|马上|速|尽快)(拨打|致电|联系)[^。，,\\d]{0,8}(?!96110|110|12110|12381|12321)\\d[\\d\\- ]{5,}"
          + "|\\bplease (transfer|move|send|wire) (all |your |the )?(money|funds|balance|savings)\\b"
          + "|\\b(reply|respond|text back) with your (card|pin|password|passcode|code|one[- ]time)"
          + "|\\bplease (read|tell|give|say) (this|the|your) (code|pin|passcode)( out)? to\\b"
          + "|\\bshare your screen\\b");

  /** The model's fraud log-odds, shifted and bounded: one witness among several. */
  private static Signal modelSignal(TextClassifier.Scores ms) {
    double model = Math.max(MODEL_FLOOR, Math.min(MODEL_CAP, ms.fraud() + MODEL_OFFSET));
    return new Signal("model.text_classifier", model,
        model > 0 ? "Its wording resembles known fraud messages" : "Its wording resembles ordinary messages",
        model > 0 ? "措辞与已知诈骗短信相似" : "措辞与正常短信相似", -1, -1);
  }

  /**
   * Adds the wording cues to {@code ev}; returns whether the text is an anti-fraud warning, whose quoted
   * scam words then count a quarter. {@code unexcusable}: the text holds an untrusted link or tells the
   * reader to do what a scam needs ({@link #DIRECT_DEMAND}); no reassuring word then counts, and no
   * warning is read.
   */
  private static boolean addWording(List<Signal> textSignals, boolean unexcusable, Evidence ev) {
    boolean warning = !unexcusable
        && textSignals.stream().anyMatch(s -> s.code().equals("text.anti_fraud_warning"));
    for (Signal s : textSignals) {
      if (s.weight() < 0 && unexcusable) {
        continue; // reassuring words do not excuse a bad link or a demand to move the money
      }
      if (warning && s.weight() > 0) {
        // a warning describes the scams it warns of: their words are quoted, not used
        s = new Signal(s.code(), s.weight() * 0.25, s.message(), s.messageZh(), s.start(), s.end());
      }
      ev.add(s);
    }
    return warning;
  }

  /**
   * The reasons a verdict shows, from its evidence. A FRAUD verdict always names what tipped it: when
   * no rule weighs towards fraud, the model did, however undecided, and hiding it would leave the
   * verdict with no reason at all. A SPAM verdict starts with what makes it spam.
   */
  private static List<Reason> reasons(Evidence ev, Verdict.Label label, IllegalOffers.Offer offer) {
    boolean ruleForFraud = false;
    for (Signal s : ev.signals()) {
      ruleForFraud |= s.weight() > 0 && !s.code().equals("model.text_classifier");
    }
    boolean modelDecided = label == Verdict.Label.FRAUD && !ruleForFraud;
    List<Reason> reasons = new ArrayList<>();
    for (Signal s : ev.signals()) {
      if (s.code().equals("model.text_classifier") && !modelDecided
          && (Math.abs(s.weight()) < 1.0 || (s.weight() > 0) != (label == Verdict.Label.FRAUD)
              || label == Verdict.Label.SPAM)) {
        // an undecided model explains nothing, one outvoted by the rules explains the other verdict,
        // and "ordinary wording" (not a fraud's) would only contradict a spam verdict
        continue;
      }
      reasons.add(new Reason(s.code(), s.message(), s.messageZh(), s.start(), s.end()));
    }
    if (offer == null && label == Verdict.Label.SPAM) {
      reasons.add(0, new Reason("text.advertising",
          "It reads as bulk advertising: its wording, and any opt-out line, discount or offer",
          "内容像群发营销广告：措辞，以及退订提示、折扣或优惠等", -1, -1));
    }
    if (offer != null && label == Verdict.Label.SPAM) {
      // what the advertisement offers is why it is spam; the marks it explains follow
      reasons.removeIf(r -> r.code().equals(offer.signal().code()));
      Signal o = offer.signal();
      reasons.add(0, new Reason(o.code(), o.message(), o.messageZh(), o.start(), o.end()));
    }
    return reasons;
  }

  /** Each link's span in the normalised text, start and end in turn. */
  private static int[] spans(List<ExtractedLink> links) {
    int[] out = new int[links.size() * 2];
    for (int k = 0; k < links.size(); k++) {
      out[2 * k] = links.get(k).normalizedStart();
      out[2 * k + 1] = links.get(k).normalizedEnd();
    }
    return out;
  }

  private static List<BrandMention> withDisguised(List<BrandMention> mentions, List<BrandMention> disguised) {
    if (disguised.isEmpty()) {
      return mentions;
    }
    List<BrandMention> all = new ArrayList<>(mentions);
    all.addAll(disguised);
    all.sort(Comparator.comparingInt(BrandMention::start));
    return all;
  }

  private static Signal disguisedNameSignal(BrandMention d, NormalizedText nt) {
    return new Signal("text.disguised_brand_name", 2.0,
        "It writes the name of " + LinkRules.nameEn(d.brand()) + " with look-alike characters (" + d.alias()
            + "): a brand writes its own name plainly",
        "用形近字符书写" + d.brand().displayName() + "的名称（" + d.alias() + "）：正规机构不会这样写自己的名字",
        nt.originalStart(d.start()), nt.originalEnd(d.end()));
  }

  /** What a premium-rate subscription trap dangles: a prize, cash, a draw, something free. */
  private static final java.util.regex.Pattern PRIZE_BAIT = java.util.regex.Pattern.compile(
      "\\b(win|wins|won|winner|prize|cash|draw|free|credit|award\\w*|claim)\\b|中奖|奖品|免费");

  /**
   * A premium-rate chat or content service that states its price ("10p/min", "150p/msg") is selling
   * itself: its number costs what it says, unlike a "call me back" that hides the charge. A prize, cash
   * or a "free" entry on such a number is the subscription trap, and the number still counts then.
   */
  private void discountStatedPrice(Evidence ev, String lower) {
    if (ev.has("text.premium_rate_number") && categorizer.isSelfDeclaredAdvertising(lower)
        && !PRIZE_BAIT.matcher(lower).find()) {
      ev.reweigh("text.premium_rate_number", 0.0);
    }
  }

  /** The brand the first look-alike link imitates, as an unsigned mention; empty when none does. */
  private static List<BrandMention> imitated(List<LinkAssessment> assessed) {
    for (LinkAssessment a : assessed) {
      if (a.lookalike() != null) {
        return List.of(new BrandMention(a.lookalike().brand(), a.lookalike().target(), -1, -1, false));
      }
    }
    return List.of();
  }

  /** The brand the message speaks as: the first one signed ("【工商银行】"), else the first named. */
  private static Brand claimedBrand(List<BrandMention> mentions) {
    for (BrandMention m : mentions) {
      if (m.signature()) {
        return m.brand();
      }
    }
    return mentions.isEmpty() ? null : mentions.get(0).brand();
  }

  /**
   * A public body's notice, signed by it, that links only to official sites
   * ("【广东人社】…缴费基数已公布，详情请查看 hrss.gd.gov.cn"): public bodies do not advertise, and their
   * announcements share the spam model's words ("活动", "详情", "咨询").
   */
  private static boolean isOfficialNotice(List<BrandMention> mentions, boolean untrusted, Evidence ev) {
    if (untrusted || !ev.has("link.official")) {
      return false;
    }
    for (BrandMention m : mentions) {
      if (m.signature() && m.brand().isGovernment()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Spam needs the model's word and the marks of advertising; a transaction notice from the
   * institution's own number, or one with nothing on sale in it, is not advertising however it is
   * worded. The log-odds are the model's spam log-odds, +1 with the marks of advertising or -0.5
   * without, -1 from the institution's own number.
   */
  private boolean isSpam(TextClassifier.Scores ms, String head, Evidence ev) {
    if (categorizer.isSelfDeclaredAdvertising(head) || ev.has("text.commercial_opt_out")) {
      // a sale with the opt-out line of a commercial text, a premium-rate service's price, or a text
      // whose wording the fraud model distrusts that signs off as a commercial sender
      return true;
    }
    double own = ev.has("sender.consistent") ? 1.0 : 0.0;
    if (ms.spam() + 1.0 - own <= 0) {
      return false; // not spam even with the marks: skip the search (most messages)
    }
    if (categorizer.looksTransactional(head)) {
      return false; // a pickup code or a bill with nothing on sale: a notice, not advertising
    }
    if (ms.spam() - 0.5 - own > 0) {
      return true; // spam even without them
    }
    return ms.spam() + (categorizer.looksLikeAdvertising(head) ? 1.0 : -0.5) - own > 0;
  }

  private static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }
}
