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
 * domains embedded in the host, brand names inside labels, UTS #39 skeletons with a digit map, and
 * edit distance scaled by length. Immutable and thread-safe.
 */
public final class LookalikeDetector {

  /** Brand labels shorter than this are matched only as whole tokens ("dhl-customs"). */
  private static final int MIN_SUBSTRING = 5;
  /** Labels shorter than this are too short for an edit-distance match to mean anything. */
  private static final int MIN_EDIT = 6;

  private final BrandRegistry brands;
  private final List<Protected> labels = new ArrayList<>();
  private final Map<String, Protected> bySkeleton = new HashMap<>();

  private record Protected(String label, Brand brand, String domain) {}

  public LookalikeDetector(BrandRegistry brands) {
    this.brands = brands;
    for (Brand b : brands.brands()) {
      for (String d : b.domains()) {
        String first = d.substring(0, d.indexOf('.') < 0 ? d.length() : d.indexOf('.'));
        if (first.length() >= 3 && !"gov".equals(first) && !"www".equals(first)) {
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

  private void add(Protected p) {
    for (Protected q : labels) {
      if (q.label().equals(p.label())) {
        return;
      }
    }
    labels.add(p);
    if (p.label().chars().anyMatch(Character::isLetter)) {
      bySkeleton.putIfAbsent(Skeletons.of(p.label()), p);
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
    // 1. a brand's domain inside the host: mohrss.gov.cn.sbsh4k.top, usps.com-redeliver.top
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
    String suffix = info.publicSuffix();
    String left = suffix == null || host.length() <= suffix.length()
        ? host : host.substring(0, host.length() - suffix.length() - 1);
    String[] hostLabels = left.split("\\.");
    String[] unicodeLabels = unicodeHost == null ? hostLabels : unicodeLeft(unicodeHost, hostLabels.length);
    // 2. brand names inside labels or their hyphen-separated tokens
    for (String label : hostLabels) {
      for (String token : label.split("-")) {
        for (Protected p : labels) {
          if (token.equals(p.label())) {
            return new LookalikeMatch(p.brand(), "brand_token", p.label());
          }
        }
      }
      for (Protected p : labels) {
        if (p.label().length() >= MIN_SUBSTRING && label.contains(p.label())) {
          return new LookalikeMatch(p.brand(), "brand_token", p.label());
        }
      }
    }
    String joined = String.join("", hostLabels).replace("-", "");
    // 3. confusable skeletons: m0hrss, rnohrss, Cyrillic mоhrss, ɑlipay
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
    // 4. typos, the allowance growing with length: cmbchlna, alipav, mohrs
    for (String c : candidates) {
      String ascii = c.toLowerCase(Locale.ROOT);
      if (ascii.length() < MIN_EDIT - 1) {
        continue;
      }
      for (Protected p : labels) {
        int len = p.label().length();
        if (len < MIN_EDIT) {
          continue;
        }
        int max = len >= 10 ? 2 : 1;
        if (EditDistance.within(ascii, p.label(), max) <= max) {
          return new LookalikeMatch(p.brand(), "edit_distance", p.label());
        }
      }
    }
    return null;
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
