package dev.chainbreaker.screen.link;

import dev.chainbreaker.screen.domain.HostNames;
import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.text.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds links in normalised message text, including the scheme-less hosts that smishing uses
 * ({@code 请登录p.uukp1.cc办理}). A host without a scheme must end in a top-level domain named by the
 * Public Suffix List (or be an IPv4 address); CJK letters and CJK or full-width punctuation end a
 * host and a path, since Chinese text puts no space after a link; a host written in Chinese
 * ({@code 社保局.公司}) needs a boundary on both sides. Follows the approach of
 * twitter-text (Apache-2.0) without its t.co rules; one linear pass, no backtracking regex.
 *
 * <p>Thread-safe.
 */
public final class LinkExtractor {

  private static final int MAX_LINKS = 64;
  private static final String[] SCHEMES = {"https://", "http://", "ftp://"};

  private final PublicSuffixList psl;

  public LinkExtractor(PublicSuffixList psl) {
    this.psl = psl;
  }

  public List<ExtractedLink> extract(NormalizedText nt) {
    String s = nt.text();
    List<ExtractedLink> out = new ArrayList<>();
    int n = s.length();
    boolean cjkDots = hasDotBeforeCjk(s); // no host written in Chinese without one (most texts)
    int i = 0;
    while (i < n && out.size() < MAX_LINKS) {
      char c = s.charAt(i);
      if ((c == 'h' || c == 'H' || c == 'f' || c == 'F') && schemeAllowedAt(s, i)) {
        String scheme = schemeAt(s, i);
        if (scheme != null) {
          int hostStart = i + scheme.length();
          int userInfoEnd = userInfoEnd(s, hostStart);
          Candidate cand = hostAt(nt, userInfoEnd >= 0 ? userInfoEnd + 1 : hostStart, true);
          if (cand != null) {
            cand.userInfo = userInfoEnd >= 0;
          }
          if (cand != null) {
            ExtractedLink link = finish(nt, i, scheme.substring(0, scheme.length() - 3), cand);
            if (link != null) {
              out.add(link);
              i = cand.linkEnd;
              continue;
            }
          }
          i = hostStart; // "http:// example.com": the host may still follow, without scheme
          continue;
        }
      }
      if (c == '/' && i + 2 < n && s.charAt(i + 1) == '/' && protocolRelativeAt(s, i)) {
        Candidate cand = hostAt(nt, i + 2, false);
        if (cand != null) {
          ExtractedLink link = finish(nt, i, "", cand);
          if (link != null) {
            out.add(link);
            i = cand.linkEnd;
            continue;
          }
        }
        i += 2;
        continue;
      }
      if (CharClasses.isBareHostChar(c) && !Character.isSurrogate(c) && bareAllowedAt(s, i)) {
        // "www.icbc.com.cn@evil.top": a host name before the '@' is no mailbox, but typed into a
        // browser it is a user name, and the page comes from evil.top
        int disguisedUserInfo = s.regionMatches(true, i, "www.", 0, 4) ? userInfoEnd(s, i) : -1;
        if (disguisedUserInfo >= 0 && s.indexOf('.', i + 4) > disguisedUserInfo) {
          disguisedUserInfo = -1; // "www.john@gmail.com": one label after "www." is a mailbox's name
        }
        Candidate cand = hostAt(nt, disguisedUserInfo >= 0 ? disguisedUserInfo + 1 : i, false);
        if (cand != null && disguisedUserInfo >= 0) {
          cand.userInfo = true;
        }
        if (cand != null) {
          ExtractedLink link = finish(nt, i, null, cand);
          if (link != null) {
            out.add(link);
            i = cand.linkEnd;
            continue;
          }
        }
        if (s.regionMatches(true, i, "www.", 0, 4) && i + 4 < n && CharClasses.isCjkLetter(s.codePointAt(i + 4))) {
          cand = cjkHostAt(nt, i); // "www.社保局.公司"
          ExtractedLink link = cand == null ? null : finish(nt, i, null, cand);
          if (link != null) {
            out.add(link);
            i = cand.linkEnd;
            continue;
          }
        }
        // no link starts inside this run either: a start needs a boundary before it
        int j = i;
        while (j < n && (CharClasses.isBareHostChar(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        i = Math.max(j, i + 1);
        continue;
      }
      if (cjkDots && CharClasses.isCjkLetter(c) && cjkAllowedAt(nt, i)) {
        Candidate cand = cjkHostAt(nt, i);
        ExtractedLink link = cand == null ? null : finish(nt, i, null, cand);
        if (link != null) {
          out.add(link);
          i = cand.linkEnd;
          continue;
        }
      }
      i++;
    }
    return out;
  }

  /**
   * Longest host label of CJK letters read without a scheme: names are short (社保局, 中国工商银行),
   * and a longer run before a '.' is a sentence typed with an ASCII stop.
   */
  private static final int MAX_CJK_LABEL = 10;

  /**
   * "请登录 社保局.公司 办理": a host of CJK labels, written without a scheme, ending in a listed
   * top-level domain. Chinese text puts no space between words, so such a host is read only with a
   * boundary on both sides (a space, punctuation, the start or end of the text): "...请登录社保局.公司"
   * would otherwise make a host of the whole sentence. Its dots must be written as dots: "。" between
   * CJK words ends a sentence, even though the normaliser folds it to '.' for disguised ASCII hosts.
   */
  private Candidate cjkHostAt(NormalizedText nt, int start) {
    String s = nt.text();
    int n = s.length();
    List<int[]> labels = new ArrayList<>(3);
    boolean cjk = false;
    int i = start;
    if (s.regionMatches(true, i, "www.", 0, 4)) {
      labels.add(new int[] {i, i + 3});
      i += 4;
    }
    while (i < n && labels.size() < 8) {
      // Every label but "www" is all CJK letters: where CJK meets ASCII, the text changes words
      // ("请点击p.uukp1.cc" is an ASCII host), and "课程吧.NAME" is a sentence and a name.
      int ls = i;
      while (i < n && i - ls <= MAX_CJK_LABEL && CharClasses.isCjkLetter(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      if (i == ls || i - ls > MAX_CJK_LABEL) {
        return null;
      }
      labels.add(new int[] {ls, i});
      cjk = true;
      if (i + 1 < n && s.charAt(i) == '.' && !sentenceStop(nt, i) && CharClasses.isCjkLetter(s.codePointAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    if (!cjk || labels.size() < 2) {
      return null;
    }
    int[] tld = labels.get(labels.size() - 1);
    int hostEnd = tld[1];
    int after = hostEnd;
    while (after < s.length() && (s.charAt(after) == ' ' || s.charAt(after) == ':')) {
      after++;
    }
    if (after < s.length() && Character.isDigit(s.charAt(after))) {
      return null; // "联系人 王经理.手机 138…": a name and the label of the number after it
    }
    if (!isTld(s.substring(tld[0], hostEnd)) || !labelsWellFormed(s, start, hostEnd, false)
        || !HostNames.parse(s.substring(start, hostEnd)).valid()) {
      return null;
    }
    return tail(nt, start, hostEnd, new Candidate());
  }

  private static boolean hasDotBeforeCjk(String s) {
    for (int d = s.indexOf('.'); d >= 0 && d + 1 < s.length(); d = s.indexOf('.', d + 1)) {
      if (CharClasses.isCjkLetter(s.codePointAt(d + 1))) {
        return true;
      }
    }
    return false;
  }

  /** A CJK host may start here: at the start of the text or after a space or punctuation. */
  private static boolean cjkAllowedAt(NormalizedText nt, int i) {
    if (i == 0) {
      return true;
    }
    String s = nt.text();
    int p = s.codePointBefore(i);
    if (Character.isLetterOrDigit(p) || p == '.' && !sentenceStop(nt, i - 1)) {
      return false;
    }
    return p != '@' && p != '/' && p != '\\' && p != '#' && p != '$' && p != '-' && p != '_';
  }

  /** The '.' at {@code i} was written as an ideographic full stop, which ends a sentence. */
  private static boolean sentenceStop(NormalizedText nt, int i) {
    char c = originalCharAt(nt, i);
    return c == '\u3002' || c == '\uFF61';
  }

  /** The character the original text had where the normalised text has position {@code i}; 0 past its end. */
  private static char originalCharAt(NormalizedText nt, int i) {
    int o = nt.originalStart(i);
    return o < nt.original().length() ? nt.original().charAt(o) : 0;
  }

  private static String schemeAt(String s, int i) {
    for (String sc : SCHEMES) {
      if (s.regionMatches(true, i, sc, 0, sc.length())) {
        return sc.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /**
   * "//example.com": a protocol-relative link. After a ':' too, unless a scheme the loop knows ends
   * there ("http://" is read at its first letter, or refused there, as in "#http://"): "://" after
   * anything else is a broken scheme ("ht tp://jf-10086.top"), and the host after it is still where
   * the link goes.
   */
  private static boolean protocolRelativeAt(String s, int i) {
    if (i == 0) {
      return true;
    }
    char p = s.charAt(i - 1);
    if (p == ':') {
      for (String sc : SCHEMES) {
        int at = i + 2 - sc.length(); // where that scheme would start: "http://" ends at i + 2
        if (at >= 0 && s.regionMatches(true, at, sc, 0, sc.length())) {
          return false;
        }
      }
      return true;
    }
    return p != '/' && p != '_' && !CharClasses.isAsciiAlnum(p);
  }

  /**
   * End of a {@code user:pass@} part after a scheme, or -1. Phishing uses it to put a trusted name
   * before the real host ({@code http://icbc.com.cn@evil.top}).
   */
  private static int userInfoEnd(String s, int from) {
    int n = s.length();
    for (int q = from; q < n && q - from < 256; q++) {
      char c = s.charAt(q);
      if (c == '@') {
        return q > from ? q : -1;
      }
      boolean userInfoChar = CharClasses.isAsciiAlnum(c) || "-._~%!$&'*+,;=:".indexOf(c) >= 0;
      if (!userInfoChar) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean schemeAllowedAt(String s, int i) {
    if (i == 0) {
      return true;
    }
    char p = s.charAt(i - 1);
    return !CharClasses.isAsciiAlnum(p) && p != '$' && p != '#' && p != '@';
  }

  private static boolean bareAllowedAt(String s, int i) {
    if (i == 0) {
      return true;
    }
    int p = s.codePointBefore(i);
    if (CharClasses.isBareHostChar(p)) {
      return false;
    }
    if (p == '*') {
      // a masked address, "jiangy***il.com": what follows stars that follow a name is the end of the
      // name, not a host; a star after a space or a word ("请登录*sb-gov.cc*") is emphasis
      int k = i - 1;
      while (k > 0 && s.charAt(k - 1) == '*') {
        k--;
      }
      char before = k == 0 ? ' ' : s.charAt(k - 1);
      return !(before < 0x80 && Character.isLetterOrDigit(before));
    }
    if (p == '/') {
      return afterBrokenScheme(s, i - 1);
    }
    return p != '.' && p != '@' && p != '$' && p != '#' && p != '\\' && p != '+'
        && p != '%' && p != '&' && p != '=' && p != '~';
  }

  /**
   * Whether the '/' at {@code slash} ends a scheme written with one slash or no colon ("http:/evil.top",
   * "https/evil.top"): a browser or a reader still finds the site, but a scanner that wants "://" reads
   * no link at all. A path segment ("a.com/b.cn") has no scheme word before its slash.
   */
  private static boolean afterBrokenScheme(String s, int slash) {
    int k = slash;
    if (k > 0 && s.charAt(k - 1) == ':') {
      k--;
    } else if (k > 0 && s.charAt(k - 1) == '/') {
      return false; // "://" is a scheme the scheme reader handles
    }
    int start = k >= 5 && s.regionMatches(true, k - 5, "https", 0, 5) ? k - 5
        : k >= 4 && s.regionMatches(true, k - 4, "http", 0, 4) ? k - 4 : -1;
    return start >= 0 && (start == 0 || !CharClasses.isBareHostChar(s.charAt(start - 1)));
  }

  /** A host and what follows it, in normalised coordinates. */
  private static final class Candidate {
    int hostStart;
    int hostEnd;
    int linkEnd;
    int port = -1;
    boolean ip;
    boolean truncatedAtCjk;
    boolean userInfo;
  }

  private Candidate hostAt(NormalizedText nt, int start, boolean scheme) {
    String s = nt.text();
    int n = s.length();
    List<int[]> labels = new ArrayList<>(4);
    int i = start;
    while (i < n && labels.size() < 127) {
      int ls = i;
      while (i < n) {
        int cp = s.codePointAt(i);
        if (!(scheme ? CharClasses.isSchemeHostChar(cp) : CharClasses.isBareHostChar(cp))) {
          break;
        }
        i += Character.charCount(cp);
      }
      if (i == ls) {
        break;
      }
      labels.add(new int[] {ls, i});
      if (i + 1 < n && s.charAt(i) == '.') {
        int next = s.codePointAt(i + 1);
        if (scheme ? CharClasses.isSchemeHostChar(next) : CharClasses.isBareHostChar(next)) {
          i++;
          continue;
        }
      }
      break;
    }
    if (labels.isEmpty()) {
      return null;
    }
    Candidate c = new Candidate();
    int hostEnd = selectHostEnd(s, labels, c);
    if (hostEnd < 0 && !scheme) {
      hostEnd = cjkTldAfter(s, labels);
    }
    if (hostEnd < 0 || !labelsWellFormed(s, start, hostEnd, c.ip)) {
      return null;
    }
    String host = s.substring(start, hostEnd);
    if (!c.ip && !HostNames.parse(host).valid()) {
      return null;
    }
    if (!c.ip && HostNames.parse(host).ascii().length() > 253) {
      return null;
    }
    if (looksLikeEmail(s, hostEnd)) {
      return null;
    }
    return tail(nt, start, hostEnd, c);
  }

  /** Completes {@code c} with the host's span, and the port and path that follow it. */
  private static Candidate tail(NormalizedText nt, int start, int hostEnd, Candidate c) {
    String s = nt.text();
    int n = s.length();
    c.hostStart = start;
    c.hostEnd = hostEnd;
    int p = hostEnd;
    if (p + 1 < n && s.charAt(p) == ':' && isDigit(s.charAt(p + 1))) {
      int q = p + 1;
      while (q < n && q - p <= 6 && isDigit(s.charAt(q))) {
        q++;
      }
      if (q - p - 1 > 5 || Integer.parseInt(s.substring(p + 1, q)) > 65535) {
        return null; // "google.com:500000" is not a link
      }
      if (q >= n || !CharClasses.isAsciiAlnum(s.charAt(q))) {
        c.port = Integer.parseInt(s.substring(p + 1, q));
        p = q;
      }
    }
    if (p < n && (s.charAt(p) == '/' || s.charAt(p) == '?' || s.charAt(p) == '#')) {
      int q = p;
      while (q < n) {
        int cp = s.codePointAt(q);
        if (!CharClasses.isPathChar(cp) || isFullWidthPunctuation(nt, q)) {
          c.truncatedAtCjk = CharClasses.isCjk(cp);
          break;
        }
        q += Character.charCount(cp);
      }
      p = trimTrailing(s, p, q);
    }
    c.linkEnd = p;
    return c;
  }

  /** End of the host among the label chain, or -1: it must end in a listed TLD or be IPv4. */
  private int selectHostEnd(String s, List<int[]> labels, Candidate c) {
    int last = labels.size() - 1;
    if (labels.size() == 4 && isIpv4(s, labels)) {
      c.ip = true;
      return labels.get(3)[1];
    }
    if (last < 1) {
      return -1;
    }
    for (int k = 1; k <= last; k++) {
      int[] l = labels.get(k);
      int asciiEnd = l[0];
      while (asciiEnd < l[1] && s.charAt(asciiEnd) < 0x80) {
        asciiEnd++;
      }
      // "example.comだよね": an ASCII TLD run straight into other script ends the host there
      if (asciiEnd > l[0] && asciiEnd < l[1] && CharClasses.isCjk(s.codePointAt(asciiEnd))
          && isTld(s.substring(l[0], asciiEnd))) {
        return asciiEnd;
      }
    }
    int[] tld = labels.get(last);
    return isTld(s.substring(tld[0], tld[1])) ? tld[1] : -1;
  }

  /** "twitter.みんなです": a bare host followed by a dot and a CJK top-level domain. */
  private int cjkTldAfter(String s, List<int[]> labels) {
    int end = labels.get(labels.size() - 1)[1];
    if (end + 1 >= s.length() || s.charAt(end) != '.' || !CharClasses.isCjk(s.codePointAt(end + 1))) {
      return -1;
    }
    int best = -1;
    int q = end + 1;
    for (int len = 0; len < 12 && q < s.length(); len++) {
      int cp = s.codePointAt(q);
      if (!Character.isLetter(cp)) {
        break;
      }
      q += Character.charCount(cp);
      if (isTld(s.substring(end + 1, q))) {
        best = q;
      }
    }
    if (best < 0 || best == q) {
      return best;
    }
    // A CJK top-level domain run straight into more letters ("twitter.みんなです") is also the start
    // of a word: "1.中国移动提醒您" is a numbered line and "A.中国银行" a quiz option, not hosts.
    // Only a label of three or more characters with a letter in it is taken for a host's name.
    int[] last = labels.get(labels.size() - 1);
    boolean letter = false;
    for (int k = last[0]; k < last[1]; k++) {
      letter |= Character.isLetter(s.charAt(k));
    }
    return letter && last[1] - last[0] >= 3 ? best : -1;
  }

  private boolean isTld(String label) {
    if (label.isEmpty()) {
      return false;
    }
    String lower = label.toLowerCase(Locale.ROOT);
    if (psl.isListedTld(lower)) {
      return true;
    }
    if (!isAsciiString(lower)) {
      return psl.isListedTld(HostNames.parse(lower).ascii());
    }
    return false;
  }

  /**
   * No label starts or ends with '-' or '_'; '_' only left of the registrable domain; not every label
   * a run of x: "xxx。xxx。xxx" is a number blanked out (a bus route, an account), not a host under .xxx.
   */
  private static boolean labelsWellFormed(String s, int start, int end, boolean ip) {
    if (ip) {
      return true;
    }
    String[] labels = s.substring(start, end).split("\\.", -1);
    if (java.util.Arrays.stream(labels).allMatch(l -> !l.isEmpty() && l.chars().allMatch(c -> c == 'x' || c == 'X'))) {
      return false;
    }
    for (int k = 0; k < labels.length; k++) {
      String l = labels[k];
      if (l.isEmpty()) {
        return false;
      }
      char a = l.charAt(0);
      char z = l.charAt(l.length() - 1);
      if (a == '-' || a == '_' || z == '-' || z == '_') {
        return false;
      }
      if (k >= labels.length - 2 && l.indexOf('_') >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv4(String s, List<int[]> labels) {
    for (int[] l : labels) {
      int len = l[1] - l[0];
      if (len < 1 || len > 3) {
        return false;
      }
      for (int k = l[0]; k < l[1]; k++) {
        if (!isDigit(s.charAt(k))) {
          return false;
        }
      }
      if (Integer.parseInt(s.substring(l[0], l[1])) > 255) {
        return false;
      }
    }
    return true;
  }

  /** "name.al+lastname@foo.com": the host is the local part of an e-mail address. */
  private static boolean looksLikeEmail(String s, int p) {
    int n = s.length();
    int q = p;
    while (q < n && q - p < 64) {
      char c = s.charAt(q);
      if (c == '@') {
        return true;
      }
      if (!(CharClasses.isAsciiAlnum(c) || c == '.' || c == '+' || c == '-' || c == '_')) {
        return false;
      }
      q++;
    }
    return false;
  }

  /** Drops trailing sentence punctuation and closing brackets that have no opening partner. */
  private static int trimTrailing(String s, int from, int to) {
    int end = to;
    while (end > from) {
      char c = s.charAt(end - 1);
      if (".,;:!?'\"*(".indexOf(c) >= 0) {
        end--;
      } else if (c == ')' || c == ']' || c == '}') {
        char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (count(s, from, end, open) < count(s, from, end, c)) {
          end--;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return end;
  }

  /**
   * A full-width punctuation mark in the original (｜，！) ends a link even though NFKC made it ASCII;
   * the URL-ish ones (／ ． ？ ＝ ＆ ＃ ％ ＿ － ～ ：) are kept, as disguised links use them.
   */
  private static boolean isFullWidthPunctuation(NormalizedText nt, int q) {
    char c = originalCharAt(nt, q);
    return c >= 0xFF01 && c <= 0xFF5E && !Character.isLetterOrDigit(c)
        && "／．？＝＆＃％＿－～：".indexOf(c) < 0;
  }

  private static int count(String s, int from, int to, char c) {
    int k = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        k++;
      }
    }
    return k;
  }

  private ExtractedLink finish(NormalizedText nt, int start, String scheme, Candidate c) {
    String s = nt.text();
    String host = s.substring(c.hostStart, c.hostEnd);
    String normalized = s.substring(start, c.linkEnd);
    String path = s.substring(c.hostEnd, c.linkEnd);
    if (c.port >= 0) {
      path = path.substring(path.indexOf(':') + 1 + Integer.toString(c.port).length());
    }
    int os = nt.originalStart(start);
    int oe = nt.originalEnd(c.linkEnd);
    if (oe <= os) {
      return null;
    }
    String text = nt.original().substring(os, oe);
    boolean shortener = Shorteners.isShortener(host.toLowerCase(Locale.ROOT));
    return new ExtractedLink(text, normalized, scheme == null || scheme.isEmpty() ? null : scheme,
        host, c.port, path, os, oe, c.ip, shortener, c.truncatedAtCjk, c.userInfo, start, c.linkEnd);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiString(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
