package dev.chainbreaker.screen.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.SharedFixtures;
import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * linkify-it and autolink-java vectors. The agreed subset is "every case except those listed in
 * {@link #LINKIFY_DEVIATIONS} / {@link #AUTOLINK_DEVIATIONS}", and each listed case says why SMS
 * screening decides differently.
 */
class LinkifyAndAutolinkVectorsTest {

  /** linkify-it inputs (links.txt line, or not_links.txt line) handled differently on purpose. */
  static final Set<String> LINKIFY_DEVIATIONS = Set.of(
      // e-mail addresses are not links for SMS screening (no page to phish from)
      "\"test@example.com\"", "(email@example.com foobar)", "(email@example.com)",
      "(foobar email@example.com)", "192.168.1.1@gmail.com", "<mailto:user@domain.com>",
      "<user@domain.com>", "<user@domain.com>.", ">>name@example.com", "MAILTO:NAME@EXAMPLE.COM",
      "foo+bar@gmail.com", "mailto:foo@bar", "mailto:foo_bar@example.com", "mailto:name@example.com",
      "name@example.com", "test.\"foo\".bar@gmail.co.uk!", "｜test@google.com｜bar",
      // a host must end in a TLD of the Public Suffix List or be IPv4: no localhost, single labels
      // or reserved names, with or without a scheme (nobody is phished through them by SMS)
      "//localhost", "//test.123", "http://999", "http://example.invalid", "http://host-name",
      "http://inrgess2", "http://localhost:8000?",
      // CJK ends a path, by design (Chinese text puts no space after a link)
      "example.com/䨹", "➡.ws/䨹",
      // a double quote ends a link; a trailing quote is trimmed (links quoted in messages)
      "http://foo.com/blah_blah_\"doublequoted\"", "http://foo.com/blah_blah_'singlequoted'",
      // "test.example@http://vk.com": '@' before a scheme blocks it (twitter-text agrees)
      "test.example@http://vk.com",
      // ':' may precede a bare host, because SMS writes "网址:abc.cc"; file.pm is then a link
      "path:to:file.pm",
      // a misspelt scheme is a disguise in SMS ("ht tp://", "hppt://"): the host after "://" is still
      // where a reader who types the link goes
      "hppt://example.com");

  /** autolink-java inputs handled differently on purpose. */
  static final Set<String> AUTOLINK_DEVIATIONS = Set.of(
      // only http, https, ftp and protocol-relative links; other schemes do not open a web page
      "ABC://foo", "a+b://foo", "a-b://foo", "a.b://foo", "a123://foo", "a123b://foo", "a://foo",
      "ab://c",
      // bare domains are links for us (autolink only knows "www."), so these are links
      "foo-www.fo.uk", "foo.www.fo.uk", "w.bar.foo.co", "ww.foo.com", "wwwsomething.com",
      "wwww.toomany.com",
      // a host needs a listed TLD
      "http://a.",
      // brackets glued between two links stay in the first link (balanced), trailing quotes are
      // trimmed, and a non-ASCII punctuation mark (¡) ends a link
      "(http://one.org/)(http://two.org/)", "(www.one.org/)(www.two.org/)",
      "http://example.org/''", "http://example.org/'''", "http://example.org/'_(foo)'",
      "http://example.org/]()", "http://example.org/a'b'", "http://example.org/¡",
      "www.example.org/¡");

  private final LinkExtractor extractor = new LinkExtractor(PublicSuffixList.standard());
  private final TextNormalizer normalizer = new TextNormalizer();

  private List<String> links(String text) {
    return extractor.extract(normalizer.normalize(text)).stream().map(ExtractedLink::text).toList();
  }

  @Test
  void linkifyLinks() throws IOException {
    Path file = SharedFixtures.require("vectors/linkify-it/links.txt");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int deviated = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("%")) {
        continue;
      }
      String input = stripComment(line);
      String expected = input;
      if (i + 1 < lines.size() && !lines.get(i + 1).isBlank() && !lines.get(i + 1).startsWith("%")) {
        expected = stripComment(lines.get(i + 1));
        i++;
      }
      List<String> got = links(input);
      if (LINKIFY_DEVIATIONS.contains(input)) {
        deviated++;
      } else if (got.contains(expected)) {
        passed++;
      } else {
        failures.add("'" + input + "' got " + got + " want " + expected);
      }
    }
    report("linkify-it links", passed, deviated, failures);
  }

  @Test
  void linkifyNotLinks() throws IOException {
    Path file = SharedFixtures.require("vectors/linkify-it/not_links.txt");
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int deviated = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("%")) {
        continue;
      }
      String input = stripComment(line);
      List<String> got = links(input);
      if (LINKIFY_DEVIATIONS.contains(input)) {
        deviated++;
      } else if (got.isEmpty()) {
        passed++;
      } else {
        failures.add("'" + input + "' got " + got);
      }
    }
    report("linkify-it not_links", passed, deviated, failures);
  }

  @Test
  void autolinkCases() throws IOException {
    Path file = SharedFixtures.require("vectors/autolink-java/autolink_cases.jsonl");
    ObjectMapper om = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int deviated = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = om.readTree(line);
      if ("EMAIL".equals(n.get("type").asString())) {
        continue; // e-mail addresses are not links for SMS screening
      }
      String input = n.get("input").asString();
      String expected = n.get("expected").asString();
      List<String> want = new ArrayList<>();
      String[] parts = expected.split("\\|", -1);
      for (int k = 1; k < parts.length; k += 2) {
        want.add(parts[k]);
      }
      List<String> got = links(input);
      if (AUTOLINK_DEVIATIONS.contains(input)) {
        deviated++;
      } else if (got.equals(want)) {
        passed++;
      } else {
        failures.add("'" + input + "' got " + got + " want " + want);
      }
    }
    report("autolink-java", passed, deviated, failures);
  }

  private static void report(String name, int passed, int deviated, List<String> failures) {
    System.out.printf("%s: %d passed, %d listed deviations, %d failed%n", name, passed, deviated,
        failures.size());
    assertEquals("", String.join("\n", new TreeSet<>(failures)));
    assertTrue(passed > 0);
  }

  private static String stripComment(String line) {
    int k = line.indexOf(" % ");
    String s = k >= 0 ? line.substring(0, k) : line;
    return s.stripTrailing();
  }
}
