package dev.chainbreaker.screen.lookalike;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandRegistry;
import dev.chainbreaker.screen.domain.DomainInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the lookalike question in reverse, from an incoming host back to the brand it imitates (the
 * direction dnstwist lacks). Checks every label, not only the first (openSquat's blind spot): brand
 * domains embedded in the host, dnstwist-style permutations of brand domains (exact lookup), brand
 * names inside labels, UTS #39 skeletons with a digit map, and edit distance scaled by length. Immutable and thread-safe.
 */
public final class LookalikeDetector {

  /** Brand labels shorter than this are matched only as whole tokens ("dhl-customs"). */
  private static final int MIN_SUBSTRING = 5;
  /** Labels shorter than this are too short for an edit-distance match to mean anything. */
  private static final int MIN_EDIT = 6;

  private final BrandRegistry brands;
  private final List<Protected> labels = new ArrayList<>();
  private final Map<String, Protected> bySkeleton = new HashMap<>();
  /** dnstwist-style permutations of every brand domain, for an exact lookup. */
  private final Map<String, Brand> permutations = new HashMap<>();

  /** A brand label to protect; {@code skeleton} is precomputed (digits-only labels keep their digits). */
  private record Protected(String label, Brand brand, String domain, String skeleton,
      boolean hasLetter, String dotSuffix) {
    Protected(String label, Brand brand, String domain) {
      this(label, brand, domain,
          label.chars().anyMatch(Character::isLetter) ? Skeletons.of(label) : label,
          label.chars().anyMatch(Character::isLetter),
          domain.indexOf('.') < 0 ? "" : domain.substring(domain.indexOf('.')));
    }
  }

  public LookalikeDetector(BrandRegistry brands) {
    this.brands = brands;
    for (Brand b : brands.brands()) {
      for (String d : b.domains()) {
        addPermutations(b, d);
        String first = d.substring(0, d.indexOf('.') < 0 ? d.length() : d.indexOf('.'));
        boolean digitsOnly = first.chars().allMatch(Character::isDigit);
        // "189" (189.cn) is too common a number to attribute; "12333", "10086" are not
        if (first.length() >= (digitsOnly ? 5 : 3) && !"gov".equals(first) && !"www".equals(first)) {
          add(new Protected(first, b, d));
        }
      }
      for (String name : b.names()) {
        String token = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (token.length() >= 3 && token.equals(name.toLowerCase(Locale.ROOT).replace("-", ""))) {
          add(new Protected(token, b, b.domains().isEmpty() ? token : b.domains().get(0)));
        }
      }
    }
  }

  private void addPermutations(Brand b, String domain) {
    int dot = domain.indexOf('.');
    if (dot < 4) {
      return; // names shorter than 4 letters give permutations anyone might own
    }
    for (String p : Permutations.of(domain.substring(0, dot), domain.substring(dot + 1))) {
      int d = p.indexOf('.');
      if (d >= 4 && brands.brandOfDomain(p) == null) {
        permutations.putIfAbsent(p, b);
      }
    }
  }

  private void add(Protected p) {
    for (Protected q : labels) {
      if (q.label().equals(p.label())) {
        return;
      }
    }
    labels.add(p);
    if (p.hasLetter()) {
      bySkeleton.putIfAbsent(p.skeleton(), p);
    }
  }

  /**
   * The brand {@code host} imitates, or null. {@code info} is the Public Suffix List view of the
   * host; {@code unicodeHost} its Unicode form. A host on a brand's own domain is never a lookalike.
   */
  public LookalikeMatch match(DomainInfo info, String unicodeHost) {
    String host = info.host();
    String reg = info.registrableDomain();
    if (reg == null || brands.brandOfDomain(reg) != null
        || brands.brandOfDomain(info.icannRegistrableDomain()) != null) {
      return null;
    }
    // 1. a brand's domain inside the host: mohrss.gov.cn.q7k2.top, usps.com-parcel.top
    for (Brand b : brands.brands()) {
      for (String d : b.domains()) {
        int at = host.indexOf(d);
        if (at >= 0 && (at == 0 || host.charAt(at - 1) == '.' || host.charAt(at - 1) == '-')) {
          int end = at + d.length();
          if (end < host.length() && (host.charAt(end) == '.' || host.charAt(end) == '-')) {
            return new LookalikeMatch(b, "embedded_domain", d);
          }
        }
      }
    }
    // 2. a dnstwist-style permutation of a brand domain, looked up exactly
    Brand permuted = permutations.get(reg);
    if (permuted == null) {
      permuted = permutations.get(host.startsWith("www.") ? host.substring(4) : host);
    }
    if (permuted != null) {
      return new LookalikeMatch(permuted, "permutation", reg);
    }
    String suffix = info.publicSuffix();
    String left = suffix == null || host.length() <= suffix.length()
        ? host : host.substring(0, host.length() - suffix.length() - 1);
    String[] hostLabels = left.split("\\.");
    String[] unicodeLabels = unicodeHost == null ? hostLabels : unicodeLeft(unicodeHost, hostLabels.length);
    // 3. brand names inside labels or their hyphen-separated tokens (Unicode form: the tokens of
    //    a punycode label are noise)
    for (String label : unicodeLabels) {
      for (String token : label.split("-")) {
        for (Protected p : labels) {
          if (token.equals(p.label())) {
            return new LookalikeMatch(p.brand(), "brand_token", p.label());
          }
        }
      }
      for (Protected p : labels) {
        // the brand's domain glued into one label: icbccom.cn, mohrssgov.cn, alipaycom.com
        if (isGlued(label, p)) {
          return new LookalikeMatch(p.brand(), "brand_token", p.domain());
        }
        if (p.label().length() >= MIN_SUBSTRING && label.contains(p.label())) {
          return new LookalikeMatch(p.brand(), "brand_token", p.label());
        }
      }
    }
    String joined = String.join("", hostLabels).replace("-", "");
    // 4. confusable skeletons: m0hrss, rnohrss, Cyrillic mоhrss, ɑlipay
    List<String> candidates = new ArrayList<>();
    for (String l : unicodeLabels) {
      candidates.add(l);
      for (String t : l.split("-")) {
        candidates.add(t);
      }
    }
    candidates.add(joined);
    for (String c : candidates) {
      if (c.isEmpty() || c.chars().noneMatch(Character::isLetter)) {
        continue;
      }
      Protected p = bySkeleton.get(Skeletons.of(c));
      if (p != null) {
        return new LookalikeMatch(p.brand(), "skeleton", p.label());
      }
    }
    // 5. typos on the registrable label, compared as skeletons so that a homoglyph and a typo
    //    together (m0lhrss) still count; the allowance grows with length, and short names count
    //    only under the brand's own public suffix (icbf.com.cn)
    String regLabel = unicodeLabels.length == 0 ? "" : unicodeLabels[unicodeLabels.length - 1];
    String regSkeleton = regLabel.isEmpty() ? "" : Skeletons.of(regLabel);
    for (Protected p : labels) {
      int len = p.label().length();
      String target = p.skeleton();
      String cand = p.hasLetter() ? regSkeleton : regLabel;
      boolean sameSuffix = suffix != null && p.dotSuffix().length() == suffix.length() + 1
          && p.dotSuffix().endsWith(suffix);
      if (len < MIN_EDIT - 1 && !(sameSuffix && len >= 4)) {
        continue;
      }
      if (cand.length() < 4 || (cand.length() < MIN_EDIT - 1 && !sameSuffix)) {
        continue;
      }
      int max = len >= 10 ? 2 : 1;
      if (EditDistance.within(cand, target, max) <= max) {
        return new LookalikeMatch(p.brand(), "edit_distance", p.label());
      }
    }
    return null;
  }

  /** label = brand label + one or more whole labels of its domain's suffix, without the dots. */
  private static boolean isGlued(String label, Protected p) {
    if (!label.startsWith(p.label()) || p.domain().indexOf('.') < 0) {
      return false;
    }
    String[] rest = p.domain().substring(p.domain().indexOf('.') + 1).split("\\.");
    StringBuilder glued = new StringBuilder(p.label());
    for (String r : rest) {
      glued.append(r);
      if (label.equals(glued.toString())) {
        return true;
      }
    }
    return false;
  }

  private static String[] unicodeLeft(String unicodeHost, int count) {
    String[] all = unicodeHost.toLowerCase(Locale.ROOT).split("\\.");
    if (all.length < count) {
      return all;
    }
    String[] out = new String[count];
    System.arraycopy(all, 0, out, 0, count);
    return out;
  }
}
