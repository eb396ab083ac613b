package dev.chainbreaker.screen.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.SharedFixtures;
import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.text.TextNormalizer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code urls*} groups of twitter-text's conformance suite. Deliberate deviations are listed by
 * description in {@link #DEVIATIONS}, each with the reason; every other case must pass.
 */
class TwitterTextVectorsTest {

  /** Cases we handle differently on purpose. */
  static final Map<String, String> DEVIATIONS = Map.ofEntries(
      Map.entry("DO NOT extract URLs with > 40 characters in a t.co slug",
          "t.co slug-length rules are Twitter's own; a long t.co link is still a link"),
      Map.entry("Extract a t.co URL with a trailing apostrophe",
          "t.co slug rules: we end paths at whitespace and trim only punctuation, so 's stays"),
      Map.entry("Extract a t.co URL with a trailing hyphen",
          "t.co slug rules: a trailing '-' is kept, as for every other host"),
      Map.entry("Extract t.co URLs skipping trailing characters and adjusting indices correctly",
          "t.co slug rules ('s, +c, .x, #a, trailing '-' are path characters for us)"));

  private final LinkExtractor extractor = new LinkExtractor(PublicSuffixList.standard());
  private final TextNormalizer normalizer = new TextNormalizer();

  @Test
  @SuppressWarnings("unchecked")
  void urlGroupsPassExceptListedDeviations() throws IOException {
    Path file = SharedFixtures.require("vectors/twitter-text/extract.yml");
    Map<String, Object> root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new LoaderOptions()).load(r);
    }
    Map<String, Object> tests = (Map<String, Object>) root.get("tests");
    List<String> failures = new ArrayList<>();
    int passed = 0;
    int deviated = 0;
    for (String group : List.of("urls", "urls_with_indices", "urls_with_directional_markers",
        "tco_urls_with_params")) {
      for (Map<String, Object> t : (List<Map<String, Object>>) tests.get(group)) {
        String desc = (String) t.get("description");
        String text = (String) t.get("text");
        List<Object> expected = (List<Object>) t.get("expected");
        List<ExtractedLink> links = extractor.extract(normalizer.normalize(text));
        List<String> got = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (ExtractedLink l : links) {
          got.add(expected.isEmpty() || expected.get(0) instanceof String
              ? l.text() : l.text() + "@" + l.start() + "," + l.end());
        }
        for (Object e : expected) {
          if (e instanceof String str) {
            want.add(str);
          } else {
            Map<String, Object> m = (Map<String, Object>) e;
            List<Integer> idx = (List<Integer>) m.get("indices");
            want.add(m.get("url") + "@" + idx.get(0) + "," + idx.get(1));
          }
        }
        boolean ok = got.equals(want);
        if (DEVIATIONS.containsKey(desc)) {
          deviated++;
        } else if (ok) {
          passed++;
        } else {
          failures.add(group + ": " + desc + "\n   got  " + got + "\n   want " + want);
        }
      }
    }
    System.out.printf("twitter-text urls: %d passed, %d listed deviations, %d failed%n",
        passed, deviated, failures.size());
    assertEquals("", String.join("\n", failures));
    assertTrue(passed > 90);
  }

  static final Set<String> UNUSED = Set.of();
}
