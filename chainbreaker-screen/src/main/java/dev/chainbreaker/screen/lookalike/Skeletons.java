package dev.chainbreaker.screen.lookalike;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * UTS #39 skeletons, lower-cased, plus a digit map. ICU maps {@code 0} to {@code O} and skeletons are
 * case-sensitive, so {@code m0hrss} would not collide with {@code mohrss} without the extra step.
 */
final class Skeletons {

  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

  private Skeletons() {}

  private static final com.ibm.icu.text.Normalizer2 NFD =
      com.ibm.icu.text.Normalizer2.getNFDInstance();
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{Mn}+");

  static String of(String label) {
    return of(label, true);
  }

  /**
   * The skeleton of a word as written, case kept until the confusables are mapped: a capital Greek
   * {@code Ν} reads as {@code N}, while its lower case {@code ν} reads as {@code v}. Hosts are lower
   * case already; words in a text are not.
   */
  static String ofAsWritten(String word) {
    return of(word, false);
  }

  private static String of(String label, boolean lowerFirst) {
    // diacritics first: ṁ, ḿ and ő are not confusables in UTS #39 but read as m and o
    String bare = label.chars().allMatch(c -> c < 0x80) ? label : MARKS.matcher(NFD.normalize(label)).replaceAll("");
    String cased = lowerFirst ? bare.toLowerCase(Locale.ROOT) : bare;
    StringBuilder mapped = new StringBuilder(cased.length());
    for (int i = 0; i < cased.length(); i++) {
      char c = cased.charAt(i);
      mapped.append(switch (c) {
        case '0' -> 'o';
        case '1' -> 'l';
        case '3' -> 'e';
        case '4' -> 'a';
        case '5' -> 's';
        case '7' -> 't';
        case '8' -> 'b';
        case '9' -> 'g';
        default -> c;
      });
    }
    String sk = SPOOF.getSkeleton(mapped.toString()).toLowerCase(Locale.ROOT);
    // the skeleton of "m" is "rn"; fold the other direction too so both spellings meet
    return sk.replace("rn", "m").replace("nn", "m").replace("vv", "w").replace("cl", "d")
        .replace('i', 'l').replace('|', 'l');
  }
}
