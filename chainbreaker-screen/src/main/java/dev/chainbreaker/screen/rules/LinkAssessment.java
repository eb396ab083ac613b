package dev.chainbreaker.screen.rules;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.domain.DomainInfo;
import dev.chainbreaker.screen.domain.HostName;
import dev.chainbreaker.screen.link.ExtractedLink;
import dev.chainbreaker.screen.lookalike.LookalikeMatch;

/**
 * What is known about one link before the message context is applied.
 *
 * @param owner the brand whose official domain this is, or null
 * @param government the registrable domain is under a government suffix (gov.cn, gov.uk, .gov)
 * @param lookalike the brand the host imitates, or null
 * @param obfuscated the link had to be de-obfuscated to be read
 * @param riskyTld the top-level domain is one that smishing favours (cheap, lax registration)
 */
public record LinkAssessment(
    ExtractedLink link,
    HostName hostName,
    DomainInfo domain,
    Brand owner,
    boolean government,
    LookalikeMatch lookalike,
    boolean obfuscated,
    boolean riskyTld) {

  /** Official for some brand, or a government site. */
  public boolean isTrusted() {
    return owner != null || government;
  }

  public String registrableDomain() {
    String r = domain.registrableDomain();
    return r != null ? r : domain.host();
  }
}
