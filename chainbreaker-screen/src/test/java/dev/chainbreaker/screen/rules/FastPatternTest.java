package dev.chainbreaker.screen.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The cue search's shortcuts (literal alternatives compared in place, sub-patterns tried only where
 * the text they require can still occur) must find exactly what the whole pattern finds.
 */
class FastPatternTest {

  @Test
  void requiredTextOfAnAlternative() {
    List<FirstChars.Need> n = FirstChars.required("\\d+\\s*小时内");
    assertEquals(1, n.size());
    assertArrayEquals(new String[] {"小时内"}, n.get(0).literals());
    assertEquals(1, n.get(0).offset(), "at least one digit comes first; \\s* may be empty");

    n = FirstChars.required("(输入|填写)[^。]{0,12}(密码|验证码)");
    assertEquals(2, n.size());
    assertArrayEquals(new String[] {"输入", "填写"}, n.get(0).literals());
    assertArrayEquals(new String[] {"密码", "验证码"}, n.get(1).literals());
    assertEquals(2, n.get(1).offset(), "after the shortest first word; the class may be empty");

    n = FirstChars.required("ab?c+d");
    assertEquals(List.of("a@0", "c@1", "d@2"), describe(n), "an optional atom ends a run, a repeated one ends it after itself");

    assertEquals(List.of(), describe(FirstChars.required("[^。]{0,6}\\d")), "nothing literal is required");
    assertEquals(List.of(" is your@4"), describe(FirstChars.required("\\b\\d{4,8} is your\\b")));
    assertNull(FirstChars.required("\\p{L}+x"), "escapes it cannot read make it give up");
    assertNull(FirstChars.required("a|b"), "only a single alternative is read");
  }

  private static List<String> describe(List<FirstChars.Need> needs) {
    List<String> out = new ArrayList<>();
    for (FirstChars.Need n : needs) {
      out.add(String.join("/", n.literals()) + "@" + n.offset());
    }
    return out;
  }

  @Test
  void everyCueMatchesAsItsWholePatternWould() {
    List<String> pieces = pieces();
    SplittableRandom r = new SplittableRandom(20261202);
    // a matcher slot belongs to one pattern: one cache per cue
    java.util.Map<TextCue, MatcherCache> caches = new java.util.HashMap<>();
    int matches = 0;
    int tries = 0;
    for (int t = 0; t < 3000; t++) {
      StringBuilder sb = new StringBuilder();
      int k = 1 + r.nextInt(12);
      for (int j = 0; j < k; j++) {
        sb.append(pieces.get(r.nextInt(pieces.size())));
      }
      String s = sb.toString();
      for (TextCue cue : TextCues.CUES) {
        FastPattern fp = cue.pattern();
        if (!fp.prefiltered()) {
          continue;
        }
        MatcherCache cache = caches.computeIfAbsent(cue, c -> new MatcherCache(c.pattern().subCount()));
        Matcher whole = fp.pattern().matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        cache.begin(s);
        for (int i = 0; i < s.length(); i++) {
          if (!fp.firstChars().get(s.charAt(i))) {
            continue;
          }
          whole.region(i, s.length());
          int expected = whole.lookingAt() ? whole.end() : -1;
          int got = fp.matchAt(s, i, cache, 0);
          final int at = i;
          assertEquals(expected, got, () -> cue.code() + " at " + at + " in \"" + s + "\"");
          tries++;
          matches += expected >= 0 ? 1 : 0;
        }
        cache.end();
      }
    }
    assertTrue(matches > 1000 && tries > matches * 2, "the texts must both match and miss: " + matches + "/" + tries);
  }

  /**
   * Text pieces from the cues' own words (so that matches happen), digit runs, spaces and
   * punctuation (so that bounded gaps, numbers and clause ends are crossed).
   */
  private static List<String> pieces() {
    Set<String> out = new LinkedHashSet<>();
    for (TextCue cue : TextCues.CUES) {
      for (String w : cue.pattern().pattern().pattern().split("[^\\p{L}' ]+")) {
        if (!w.isBlank() && w.length() > 1) {
          out.add(w);
          out.add(w.substring(0, w.length() / 2)); // near misses
        }
      }
    }
    out.addAll(List.of("0", "1", "12", "1234", "123456", "09012345678", "0871234567890", "20%", " ",
        "，", "。", "！", "!", ".", ":", "：", "a", "您的", "是", "为", "请", "的", "不会", "never "));
    return new ArrayList<>(out);
  }
}
