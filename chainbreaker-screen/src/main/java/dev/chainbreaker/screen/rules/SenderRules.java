package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandMention;
import dev.chainbreaker.screen.sender.SenderCheck;
import dev.chainbreaker.screen.sender.SenderInfo;
import dev.chainbreaker.screen.sender.SenderType;
import java.util.List;

/** Evidence from the sender against the identity the message claims. */
public final class SenderRules {

  private SenderRules() {}

  public static void apply(SenderInfo si, SenderCheck check, List<BrandMention> mentions,
      List<LinkAssessment> links, Evidence ev) {
    BrandMention signature = null;
    for (BrandMention m : mentions) {
      if (m.signature()) {
        signature = m;
        break;
      }
    }
    boolean untrusted = LinkRules.hasUntrustedLink(links);
    if (check.isOfficialCode(si) && untrusted) {
      LinkAssessment bad = links.stream().filter(a -> !a.isTrusted()).findFirst().orElseThrow();
      ev.add(new Signal("sender.official_code_unofficial_link", 5.0,
          "It comes from the service number " + si.normalized() + ", which does not send links to "
              + bad.registrableDomain() + ": the mark of a fake base station or a spoofed sender",
          "发送号码 " + si.normalized() + " 是官方服务号码，却带有非官方链接 " + bad.registrableDomain()
              + "，这是伪基站或伪造号码的特征",
          bad.link().start(), bad.link().end()));
    }
    if (si.isPersonal() && signature != null) {
      Brand b = signature.brand();
      String kind = si.type() == SenderType.EMAIL ? "an e-mail account" : "a personal number";
      ev.add(new Signal("sender.mobile_claims_institution", 3.0,
          "It speaks as " + LinkRules.nameEn(b) + " but was sent from " + kind + " (" + si.normalized()
              + "); institutions send from registered service numbers",
          "自称" + b.displayName() + "，却由个人号码（" + si.normalized() + "）发送；机构只用登记的服务号码发短信",
          -1, -1));
    }
    if (si.isPersonal() && links.stream().anyMatch(a -> !a.isTrusted() && a.riskyTld())) {
      LinkAssessment bad = links.stream().filter(a -> !a.isTrusted() && a.riskyTld()).findFirst()
          .orElseThrow();
      ev.add(new Signal("sender.personal_risky_link", 1.5,
          "A personal number sends a link on a cheap throw-away domain",
          "个人号码发送廉价一次性域名的链接", bad.link().start(), bad.link().end()));
    }
    if (si.type() == SenderType.VIRTUAL_MOBILE) {
      ev.add(new Signal("sender.virtual_mobile", 0.5,
          "It comes from a virtual-operator number (170/171/16x), common in fraud",
          "来自虚拟运营商号段（170/171/16x），常被用于诈骗", -1, -1));
    }
    if (si.type() == SenderType.ALPHANUMERIC) {
      ev.add(new Signal("sender.alphanumeric_id", -1.0,
          "It comes under an alphanumeric sender ID, which senders must register (though it can be spoofed)",
          "使用字母发送方标识发送，需经登记（但可能被伪造）", -1, -1));
    }
    if (check.isOfficialCode(si) && ev.has("text.unofficial_callback_number")) {
      ev.add(new Signal("sender.official_code_unofficial_number", 2.0,
          "It comes from the service number " + si.normalized()
              + " yet gives another number to call: the mark of a spoofed sender",
          "来自官方服务号码 " + si.normalized() + "，却要求拨打其他号码：伪造发送方的特征", -1, -1));
    }
    List<Brand> owners = check.owners(si);
    if (!owners.isEmpty() && !untrusted && signature != null && !ev.has("text.asks_credentials")
        && !ev.has("text.unofficial_callback_number")) {
      if (owners.contains(signature.brand())) {
        ev.add(new Signal("sender.consistent", -1.0,
            "The sender number belongs to " + LinkRules.nameEn(signature.brand()) + ", as it claims",
            "发送号码属于其自称的" + signature.brand().displayName(), -1, -1));
      }
    }
  }
}
