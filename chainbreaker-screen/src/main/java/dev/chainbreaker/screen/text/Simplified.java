package dev.chainbreaker.screen.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Traditional Chinese characters read as their simplified forms, one character for one
 * ({@code 註銷帳戶} → {@code 注销帐户}), so that the brand names and wording rules, written in
 * simplified Chinese, also read texts written in traditional characters: those sent to Hong Kong,
 * Macau and Taiwan, and those a bulk sender writes in traditional characters to slip past a
 * simplified-word filter. Lengths and positions are kept, so spans found in the result are spans of
 * the input. The table is ICU's Traditional-Simplified transliterator, one-to-one pairs only
 * ({@code traditional-simplified.txt}, checked against ICU by {@code SimplifiedTest}), and a few
 * {@link #VARIANTS}.
 */
public final class Simplified {

  private static final char FIRST = '\u3400';
  private static final char LAST = '\u9FFF';
  /**
   * Older or variant forms the rules read as the standard simplified one, on top of ICU's table:
   * 帐 in 帐户 / 帐号 (the pre-1990s form of 账, still common, and where ICU maps 帳), and 貣, a rare
   * character bulk senders write for 贷 (贷款) to slip past a filter.
   */
  static final String VARIANTS = "帐账貣贷";

  /** Simplified form of {@code FIRST + i}, or 0 where the character has none of its own. */
  private static final char[] TABLE = load();

  private Simplified() {}

  /** {@code s} with every traditional character in the table replaced; {@code s} itself if none. */
  public static String of(String s) {
    char[] out = null;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      char m = c >= FIRST && c <= LAST ? TABLE[c - FIRST] : 0;
      if (m != 0) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = m;
      }
    }
    return out == null ? s : new String(out);
  }

  /** The simplified form of {@code c}, or {@code c}. */
  static char of(char c) {
    char m = c >= FIRST && c <= LAST ? TABLE[c - FIRST] : 0;
    return m != 0 ? m : c;
  }

  private static char[] load() {
    char[] table = new char[LAST - FIRST + 1];
    try (InputStream in = Simplified.class.getResourceAsStream("/dev/chainbreaker/screen/traditional-simplified.txt")) {
      if (in == null) {
        throw new IllegalStateException("traditional-simplified.txt is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        if (line.length() != 2 || line.charAt(0) < FIRST || line.charAt(0) > LAST) {
          throw new IllegalStateException("not a pair of characters in the table: " + line);
        }
        table[line.charAt(0) - FIRST] = line.charAt(1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < VARIANTS.length(); i += 2) {
      table[VARIANTS.charAt(i) - FIRST] = VARIANTS.charAt(i + 1);
    }
    // a character ICU reads as one of the variants reads on as the standard form (帳 → 帐 → 账)
    for (int i = 0; i < table.length; i++) {
      char m = table[i];
      int v = m == 0 ? -1 : VARIANTS.indexOf(m);
      if (v >= 0 && v % 2 == 0) {
        table[i] = VARIANTS.charAt(v + 1);
      }
    }
    return table;
  }
}
