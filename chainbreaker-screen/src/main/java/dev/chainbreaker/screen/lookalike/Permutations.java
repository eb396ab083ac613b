package dev.chainbreaker.screen.lookalike;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * dnstwist-style permutations of a domain (the forward direction, after the fuzzer descriptions in
 * dnstwist's documentation; no code copied): addition, bitsquatting, hyphenation, insertion and
 * replacement with QWERTY, QWERTZ and AZERTY neighbours, omission, repetition, subdomain,
 * transposition, vowel swap, plural, TLD swap and the "various" gluings. Homoglyph fuzzers are not
 * generated: skeletons cover them in the reverse direction. ASCII only.
 */
public final class Permutations {

  /** dnstwist's bundled list of most abused TLDs. */
  static final List<String> ABUSED_TLDS = List.of("com", "net", "eu", "cn", "ga", "gq", "tk", "ml",
      "cf", "cc", "info", "app", "ooo", "xyz", "online", "site", "wang", "work", "rest", "buzz",
      "top", "fit");

  private static final String[][] KEYBOARDS = {
    {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"},
    {"1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"},
    {"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"},
  };

  private Permutations() {}

  /**
   * Permutations of {@code label} + "." + {@code suffix} (e.g. "mohrss", "gov.cn"), without the
   * original.
   */
  public static Set<String> of(String label, String suffix) {
    Set<String> labels = new LinkedHashSet<>();
    int n = label.length();
    for (char c = '0'; c <= 'z'; c = c == '9' ? 'a' : (char) (c + 1)) {
      labels.add(label + c); // addition
    }
    for (int i = 0; i < n; i++) {
      char c = label.charAt(i);
      for (int bit = 0; bit < 8; bit++) { // bitsquatting
        char f = (char) (c ^ (1 << bit));
        if (f >= '0' && f <= '9' || f >= 'a' && f <= 'z' || f == '-') {
          labels.add(label.substring(0, i) + f + label.substring(i + 1));
        }
      }
      labels.add(label.substring(0, i) + label.substring(i + 1)); // omission
      labels.add(label.substring(0, i) + c + label.substring(i)); // repetition
      for (char k : neighbours(c)) {
        labels.add(label.substring(0, i) + k + label.substring(i + 1)); // replacement
        if (i < n - 1) { // insertion, before and after
          labels.add(label.substring(0, i) + k + label.substring(i));
          labels.add(label.substring(0, i + 1) + k + label.substring(i + 1));
        }
      }
      if ("aeiou".indexOf(c) >= 0) {
        for (char v : "aeiou".toCharArray()) {
          if (v != c) {
            labels.add(label.substring(0, i) + v + label.substring(i + 1)); // vowel swap
          }
        }
      }
      if (i > 0) {
        labels.add(label.substring(0, i) + "-" + label.substring(i)); // hyphenation
        if (i < n - 1 && label.charAt(i - 1) != '-' && c != '-') {
          labels.add(label.substring(0, i) + "." + label.substring(i)); // subdomain
        }
        if (i >= 2 && i <= n - 3) {
          labels.add(label.substring(0, i + 1) + "s" + label.substring(i + 1)); // plural
        }
      }
      if (i < n - 1 && c != label.charAt(i + 1)) { // transposition
        labels.add(label.substring(0, i) + label.charAt(i + 1) + c + label.substring(i + 2));
      }
    }
    labels.remove(label);
    Set<String> out = new LinkedHashSet<>();
    for (String l : labels) {
      if (!l.isEmpty() && !l.startsWith("-") && !l.endsWith("-") && !l.startsWith(".")
          && !l.endsWith(".")) {
        out.add(l + "." + suffix);
      }
    }
    for (String tld : ABUSED_TLDS) { // tld swap
      out.add(label + "." + tld);
    }
    String[] parts = suffix.split("\\.");
    String last = parts[parts.length - 1];
    out.add(label + parts[0] + "." + (parts.length > 1 ? suffix.substring(parts[0].length() + 1) : suffix));
    if (parts.length > 1) {
      out.add(label + "." + last); // drop the second level: x.co.uk -> x.uk
    }
    out.remove(label + "." + suffix);
    return out;
  }

  private static char[] neighbours(char c) {
    StringBuilder sb = new StringBuilder();
    for (String[] rows : KEYBOARDS) {
      for (int r = 0; r < rows.length; r++) {
        int col = rows[r].indexOf(c);
        if (col < 0) {
          continue;
        }
        add(sb, rows, r, col - 1);
        add(sb, rows, r, col + 1);
        add(sb, rows, r - 1, col);
        add(sb, rows, r - 1, col + 1);
        add(sb, rows, r + 1, col - 1);
        add(sb, rows, r + 1, col);
      }
    }
    return sb.toString().toCharArray();
  }

  private static void add(StringBuilder sb, String[] rows, int r, int col) {
    if (r >= 0 && r < rows.length && col >= 0 && col < rows[r].length()) {
      char k = rows[r].charAt(col);
      if (sb.indexOf(String.valueOf(k)) < 0) {
        sb.append(k);
      }
    }
  }
}
