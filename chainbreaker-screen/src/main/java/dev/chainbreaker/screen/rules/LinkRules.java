package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandMention;
import dev.chainbreaker.screen.text.NormalizedText;
import java.util.List;

/**
 * Evidence from links in the context of the claimed identity. The strongest rule of the research:
 * a message that speaks as a government body, bank or operator and links to a domain that is not
 * that institution's is fraud, because such institutions send no such links.
 */
public final class LinkRules {

  private LinkRules() {}

  public static boolean hasUntrustedLink(List<LinkAssessment> links) {
    for (LinkAssessment a : links) {
      if (!a.isTrusted()) {
        return true;
      }
    }
    return false;
  }

  public static void apply(List<LinkAssessment> links, List<BrandMention> mentions,
      NormalizedText nt, Evidence ev) {
    Brand gov = null;
    Brand claimed = null;
    for (BrandMention m : mentions) {
      if (gov == null && m.brand().isGovernment()) {
        gov = m.brand();
      }
      if (claimed == null && (m.signature() || !"commerce".equals(m.brand().kind()))) {
        claimed = m.brand();
      }
    }
    boolean anyUntrusted = false;
    for (LinkAssessment a : links) {
      int s = a.link().start();
      int e = a.link().end();
      String reg = a.registrableDomain();
      if (a.isTrusted()) {
        continue;
      }
      anyUntrusted = true;
      if (a.lookalike() != null) {
        Brand b = a.lookalike().brand();
        ev.add(new Signal("link.lookalike_domain", 5.0,
            "The link imitates " + nameEn(b) + " (" + a.lookalike().target() + ", by "
                + a.lookalike().method() + ") but " + reg + " is not its domain",
            "链接仿冒" + b.displayName() + "（" + a.lookalike().target() + "），但 " + reg + " 并非其官方域名",
            s, e));
      }
      if (gov != null) {
        ev.add(new Signal("link.unofficial_for_claimed_gov", 6.0,
            "It claims to be " + nameEn(gov) + ", but the link's domain " + reg + " is not "
                + official(gov) + " nor a government domain; official bodies never send such links",
            "自称" + gov.displayName() + "，但链接域名 " + reg + " 不是 " + official(gov)
                + "，也不是政府域名；官方机构不会发送此类链接",
            s, e));
      } else if (claimed != null && a.link().shortener()) {
        // a shortener hides the target: it may well lead to the brand's own site
        ev.add(new Signal("link.unverified_for_claimed_brand", 1.0,
            "It speaks as " + nameEn(claimed) + " but the link is shortened (" + reg
                + "), so its target cannot be checked against " + official(claimed),
            "以" + claimed.displayName() + "名义发送，但链接是短链接（" + reg + "），无法核对是否指向 "
                + official(claimed),
            s, e));
      } else if (claimed != null && claimed.domains().isEmpty()) {
        ev.add(new Signal("link.unverified_for_claimed_brand", 1.5,
            "It speaks as a " + claimed.kind() + " but links to " + reg
                + ", which no registered institution of that kind uses",
            "以" + claimed.displayName() + "类机构名义发送，链接 " + reg + " 却不属于任何已登记机构",
            s, e));
      } else if (claimed != null) {
        ev.add(new Signal("link.unofficial_for_claimed_brand", 3.0,
            "It speaks as " + nameEn(claimed) + ", but the link goes to " + reg + ", not "
                + official(claimed),
            "以" + claimed.displayName() + "名义发送，但链接指向 " + reg + "，而非 " + official(claimed),
            s, e));
      }
      if (a.obfuscated()) {
        ev.add(new Signal("link.obfuscated", 4.0,
            "The link is disguised (full-width letters, spaced or spelled-out dots, spaced letters, hxxp for http) to slip past filters",
            "链接经过伪装（全角字符、空格或“点”代替句点、字母间加空格、hxxp 代替 http）以逃避过滤", s, e));
      }
      if (a.link().ipHost()) {
        ev.add(new Signal("link.ip_host", 3.0, "The link points to a bare IP address",
            "链接直接指向IP地址", s, e));
      }
      if (a.link().userInfo()) {
        ev.add(new Signal("link.userinfo", 3.0,
            "The link hides its real host behind a name and '@'", "链接用“@”隐藏真实主机", s, e));
      }
      if (a.hostName().idn()) {
        ev.add(new Signal("link.idn_host", 2.5,
            "The link's host uses non-ASCII letters that can imitate familiar names",
            "链接主机使用可仿冒常见名称的非ASCII字符", s, e));
      }
      String path = a.link().path().toLowerCase(java.util.Locale.ROOT);
      if (path.contains(".apk") || path.contains(".ipa")) {
        ev.add(new Signal("link.apk_download", 4.0,
            "The link downloads an app package from an unofficial site", "链接从非官方网站下载安装包", s, e));
      }
      if (a.riskyTld()) {
        ev.add(new Signal("link.risky_tld", 1.2,
            "The link uses a cheap top-level domain favoured by smishing", "链接使用诈骗短信常用的廉价顶级域名",
            s, e));
      }
      if (a.link().shortener()) {
        ev.add(new Signal("link.shortener", 0.8, "The link is shortened and hides its target",
            "短链接隐藏了真实地址", s, e));
      }
      if (a.domain().privateSuffix()) {
        ev.add(new Signal("link.free_hosting", 0.8,
            "The link is on a free hosting or dynamic DNS service", "链接位于免费托管或动态域名服务", s, e));
      }
    }
    if (!links.isEmpty() && !anyUntrusted) {
      LinkAssessment a = links.get(0);
      ev.add(new Signal("link.official", -1.5,
          "Its links go to official domains (" + a.registrableDomain() + ")",
          "链接指向官方域名（" + a.registrableDomain() + "）", a.link().start(), a.link().end()));
    }
  }

