package dev.chainbreaker.screen.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PublicSuffixListTest {

  private static final Pattern CASE =
      Pattern.compile("checkPublicSuffix\\((null|'[^']*'),\\s*(null|'[^']*')\\);");

  private final PublicSuffixList psl = PublicSuffixList.standard();

  @Test
  void passesEveryCaseOfTheOfficialTestFile() throws IOException {
    Path file = SharedFixtures.require("vectors/publicsuffix-list/test_psl.txt");
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.strip().startsWith("//")) {
        continue;
      }
      Matcher m = CASE.matcher(line);
      if (!m.find()) {
        continue;
      }
      cases++;
      String input = unquote(m.group(1));
      String expected = unquote(m.group(2));
      String actual = psl.registrableDomain(input);
      if (!java.util.Objects.equals(expected, actual)) {
        failures.add(input + " -> " + actual + " (expected " + expected + ")");
      }
    }
    assertEquals(78, cases, "number of live cases in test_psl.txt");
    assertEquals(List.of(), failures);
  }

  @Test
  void passesThePlainFormatTests() throws IOException {
    Path file = SharedFixtures.require("vectors/publicsuffix-list/tests.txt");
    List<String> failures = new ArrayList<>();
    int cases = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("//")) {
        continue;
      }
      String[] parts = t.split("\\s+");
      if (parts.length != 2) {
        continue;
      }
      cases++;
      String input = "null".equals(parts[0]) ? null : parts[0];
      String expected = "null".equals(parts[1]) ? null : parts[1];
      String actual = psl.registrableDomain(input);
      if (!java.util.Objects.equals(expected, actual)) {
        failures.add(input + " -> " + actual + " (expected " + expected + ")");
      }
    }
    assertTrue(cases > 50, "cases read: " + cases);
    assertEquals(List.of(), failures);
  }

  @Test
  void separatesIcannAndPrivateSections() {
    DomainInfo gh = psl.info("evil.github.io");
    assertEquals("evil.github.io", gh.registrableDomain());
    assertEquals("github.io", gh.icannRegistrableDomain());
    assertTrue(gh.privateSuffix());
    DomainInfo gov = psl.info("www.mohrss.gov.cn");
    assertEquals("mohrss.gov.cn", gov.registrableDomain());
    assertEquals("gov.cn", gov.publicSuffix());
    assertFalse(gov.privateSuffix());
  }

  @Test
  void handlesFullWidthAndCyrillicHostsThroughUts46() {
    assertEquals("szxq9.cc", psl.info("ａ．ｓｚｘｑ９．ｃｃ").registrableDomain());
    DomainInfo cyr = psl.info("m\u043Ehrss.gov.cn");
    assertEquals("xn--mhrss-jye.gov.cn", cyr.registrableDomain());
  }

  private static String unquote(String s) {
    return "null".equals(s) ? null : s.substring(1, s.length() - 1);
  }
}
