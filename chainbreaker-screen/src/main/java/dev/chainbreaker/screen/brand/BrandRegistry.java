package dev.chainbreaker.screen.brand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The brands a message may claim to come from, loaded from a JSON data file
 * ({@code brands.json} in this module, extendable with files of the same shape). Answers three
 * questions: which brands a text names, which brand owns a registrable domain, and which brands own
 * a sender number.
 *
 * <p>Immutable and thread-safe.
 */
public final class BrandRegistry {

  private static final String RESOURCE = "/dev/chainbreaker/screen/brands.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Brand> brands;
  private final List<Alias> aliases;
  /** Aliases by their first character, longest first: one pass over the text finds them all. */
  private final Map<Character, Alias[]> aliasesByFirstChar;
  /** The same, as a two-level table by char (high byte, low byte): no boxing, no hashing. */
  private final Alias[][][] aliasPages = new Alias[256][][];
  /** Government brands and their topic keywords (non-ASCII, at least 2 chars), in brand order. */
  private final Brand[] topicBrands;
  /** Topic keywords by first char (two-level table), each with the index of its brand. */
  private final TopicKey[][][] topicPages = new TopicKey[256][][];

  private record TopicKey(String text, int brand) {}
  /** Every brand's signature keywords by first character; rank orders them as the brand list does. */
  private final SignatureKey[][][] signaturePages = new SignatureKey[256][][];
  /** A signature keyword; a lower rank is an earlier brand, then an earlier keyword of it. */
  private record SignatureKey(String text, Brand brand, int rank) {}
  private final Map<String, Brand> byDomain;
  private final Map<String, List<Brand>> bySender;

  private record Alias(String text, Brand brand, boolean ascii) {}

  private BrandRegistry(List<Brand> brands) {
    this.brands = List.copyOf(brands);
    List<Alias> al = new ArrayList<>();
    Map<String, Brand> dom = new HashMap<>();
    Map<String, List<Brand>> snd = new HashMap<>();
    for (Brand b : brands) {
      for (String n : b.names()) {
        al.add(new Alias(n, b, isAscii(n)));
      }
      for (String d : b.domains()) {
        dom.putIfAbsent(d.toLowerCase(Locale.ROOT), b);
      }
      for (String s : b.senders()) {
        snd.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
      }
    }
    // longest alias first, so "中国工商银行" wins over "工商银行" at the same place
    al.sort(Comparator.comparingInt((Alias a) -> -a.text().length()));
    this.aliases = List.copyOf(al);
    Map<Character, List<Alias>> byFirst = new HashMap<>();
    for (Alias a : this.aliases) {
      char first = a.text().charAt(0);
      byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(a);
      // an English name may be written in capitals ("PAYPAL", "WELLS FARGO") or, when it is a coined
      // word, in any case ("paypal", "Fedex"): see matchesAt
      for (char other : new char[] {Character.toUpperCase(first), Character.toLowerCase(first)}) {
        if (a.ascii() && other != first) {
          List<Alias> list = byFirst.computeIfAbsent(other, k -> new ArrayList<>());
          if (!list.contains(a)) {
            list.add(a);
          }
        }
      }
    }
    // each list longest first again, now that aliases of several first characters share one
    byFirst.values().forEach(v -> v.sort(Comparator.comparingInt((Alias a) -> -a.text().length())));
    Map<Character, Alias[]> frozenFirst = new HashMap<>();
    byFirst.forEach((k, v) -> frozenFirst.put(k, v.toArray(new Alias[0])));
    this.aliasesByFirstChar = Map.copyOf(frozenFirst);
    aliasesByFirstChar.forEach((c, v) -> put(aliasPages, c, v));
    List<Brand> tb = new ArrayList<>();
    Map<Character, List<TopicKey>> keysByFirst = new HashMap<>();
    for (Brand b : this.brands) {
      if (!b.isGovernment()) {
        continue;
      }
      int bi = -1;
      for (String k : b.signatureKeywords()) {
        if (k.length() >= 2 && !isAscii(k)) {
          if (bi < 0) {
            bi = tb.size();
            tb.add(b);
          }
          keysByFirst.computeIfAbsent(k.charAt(0), x -> new ArrayList<>()).add(new TopicKey(k, bi));
        }
      }
    }
    Map<Character, List<SignatureKey>> sigByFirst = new HashMap<>();
    int rank = 0;
    for (Brand b : this.brands) {
      for (String k : b.signatureKeywords()) {
        if (!k.isEmpty()) {
          sigByFirst.computeIfAbsent(k.charAt(0), x -> new ArrayList<>()).add(new SignatureKey(k, b, rank));
        }
        rank++;
      }
    }
    sigByFirst.forEach((c, v) -> {
      if (signaturePages[c >>> 8] == null) {
        signaturePages[c >>> 8] = new SignatureKey[256][];
      }
      signaturePages[c >>> 8][c & 0xFF] = v.toArray(new SignatureKey[0]);
    });
    this.topicBrands = tb.toArray(new Brand[0]);
    keysByFirst.forEach((c, v) -> put(topicPages, c, v.toArray(new TopicKey[0])));
    this.byDomain = Map.copyOf(dom);
    Map<String, List<Brand>> frozen = new HashMap<>();
    snd.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.bySender = Map.copyOf(frozen);
  }