  /**
   * A link in a message about a government body's business (社保卡, 医保) that names no body: weaker
   * than a claimed identity, since people also talk about these things, but such notices carry no
   * links outside gov.cn.
   */
  public static void applyTopic(List<LinkAssessment> links, List<Brand> topics, Evidence ev) {
    if (topics.isEmpty() || ev.has("link.unofficial_for_claimed_gov")) {
      return;
    }
    for (LinkAssessment a : links) {
      if (!a.isTrusted()) {
        Brand b = topics.get(0);
        ev.add(new Signal("link.unofficial_for_gov_topic", 2.5,
            "It is about " + nameEn(b) + " business, but links to " + a.registrableDomain()
                + ", not " + official(b) + " or another government domain",
            "内容涉及" + b.displayName() + "业务，链接却指向 " + a.registrableDomain() + "，而非 "
                + official(b) + " 或其他政府域名",
            a.link().start(), a.link().end()));
        return;
      }
    }
  }

  /** HIGH, MEDIUM or LOW for one link, given the evidence of the whole message. */
  public static String risk(LinkAssessment a, Evidence ev, boolean fraud) {
    if (a.isTrusted()) {
      return "LOW";
    }
    if (fraud || a.lookalike() != null || a.obfuscated() || a.link().ipHost() || a.link().userInfo()
        || ev.has("link.unofficial_for_claimed_gov")
        || ev.has("sender.official_code_unofficial_link")) {
      return "HIGH";
    }
    if (a.riskyTld() || a.link().shortener() || a.domain().privateSuffix() || a.hostName().idn()
        || ev.has("link.unofficial_for_claimed_brand")) {
      return "MEDIUM";
    }
    return "LOW";
  }

  static String official(Brand b) {
    if (b.domains().isEmpty()) {
      return b.govDomains() ? "a government domain" : "its official site";
    }
    return String.join(" / ", b.domains().subList(0, Math.min(2, b.domains().size())));
  }

  public static String nameEn(Brand b) {
    for (String n : b.names()) {
      if (isAscii(n)) {
        return n + " (" + b.displayName() + ")";
      }
    }
    return b.displayName();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
