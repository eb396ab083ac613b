package dev.chainbreaker.screen.lookalike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.SharedFixtures;
import dev.chainbreaker.screen.brand.BrandRegistry;
import dev.chainbreaker.screen.domain.DomainInfo;
import dev.chainbreaker.screen.domain.HostName;
import dev.chainbreaker.screen.domain.HostNames;
import dev.chainbreaker.screen.domain.PublicSuffixList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * dnstwist generates lookalikes forward, from a brand domain; we need the reverse. Every candidate
 * dnstwist generated for mohrss.gov.cn, 12333.gov.cn, icbc.com.cn and alipay.com must lead back to
 * its brand, except where the candidate is itself an official domain of the brand (tld-swap to
 * alipay.cn) or lies under gov.cn, where registration is closed to the public (so the screener
 * treats it as a government domain, not as a lookalike).
 */
class DnstwistReverseTest {

  private static final Map<String, String> BRAND_OF_INPUT = Map.of(
      "mohrss.gov.cn", "mohrss", "12333.gov.cn", "mohrss", "icbc.com.cn", "icbc",
      "alipay.com", "alipay");

  /** Minimum share of candidates traced back to the brand, per fuzzer. */
  private static final double REQUIRED = 0.95;

  private final BrandRegistry brands = BrandRegistry.standard();
  private final LookalikeDetector detector = new LookalikeDetector(brands);
  private final PublicSuffixList psl = PublicSuffixList.standard();

  private LookalikeMatch match(String host) {
    HostName hn = HostNames.parse(host);
    DomainInfo info = psl.info(hn.ascii());
    return detector.match(info, hn.unicode());
  }

  @Test
  void tracesDnstwistCandidatesBackToTheirBrand() throws IOException {
    Path file = SharedFixtures.require("vectors/dnstwist/permutations_generated.tsv");
    Map<String, int[]> perFuzzer = new TreeMap<>();
    StringBuilder misses = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 3 || f[1].equals("*original")) {
        continue;
      }
      String expected = BRAND_OF_INPUT.get(f[0]);
      String host = f[2];
      DomainInfo info = psl.info(host);
      if (expected == null || brands.brandOfDomain(info.registrableDomain()) != null
          || "gov.cn".equals(info.publicSuffix())) {
        // an official domain is not a lookalike; gov.cn is closed to registration, so the
        // screener trusts it as government and never asks this question for it
        continue;
      }
      String regLabel = info.registrableDomain() == null ? "" : info.registrableDomain().split("\\.")[0];
      if (regLabel.length() < 4) {
        // deliberate deviation: a 3-letter name (icc.com.cn from icbc) is too short to attribute
        continue;
      }
      int[] c = perFuzzer.computeIfAbsent(f[1], k -> new int[2]);
      c[0]++;
      LookalikeMatch m = match(host);
      if (m != null && m.brand().id().equals(expected)) {
        c[1]++;
      } else if (misses.length() < 4000) {
        misses.append(f[1]).append(' ').append(f[3]).append(" -> ").append(m).append('\n');
      }
    }
    StringBuilder report = new StringBuilder();
    boolean ok = true;
    for (var e : perFuzzer.entrySet()) {
      double share = (double) e.getValue()[1] / e.getValue()[0];
      report.append(String.format("%-14s %4d/%4d%n", e.getKey(), e.getValue()[1], e.getValue()[0]));
      ok &= share >= REQUIRED;
    }
    System.out.print("dnstwist reverse lookup per fuzzer:\n" + report);
    assertTrue(ok, report + "\nfirst misses:\n" + misses);
  }

  @Test
  void namedLookalikes() {
    assertEquals("mohrss", match("mohrss.gov.cn.q7k2.top").brand().id());
    assertEquals("embedded_domain", match("mohrss.gov.cn.q7k2.top").method());
    assertEquals("cmb", match("cmbchlna-pts.top").brand().id());
    assertEquals("mohrss", match("m0hrss.top").brand().id());
    assertEquals("mohrss", match("m\u043Ehrss.com").brand().id());
    assertEquals("alipay", match("\u0251lipay.com").brand().id());
    assertEquals("usps", match("usps.com-parcel.k2v.top").brand().id());
    assertEquals("hmrc", match("hmrc.gov.uk.tax-back.vip").brand().id());
    assertEquals("irs", match("irs-claim-now.top").brand().id());
    assertNotNull(match("icbc-pay.top"));
  }

  @Test
  void ordinaryAndOfficialHostsAreNotLookalikes() {
    assertNull(match("www.icbc.com.cn"));
    assertNull(match("u.10010.cn"));
    assertNull(match("szxq9.cc"));
    assertNull(match("cloud.example.com"));
    assertNull(match("github.com"));
    assertNull(match("weather.com.cn"));
  }
}
