package dev.chainbreaker.screen.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Hashed character n-gram features (1 to 3 characters, no word segmenter needed for Chinese) over a
 * text prepared so that the model learns the message and not the data set's masking conventions:
 * links become one symbol, digit runs become {@code 0}, and the placeholders of the public corpora
 * ({@code DIGIT}, {@code <#>}, {@code xxx}, {@code URL}, ...) are mapped to what they stand for.
 *
 * <p>Stateless and thread-safe; the same instance must be used for training and scoring.
 */
public final class Featurizer {

  /** Stands for a link in the prepared text. */
  public static final char LINK = '\u2197';
  private static final int MAX_CHARS = 2000;

  private final int bits;
  private final int mask;

  public Featurizer(int bits) {
    this.bits = bits;
    this.mask = (1 << bits) - 1;
  }

  public int bits() {
    return bits;
  }

  /** Number of feature slots; indices returned are 1-based in {@code [1, dimension()]}. */
  public int dimension() {
    return mask + 1;
  }

  /**
   * Prepares a normalised text whose link spans ({@code [start, end)} pairs in normalised
   * coordinates, ascending) are given.
   */
  public static String prepare(String normalized, int[] linkSpans) {
    int n = Math.min(normalized.length(), MAX_CHARS);
    // a char buffer, not a StringBuilder: Chinese text would make one inflate from Latin-1 to
    // UTF-16 part-way; the output is never longer than the input plus 2 per link
    Buffer sb = new Buffer(n + linkSpans.length + 8);
    int li = 0;
    int i = 0;
    while (i < n) {
      while (li + 1 < linkSpans.length && linkSpans[li] < i) {
        li += 2;
      }
      if (li + 1 < linkSpans.length && i == linkSpans[li]) {
        sb.append(' ').append(LINK).append(' ');
        i = Math.max(i + 1, linkSpans[li + 1]);
        li += 2;
        continue;
      }
      char c = normalized.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        int skip = placeholderAt(normalized, i, sb);
        if (skip > 0) {
          i += skip;
          continue;
        }
      }
      if (c >= '0' && c <= '9') {
        while (i < n && normalized.charAt(i) >= '0' && normalized.charAt(i) <= '9') {
          i++;
        }
        sb.append('0');
        continue;
      }
      if (c < 0x80 ? c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F : Character.isWhitespace(c)) {
        if (sb.length() > 0 && sb.last() != ' ') {
          sb.append(' ');
        }
        i++;
        continue;
      }
      sb.append(Character.toLowerCase(c));
      i++;
    }
    return unmask(sb.toString());
  }

  /** A growable char buffer: the few StringBuilder operations {@link #prepare} needs. */
  private static final class Buffer {
    private char[] chars;
    private int length;

    Buffer(int capacity) {
      chars = new char[capacity];
    }

    Buffer append(char c) {
      if (length == chars.length) {
        chars = Arrays.copyOf(chars, length * 2 + 8);
      }
      chars[length++] = c;
      return this;
    }

    Buffer append(String s) {
      for (int k = 0; k < s.length(); k++) {
        append(s.charAt(k));
      }
      return this;
    }

    int length() {
      return length;
    }

    char last() {
      return chars[length - 1];
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }

  private static final String[][] PLACEHOLDERS = {
    {"CELLPHONE", "0"}, {"DIGIT", "0"}, {"URL", " " + LINK + " "}, {"NAME", ""}, {"PLACE", ""},
  };

  /**
   * The generated corpus writes placeholders in capitals (DIGIT, NAME, URL, PLACE, CELLPHONE);
   * appends what one stands for and returns its length, or 0 when none starts at {@code i}.
   */
  private static int placeholderAt(String s, int i, Buffer sb) {
    for (String[] p : PLACEHOLDERS) {
      String token = p[0];
      if (s.startsWith(token, i)) {
        int end = i + token.length();
        boolean before = i == 0 || !Character.isLetter(s.charAt(i - 1)) || s.charAt(i - 1) > 0x7F;
        boolean after = end >= s.length() || !Character.isLetter(s.charAt(end)) || s.charAt(end) > 0x7F;
        if (before && after) {
          sb.append(p[1]);
          return token.length();
        }
      }
    }
    return 0;
  }

  /** The public corpora mask digits and links; map the masks to what they stand for. */
  static String unmask(String s) {
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0 && s.indexOf("xx") < 0) {
      return s;
    }
    String t = s.replace("&lt;#&gt;", "0").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("<#>", "0").replace("<decimal>", "0").replace("<time>", "0").replace("<date>", "0")
        .replace("<url>", " " + LINK + " ").replace("<email>", "@");
    // "xxx" masks digits in one corpus; either way it is not a word
    return t.replaceAll("x{3,}", "0");
  }

  /**
   * Sorted unique 1-based feature indices of a prepared text, with L2-normalised binary values.
   */
  public Vector features(String prepared) {
    int[] idx = new int[capacity(prepared)];
    int u = features(prepared, idx);
    double v = u == 0 ? 0 : 1.0 / Math.sqrt(u);
    return new Vector(Arrays.copyOf(idx, u), v);
  }

  /** Size of the index buffer {@link #features(String, int[])} needs for {@code prepared}. */
  public static int capacity(String prepared) {
    return Math.max(8, 3 * (prepared.length() + 2) + 2);
  }

  /**
   * As {@link #features(String)} without allocation: writes the sorted unique indices to the head
   * of {@code idx} (at least {@link #capacity} long) and returns their number; the value of each
   * is {@code 1 / sqrt(count)}.
   */
  public int features(String prepared, int[] idx) {
    return sortUnique(idx, rawFeatures(prepared, idx));
  }

  /**
   * The indices of {@link #features(String, int[])} before sorting: in text order, with repeats.
   * Returns their number.
   */
  public int rawFeatures(String prepared, int[] idx) {
    // the text between the markers \u0002 and \u0003, read in place
    int n = prepared.length() + 2;
    int k = 0;
    for (int i = 0; i < n; i++) {
      int h = 0x811C9DC5;
      for (int len = 1; len <= 3 && i + len <= n; len++) {
        int at = i + len - 1;
        char c = at == 0 ? '\u0002' : at == n - 1 ? '\u0003' : prepared.charAt(at - 1);
        h = (h ^ c) * 0x01000193;
        if (len == 1 && (c == ' ' || c == '\u0002' || c == '\u0003')) {
          continue; // boundaries alone carry nothing
        }
        idx[k++] = (mix(h + len) & mask) + 1;
      }
    }
    int lenBucket = n < 20 ? 1 : n < 40 ? 2 : n < 80 ? 3 : n < 160 ? 4 : 5;
    idx[k++] = (mix(0x5EED0000 + lenBucket) & mask) + 1;
    return k;
  }

  /** Sorts the first {@code k} indices and drops repeats; returns the number left. */
  public static int sortUnique(int[] idx, int k) {
    Arrays.sort(idx, 0, k);
    int u = 0;
    for (int i = 0; i < k; i++) {
      if (u == 0 || idx[u - 1] != idx[i]) {
        idx[u++] = idx[i];
      }
    }
    return u;
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  /** A sparse binary vector with one shared value for every present index. */
  public record Vector(int[] indices, double value) {}

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Featurizer(char 1-3 grams, %d bits)", bits);
  }
}
