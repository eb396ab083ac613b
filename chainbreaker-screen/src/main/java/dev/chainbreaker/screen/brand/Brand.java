package dev.chainbreaker.screen.brand;

import java.util.List;
import java.util.Set;

/**
 * An institution people are made to believe a message comes from.
 *
 * @param kind gov, police, bank, operator, payment, commerce, courier, toll or service
 * @param category the fraud category when this brand is impersonated
 * @param names Chinese and English names and aliases as written in messages
 * @param domains official registrable domains (ASCII)
 * @param govDomains whether any government registrable domain (under gov.cn, gov.uk, .gov) is
 *     accepted for it, as local bureaus have their own sites
 * @param senders official sender numbers and short codes
 * @param never what it never does: {@code sends_links}, {@code asks_credentials}
 * @param hotline where the recipient can check
 * @param signatureKeywords words that, inside a 【signature】, claim this brand ("【某市社保】")
 */
public record Brand(
    String id,
    String kind,
    String category,
    List<String> names,
    List<String> domains,
    boolean govDomains,
    List<String> senders,
    Set<String> never,
    String hotline,
    List<String> signatureKeywords) {

  public Brand {
    signatureKeywords = List.copyOf(signatureKeywords);
    names = List.copyOf(names);
    domains = List.copyOf(domains);
    senders = List.copyOf(senders);
    never = Set.copyOf(never);
  }

  public boolean isGovernment() {
    return "gov".equals(kind) || "police".equals(kind);
  }

  public boolean neverSendsLinks() {
    return never.contains("sends_links");
  }

  public boolean neverAsksCredentials() {
    return never.contains("asks_credentials");
  }

  /** The shortest Chinese name, or the first name: for messages. */
  public String displayName() {
    return names.isEmpty() ? id : names.get(0);
  }
}
