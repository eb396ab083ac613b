package dev.chainbreaker.screen.lookalike;

import dev.chainbreaker.screen.brand.Brand;
import dev.chainbreaker.screen.brand.BrandMention;
import dev.chainbreaker.screen.brand.BrandRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brand's English name written with look-alike characters in the text itself: {@code Amaz0n},
 * {@code PayPaI} (a capital i), {@code Αpple} (a Greek capital alpha). The name search misses it and a
 * reader does not; a brand writes its own name plainly, so the disguise is itself evidence. Names are
 * compared as UTS #39 skeletons with the digit map of {@link Skeletons}, and only words that hold a
 * character worth disguising with are compared. Immutable and thread-safe.
 */
public final class DisguisedNames {

  /** Names shorter than this collide with ordinary words once folded ("UPS", "DHL"). */
  private static final int MIN_NAME = 5;
  private static final int MAX_WORD = 24;

  /** Each one-word English name of at least {@link #MIN_NAME} letters, by its skeleton. */
  private final Map<String, Brand> bySkeleton = new HashMap<>();

  public DisguisedNames(BrandRegistry brands) {
    for (Brand b : brands.brands()) {
      for (String name : b.names()) {
        if (name.length() >= MIN_NAME && name.chars().allMatch(c -> c < 0x80 && Character.isLetter(c))) {
          bySkeleton.putIfAbsent(Skeletons.of(name), b);
        }
      }
    }
  }

  /**
   * Every disguised name in {@code text} (normalised), in order, outside the spans
   * {@code [linkSpans[k], linkSpans[k + 1])}: a host is judged by the link rules, not read as a name.
   */
  public List<BrandMention> find(String text, int... linkSpans) {
    List<BrandMention> out = null;
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      boolean disguised = false;
      int ascii = 0;
      while (end < n && isWordChar(text.charAt(end))) {
        char c = text.charAt(end);
        ascii += c < 0x80 && Character.isLetter(c) ? 1 : 0;
        disguised |= c >= 0x80 || c >= '0' && c <= '9' || c == '@' || c == '$' || c == '|'
            || c == 'I' && end > i && Character.isLowerCase(text.charAt(end - 1));
        end++;
      }
      int len = end - i;
      if (disguised && ascii >= 2 && len >= MIN_NAME && len <= MAX_WORD && !inside(linkSpans, i)) {
        String word = text.substring(i, end);
        Brand b = bySkeleton.get(Skeletons.of(word));
        if (b == null) {
          b = bySkeleton.get(Skeletons.ofAsWritten(word)); // a capital Greek Ν, which lower-cases to ν
        }
        if (b != null && !isPlainName(b, word)) {
          if (out == null) {
            out = new ArrayList<>(1);
          }
          out.add(new BrandMention(b, word, i, end, BrandRegistry.isSignature(text, i, end)));
        }
      }
      i = end;
    }
    return out == null ? List.of() : out;
  }

  private static boolean inside(int[] spans, int at) {
    for (int k = 0; k + 1 < spans.length; k += 2) {
      if (at >= spans[k] && at < spans[k + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The word is one of the brand's names in some case: not disguised, only capitalised differently. */
  private static boolean isPlainName(Brand b, String word) {
    for (String name : b.names()) {
      if (name.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Characters a disguised Latin name is made of: ASCII letters and digits, the symbols that pass for
   * letters, and letters of other alphabets (Greek, Cyrillic, accented Latin), not Chinese characters.
   */
  private static boolean isWordChar(char c) {
    if (c < 0x80) {
      return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '|';
    }
    return c < 0x3000 && Character.isLetter(c); // below the CJK blocks: no Chinese character is a letter there
  }
}
