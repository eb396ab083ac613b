package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandRegistry;
import dev.chainbreaker.screen.domain.DomainInfo;
import dev.chainbreaker.screen.domain.HostName;
import dev.chainbreaker.screen.domain.HostNames;
import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.link.ExtractedLink;
import dev.chainbreaker.screen.lookalike.LookalikeDetector;
import dev.chainbreaker.screen.lookalike.LookalikeMatch;
import dev.chainbreaker.screen.text.NormalizedText;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Judges a link on its own: owner, government suffix, lookalike, disguise, TLD. Thread-safe. */
public final class LinkAssessor {

  /** Suffixes under which only governments can register. */
  private static final Set<String> GOVERNMENT_SUFFIXES = Set.of(
      "gov.cn", "xn--zfr164b", "gov.uk", "gov", "gov.hk", "gov.mo", "gov.tw", "gov.sg", "gov.au",
      "gc.ca", "gouv.fr", "service.gov.uk");

  /** Top-level domains that smishing favours: cheap, quick, lax registration. */
  private static final Set<String> RISKY_TLDS = Set.of(
      "cc", "top", "vip", "xyz", "icu", "club", "online", "site", "shop", "work", "buzz", "fit",
      "rest", "wang", "ga", "gq", "tk", "ml", "cf", "live", "cyou", "sbs", "cfd", "bond", "life",
      "ltd", "pw", "win", "bid", "loan", "click", "link", "ooo", "app", "fun", "store", "monster",
      "xin", "ren", "kim", "tw", "ws", "su", "today", "run", "lol", "pro", "info", "me");

  private final PublicSuffixList psl;
  private final BrandRegistry brands;
  private final LookalikeDetector lookalikes;

  public LinkAssessor(PublicSuffixList psl, BrandRegistry brands) {
    this.psl = psl;
    this.brands = brands;
    this.lookalikes = new LookalikeDetector(brands);
  }

  /** Hosts judged so far; a campaign repeats its host across thousands of messages. */
  private static final int CACHE_MAX = 8192;
  private final ConcurrentHashMap<String, HostJudgement> byHost = new ConcurrentHashMap<>();

  /** Everything about a link that depends only on its host: parsed once per distinct host. */
  private record HostJudgement(HostName hn, DomainInfo info, Brand owner, boolean government,
      LookalikeMatch look, boolean risky) {}

  public LinkAssessment assess(ExtractedLink link, NormalizedText nt) {
    String key = link.host() == null ? null : link.ipHost() ? "\u0000" + link.host() : link.host();
    HostJudgement j = key == null ? null : byHost.get(key);
    if (key == null) {
      j = judge(link.host(), link.ipHost());
    } else if (j == null) {
      j = judge(link.host(), link.ipHost());
      if (byHost.size() >= CACHE_MAX) {
        byHost.clear(); // bounded: a flood of one-off hosts only costs the uncached path
      }
      byHost.put(key, j);
    }
    boolean obfuscated = !nt.deobfuscationsIn(link.start(), link.end()).isEmpty();
    return new LinkAssessment(link, j.hn(), j.info(), j.owner(), j.government(), j.look(),
        obfuscated, j.risky());
  }

  private HostJudgement judge(String linkHost, boolean ipHost) {
    HostName hn = HostNames.parse(linkHost);
    DomainInfo info = ipHost
        ? new DomainInfo(hn.ascii(), null, null, null, false, false)
        : psl.info(hn.ascii());
    Brand owner = null;
    boolean government = false;
    LookalikeMatch look = null;
    boolean risky = false;
    if (!ipHost) {
      owner = brands.brandOfDomain(info.registrableDomain());
      if (owner == null) {
        owner = brands.brandOfDomain(info.icannRegistrableDomain());
      }
      String suffix = info.publicSuffix();
      government = suffix != null && GOVERNMENT_SUFFIXES.contains(suffix) && !info.privateSuffix();
      if (owner == null && !government) {
        look = lookalikes.match(info, hn.unicode());
      }
      String host = info.host();
      String tld = host.substring(host.lastIndexOf('.') + 1);
      risky = RISKY_TLDS.contains(tld);
    }
    return new HostJudgement(hn, info, owner, government, look, risky);
  }
}