  private static void put(Alias[][][] pages, char c, Alias[] v) {
    if (pages[c >>> 8] == null) {
      pages[c >>> 8] = new Alias[256][];
    }
    pages[c >>> 8][c & 0xFF] = v;
  }

  private static void put(TopicKey[][][] pages, char c, TopicKey[] v) {
    if (pages[c >>> 8] == null) {
      pages[c >>> 8] = new TopicKey[256][];
    }
    pages[c >>> 8][c & 0xFF] = v;
  }

  private static <T> T[] get(T[][][] pages, char c) {
    T[][] page = pages[c >>> 8];
    return page == null ? null : page[c & 0xFF];
  }

  /** The bundled registry. */
  public static BrandRegistry standard() {
    try (InputStream in = BrandRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new BrandRegistry(parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled registry extended (and, for equal ids, overridden) by the given files. */
  public static BrandRegistry withExtensions(List<Path> files) throws IOException {
    Map<String, Brand> merged = new LinkedHashMap<>();
    for (Brand b : standard().brands) {
      merged.put(b.id(), b);
    }
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        for (Brand b : parse(in)) {
          merged.put(b.id(), b);
        }
      }
    }
    return new BrandRegistry(new ArrayList<>(merged.values()));
  }

  static List<Brand> parse(InputStream in) {
    JsonNode root = JSON.readTree(in);
    List<Brand> out = new ArrayList<>();
    for (JsonNode b : root.path("brands")) {
      List<String> names = new ArrayList<>(strings(b.path("zh")));
      names.addAll(strings(b.path("en")));
      List<String> domains = strings(b.path("domains")).stream()
          .map(d -> d.toLowerCase(Locale.ROOT)).toList();
      out.add(new Brand(b.path("id").asString(), b.path("kind").asString("service"),
          b.path("category").asString("other_fraud"), names, domains,
          b.path("govDomains").asBoolean(false), strings(b.path("senders")),
          new HashSet<>(strings(b.path("never"))), b.path("hotline").asString(""),
          strings(b.path("signatureKeywords"))));
    }
    return out;
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : arr) {
      String s = n.asString("").strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  public List<Brand> brands() {
    return brands;
  }

  /** The brand whose official registrable domain this is, or null. */
  public Brand brandOfDomain(String registrableDomain) {
    return registrableDomain == null ? null : byDomain.get(registrableDomain);
  }

  /** Brands that send from this exact number or short code (normalised digits). */
  public List<Brand> brandsOfSender(String senderDigits) {
    return senderDigits == null ? List.of() : bySender.getOrDefault(senderDigits, List.of());
  }

  /** Whether {@code registrableDomain} is official for {@code brand}. */
  public boolean isOfficial(Brand brand, String registrableDomain, boolean governmentDomain) {
    if (registrableDomain == null) {
      return false;
    }
    if (brand.domains().contains(registrableDomain)) {
      return true;
    }
    return brand.govDomains() && governmentDomain;
  }

  /** Every brand named in {@code text} (normalised), without overlaps, longest name first. */
  public List<BrandMention> mentions(String text) {
    List<BrandMention> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      Alias[] candidates = get(aliasPages, text.charAt(i));
      Alias found = null;
      if (candidates != null) {
        for (Alias a : candidates) {
          int end = i + a.text().length();
          if (matchesAt(text, i, a) && (!a.ascii() || wordBounded(text, i, end))) {
            found = a;
            break; // longest first
          }
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      int end = i + found.text().length();
      out.add(new BrandMention(found.brand(), found.text(), i, end, isSignature(text, i, end)));
      i = end;
    }
    addSignatureClaims(text, out);
    out.sort(Comparator.comparingInt(BrandMention::start));
    return out;
  }

  /**
   * A 【signature】 naming no registered brand but a brand's topic ("【某市社保】", "【居民医保】")
   * still claims that brand: the sender speaks as the institution in charge of the topic.
   */
  private void addSignatureClaims(String text, List<BrandMention> out) {
    int from = 0;
    for (int guard = 0; guard < 4; guard++) {
      int open = text.indexOf('【', from);
      if (open < 0) {
        return;
      }
      int close = text.indexOf('】', open);
      if (close < 0 || close - open > 24) {
        return;
      }
      from = close + 1;
      boolean named = false;
      for (BrandMention m : out) {
        if (m.start() > open && m.end() <= close) {
          named = true;
          break;
        }
      }
      if (named) {
        continue;
      }
      // the first brand (in registry order) with a keyword in the signature, by its first keyword
      // found there, at that keyword's first occurrence
      SignatureKey best = null;
      for (int p = open + 1; p < close; p++) {
        SignatureKey[] keys = get(signaturePages, text.charAt(p));
        if (keys == null) {
          continue;
        }
        for (SignatureKey k : keys) {
          if ((best == null || k.rank() < best.rank()) && p + k.text().length() <= close
              && text.startsWith(k.text(), p)) {
            best = k;
          }
        }
      }
      if (best != null) {
        int at = text.indexOf(best.text(), open + 1);
        out.add(new BrandMention(best.brand(), best.text(), at, at + best.text().length(), true));
        return;
      }
    }
  }

  /**
   * 【...name...】 or [name], or the name opening the message as a heading ("社保局通知：",
   * "HMRC: ..."). A name merely used in a sentence ("妈，社保局的人说…") is talk about the brand.
   */
  public static boolean isSignature(String text, int at, int end) {
    int open = Math.max(text.lastIndexOf('【', at), text.lastIndexOf('[', at));
    if (open >= 0 && at - open <= 12) {
      int close = indexOfAny(text, open, "】]");
      if (close >= end && close - open <= 24) {
        return true;
      }
    }
    int lead = 0;
    while (lead < at && !Character.isLetterOrDigit(text.charAt(lead))) {
      lead++;
    }
    if (lead != at) {
      return false;
    }
    int k = end;
    while (k < text.length() && k - end < 14 && text.charAt(k) != ':' && text.charAt(k) != '：'
        && text.charAt(k) != '，' && text.charAt(k) != ',' && text.charAt(k) != '。') {
      k++;
    }
    if (k < text.length() && (text.charAt(k) == ':' || text.charAt(k) == '：')) {
      return true;
    }
    String after = text.substring(end, Math.min(text.length(), end + 6));
    return after.startsWith("通知") || after.startsWith("提醒") || after.startsWith("温馨提示")
        || after.startsWith("公告");
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code a} is written at {@code i}: as registered, in capitals ("CHASE", "WELLS FARGO"), or
   * in any case when it is a coined word with a capital inside ("PayPal" as "paypal", "FedEx" as
   * "Fedex"). Not every case of a name that is also a word: "chase" and "outlook" are verbs and nouns.
   */
  private static boolean matchesAt(String text, int i, Alias a) {
    String name = a.text();
    if (text.startsWith(name, i)) {
      return true;
    }
    if (!a.ascii() || !text.regionMatches(true, i, name, 0, name.length())) {
      return false;
    }
    return isCoined(name) || isCapitals(text, i, i + name.length());
  }

  /** A capital after a small letter: "PayPal", "FedEx", "iCloud", "WeChat Pay". */
  private static boolean isCoined(String name) {
    for (int k = 1; k < name.length(); k++) {
      if (Character.isUpperCase(name.charAt(k)) && Character.isLowerCase(name.charAt(k - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Every letter of {@code s[from, to)} a capital, and at least two letters. */
  private static boolean isCapitals(String s, int from, int to) {
    int letters = 0;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters += Character.isUpperCase(c) ? 1 : 0;
    }
    return letters >= 2;
  }

  private static boolean wordBounded(String s, int at, int end) {
    boolean before = at == 0 || !isAsciiWordChar(s.charAt(at - 1));
    boolean after = end >= s.length() || !isAsciiWordChar(s.charAt(end));
    return before && after;
  }

  private static boolean isAsciiWordChar(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Government brands whose topic words occur in the text ("社保卡", "医保") without the brand being
   * named: the message is about that institution's business.
   */
  public List<Brand> governmentTopics(String text) {
    // one pass: a brand is in when any of its keywords occurs anywhere; listed in brand order
    boolean[] found = null;
    int count = 0;
    int n = text.length();
    for (int i = 0; i < n && count < topicBrands.length; i++) {
      TopicKey[] keys = get(topicPages, text.charAt(i));
      if (keys == null) {
        continue;
      }
      for (TopicKey k : keys) {
        if ((found == null || !found[k.brand()]) && text.startsWith(k.text(), i)) {
          if (found == null) {
            found = new boolean[topicBrands.length];
          }
          found[k.brand()] = true;
          count++;
        }
      }
    }
    if (found == null) {
      return new ArrayList<>();
    }
    List<Brand> out = new ArrayList<>(count);
    for (int b = 0; b < topicBrands.length; b++) {
      if (found[b]) {
        out.add(topicBrands[b]);
      }
    }
    return out;
  }

  /** All official domains of all brands (for lookalike scoring). */
  public Set<String> officialDomains() {
    return byDomain.keySet();
  }
}
