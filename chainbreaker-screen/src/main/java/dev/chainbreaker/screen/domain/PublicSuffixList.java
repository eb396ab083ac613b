package dev.chainbreaker.screen.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Public Suffix List matcher (https://publicsuffix.org/list/ algorithm): exact, wildcard and exception
 * rules, the implicit {@code *} rule for unlisted top-level domains, ICANN and private sections kept
 * apart. Rules are stored in their ASCII (punycode) form and hosts are brought to that form with
 * UTS #46, so Unicode and {@code xn--} spellings give the same answer.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class PublicSuffixList {

  private static final String RESOURCE = "/dev/chainbreaker/screen/public_suffix_list.dat";
  private static final int NORMAL_ICANN = 1;
  private static final int NORMAL_PRIVATE = 2;
  private static final int WILDCARD_ICANN = 4;
  private static final int WILDCARD_PRIVATE = 8;
  private static final int EXCEPTION_ICANN = 16;
  private static final int EXCEPTION_PRIVATE = 32;

  private static volatile PublicSuffixList bundled;

  /** Rule key (ASCII, without {@code *.} or {@code !}) to the bit set of rule kinds above. */
  private final Map<String, Integer> rules;
  private final Map<String, Boolean> tlds;

  private PublicSuffixList(Map<String, Integer> rules, Map<String, Boolean> tlds) {
    this.rules = rules;
    this.tlds = tlds;
  }

  /** The list shipped in this module's resources (loaded once). */
  public static PublicSuffixList standard() {
    PublicSuffixList p = bundled;
    if (p == null) {
      synchronized (PublicSuffixList.class) {
        p = bundled;
        if (p == null) {
          try (InputStream in = PublicSuffixList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing resource " + RESOURCE);
            }
            p = load(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          bundled = p;
        }
      }
    }
    return p;
  }

  /** Parses a list in the publicsuffix.org format. */
  public static PublicSuffixList load(InputStream in) throws IOException {
    Map<String, Integer> rules = new HashMap<>(16384);
    Map<String, Boolean> tlds = new HashMap<>(4096);
    boolean privateSection = false;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (t.startsWith("//")) {
          if (t.contains("===BEGIN PRIVATE DOMAINS===")) {
            privateSection = true;
          } else if (t.contains("===BEGIN ICANN DOMAINS===")) {
            privateSection = false;
          }
          continue;
        }
        int space = indexOfWhitespace(t);
        if (space >= 0) {
          t = t.substring(0, space); // the format says a rule ends at the first whitespace
        }
        if (t.isEmpty()) {
          continue;
        }
        int kind;
        if (t.startsWith("!")) {
          t = t.substring(1);
          kind = privateSection ? EXCEPTION_PRIVATE : EXCEPTION_ICANN;
        } else if (t.startsWith("*.")) {
          t = t.substring(2);
          kind = privateSection ? WILDCARD_PRIVATE : WILDCARD_ICANN;
        } else {
          kind = privateSection ? NORMAL_PRIVATE : NORMAL_ICANN;
        }
        String key = HostNames.parse(t).ascii();
        rules.merge(key, kind, (a, b) -> a | b);
        int dot = key.lastIndexOf('.');
        tlds.putIfAbsent(key.substring(dot + 1), Boolean.TRUE);
      }
    }
    return new PublicSuffixList(Map.copyOf(rules), Map.copyOf(tlds));
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code label} (ASCII, lower case) is a top-level domain named by the list. */
  public boolean isListedTld(String label) {
    return tlds.containsKey(label);
  }

  /**
   * The registrable domain of {@code domain} (ICANN and private rules), in the spelling of the input
   * (lower-cased), or null when there is none: a public suffix itself, a leading dot, empty labels.
   */
  public String registrableDomain(String domain) {
    if (domain == null || domain.isEmpty() || domain.startsWith(".")) {
      return null;
    }
    String lower = domain.toLowerCase(Locale.ROOT);
    String ascii = HostNames.parse(lower).ascii();
    String[] asciiLabels = ascii.split("\\.", -1);
    String[] inputLabels = lower.split("[.\u3002\uFF0E\uFF61]", -1);
    if (asciiLabels.length != inputLabels.length || hasEmptyLabel(asciiLabels)) {
      return null;
    }
    int suffixLabels = publicSuffixLength(asciiLabels, true);
    if (suffixLabels >= asciiLabels.length) {
      return null;
    }
    return join(inputLabels, asciiLabels.length - suffixLabels - 1);
  }

  /** Everything the list says about a host; {@code host} may be Unicode or ASCII. */
  public DomainInfo info(String host) {
    String ascii = HostNames.parse(host == null ? "" : host).ascii();
    String[] labels = ascii.split("\\.", -1);
    if (ascii.isEmpty() || hasEmptyLabel(labels)) {
      return new DomainInfo(ascii, null, null, null, false, false);
    }
    int all = publicSuffixLength(labels, true);
    int icann = publicSuffixLength(labels, false);
    String suffix = join(labels, labels.length - all);
    String reg = all < labels.length ? join(labels, labels.length - all - 1) : null;
    String icannReg = icann < labels.length ? join(labels, labels.length - icann - 1) : null;
    return new DomainInfo(ascii, suffix, reg, icannReg, all != icann,
        tlds.containsKey(labels[labels.length - 1]));
  }

  /** Number of labels of the public suffix under the prevailing rule. */
  private int publicSuffixLength(String[] labels, boolean includePrivate) {
    int normalMask = includePrivate ? NORMAL_ICANN | NORMAL_PRIVATE : NORMAL_ICANN;
    int wildMask = includePrivate ? WILDCARD_ICANN | WILDCARD_PRIVATE : WILDCARD_ICANN;
    int excMask = includePrivate ? EXCEPTION_ICANN | EXCEPTION_PRIVATE : EXCEPTION_ICANN;
    int best = 1; // the implicit "*" rule
    int n = labels.length;
    String suffix = null;
    for (int k = 1; k <= n; k++) {
      String parent = suffix;
      suffix = suffix == null ? labels[n - 1] : labels[n - k] + "." + suffix;
      int bits = rules.getOrDefault(suffix, 0);
      if ((bits & excMask) != 0) {
        return k - 1; // exception rules win over every other rule
      }
      if ((bits & normalMask) != 0) {
        best = Math.max(best, k);
      }
      if (parent != null && (rules.getOrDefault(parent, 0) & wildMask) != 0) {
        best = Math.max(best, k);
      }
    }
    return best;
  }

  private static boolean hasEmptyLabel(String[] labels) {
    for (String l : labels) {
      if (l.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String join(String[] labels, int from) {
    return String.join(".", java.util.Arrays.copyOfRange(labels, from, labels.length));
  }
}
