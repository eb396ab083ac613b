package dev.chainbreaker.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded population simulator: N phones over D days of contract-v1 events (see
 * {@code shared/spec/events.md}), streamed in global time order, with a configurable share of
 * phones attacked by one of five parameterised attack families and the ground truth (who did each
 * event) handed to the sink beside every line.
 *
 * <p>Streaming: phones are simulated one day at a time (each phone's constant identity is derived
 * from {@code (seed, phone)}, its randomness for a day from {@code (seed, phone, day)}; the little
 * that carries over between days, such as the handset generation, the operator and the time the
 * line is out of the owner's hands, lives in primitive arrays). After each simulated day the events
 * earlier than the next midnight are sorted and handed to the sink; the rest (chains running
 * through the night, next-day store visits) wait for the next day. Memory is one day of events
 * plus a few bytes per phone.
 *
 * <p>The same {@link Config} always gives the same lines in the same order.
 */
public final class Simulator {

  /** Attack families. */
  public enum Family {
    /** Handset stolen with the SIM (sometimes unlocked, with no device change): weak verifications, loss-report fights, new accounts, quick binds, night loans, cash-out. */
    STOLEN_PHONE("stolen_phone"),
    /** The thief replaces the SIM in a store with a forged ID ({@code in_person_id}), then runs the chain. */
    STORE_SWAP_FORGED_ID("store_swap_forged_id"),
    /** Remote eSIM transfer through the operator app with the (bought) service password, then loans and transfers. */
    ESIM_TRANSFER("esim_transfer"),
    /** A phishing text; the victim gives away a password or code; the thief logs in from his device, resets and moves money. */
    SMISH_TAKEOVER("smish_takeover"),
    /** A phishing text; the victim gives away card details and the binding code; the card is bound to the fraudster's account. */
    SMISH_CARD_BIND("smish_card_bind");

    public final String label;

    Family(String label) {
      this.label = label;
    }

    public static Family of(String label) {
      for (Family f : values()) {
        if (f.label.equals(label) || f.name().equalsIgnoreCase(label)) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown attack family: " + label);
    }
  }

  /** Who did an event (ground truth). */
  public static final int OWNER = 0;
  public static final int THIEF = 1;
  public static final int INSTITUTION = 2;
  public static final String[] ACTORS = {"owner", "thief", "institution"};

  /** What produced an event, for explaining friction. */
  public static final String[] TAGS = {
    "session", "session.sms_login", "session.card_bind", "session.loan", "session.password_reset", "session.bank_transfer",
    "message", "new_phone", "lost_phone_store", "operator_switch", "travel_forwarding", "night_shift", "phish_ignored",
    "attack", "owner_during_attack", "owner_recovery", "session.misc"};
  static final byte T_SESSION = 0, T_SMS_LOGIN = 1, T_CARD_BIND = 2, T_LOAN = 3, T_PW_RESET = 4, T_BANK_TRANSFER = 5,
      T_MESSAGE = 6, T_NEW_PHONE = 7, T_LOST = 8, T_OPSWITCH = 9, T_TRAVEL = 10, T_NIGHT = 11, T_PHISH_IGNORED = 12,
      T_ATTACK = 13, T_OWNER_DURING = 14, T_RECOVERY = 15, T_MISC = 16;

  /** Simulation parameters. {@code familyWeights} is indexed by {@link Family#ordinal()}. */
  public record Config(int phones, int days, long seed, double attackRate, double[] familyWeights, double phishIgnoredRate) {
    public static final double[] DEFAULT_WEIGHTS = {0.30, 0.15, 0.15, 0.20, 0.20};

    public Config {
      if (phones <= 0 || days <= 0) {
        throw new IllegalArgumentException("phones and days must be positive");
      }
      if (phones > 90_000_000) {
        throw new IllegalArgumentException("at most 90,000,000 phones");
      }
      if (attackRate < 0 || attackRate > 1 || phishIgnoredRate < 0 || attackRate + phishIgnoredRate > 1) {
        throw new IllegalArgumentException("rates must be in [0, 1]");
      }
      familyWeights = familyWeights.clone();
      if (familyWeights.length != Family.values().length) {
        throw new IllegalArgumentException("one weight per family");
      }
    }

    public static Config of(int phones, int days, long seed) {
      return new Config(phones, days, seed, 0.002, DEFAULT_WEIGHTS, 0.002);
    }

    /** The configured share of attacked phones that belong to a family. */
    public double familyShare(Family f) {
      double total = 0;
      for (double w : familyWeights) {
        total += w;
      }
      return total == 0 ? 0 : familyWeights[f.ordinal()] / total;
    }
  }

  /** Receives the events in global time order with their ground truth. */
  public interface Sink {
    /**
     * @param json the event, one line of contract v1 (no newline)
     * @param timeMs event time
     * @param phone the phone's index in the population
     * @param actor {@link #OWNER}, {@link #THIEF} or {@link #INSTITUTION}
     * @param tag index into {@link #TAGS}
     */
    void accept(String json, long timeMs, int phone, int actor, int tag);
  }

  /** Like {@link Sink}, with the line as UTF-8 bytes: for writers, which then need no String and no encoding. */
  public interface ByteSink {
    /**
     * @param utf8 holds the event, one line of contract v1 (no newline), at {@code [off, off + len)};
     *     the array is reused, so the bytes are only valid during the call
     */
    void accept(byte[] utf8, int off, int len, long timeMs, int phone, int actor, int tag);
  }

  // ------------------------------------------------------------------ constants

  static final ZoneOffset CST = ZoneOffset.ofHours(8);
  static final long DAY_MS = 86_400_000L;
  static final long HOUR_MS = 3_600_000L;
  /** Day 0: 2026-11-01 00:00 +08:00 (a Sunday). */
  public static final long EPOCH_MS = LocalDate.of(2026, 11, 1).atStartOfDay().toInstant(CST).toEpochMilli();

  static final double[] HOUR_WEIGHT = {
    0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.8, 2.0, 3.5, 3.5, 3.0, 3.2, 4.0, 3.6, 3.0, 3.0,
    3.0, 3.4, 4.2, 4.6, 4.8, 4.4, 3.2, 1.6};
  /** Night-shift workers: awake from the evening to the morning. */
  static final double[] NIGHT_WEIGHT = {
    3.5, 3.5, 3.2, 3.0, 3.0, 2.5, 2.0, 1.0, 0.3, 0.1, 0.1, 0.1, 0.2, 0.4, 1.0, 1.5,
    2.0, 2.5, 3.0, 3.0, 3.2, 3.5, 3.8, 3.8};
  private static final double[] DAY_CUM = cumulative(HOUR_WEIGHT);
  private static final double[] NIGHT_CUM = cumulative(NIGHT_WEIGHT);

  static final String[][] TELECOMS = {
    {"/telecom/sh-mobile", "310104"}, {"/telecom/sc-telecom", "510104"}, {"/telecom/zj-mobile", "330106"},
    {"/telecom/gd-unicom", "440305"}, {"/telecom/bj-mobile", "110105"}, {"/telecom/hb-telecom", "420106"},
    {"/telecom/fj-mobile", "350503"}, {"/telecom/js-unicom", "320102"}};
  static final String[] GOV = {"/gov/zlb-app", "/gov/sc-hrss-app", "/gov/suishenban", "/gov/ixiamen", "/gov/12333-app"};
  static final String[][] BANKS = {
    {"/bank/cmb", "95555", "6214"}, {"/bank/icbc", "95588", "6212"}, {"/bank/ccb", "95533", "6217"},
    {"/bank/abc", "95599", "6228"}, {"/bank/boc", "95566", "6216"}, {"/bank/chengdu-bank", "96511", "6229"}};
  static final String[][] WALLETS = {{"/payment/alipay", "95188"}, {"/payment/wechat-pay", "95017"}};
  static final String[][] MERCHANTS = {
    {"/merchant/jd", "1069013336"}, {"/merchant/meituan", "1069088895"}, {"/merchant/taobao", "1069095188"},
    {"/merchant/pinduoduo", "1069070721"}, {"/merchant/didi", "1069029966"}};
  static final String[][] LENDERS = {
    {"/lender/meituan-loan", "1069070069"}, {"/lender/jd-finance", "1069013688"}, {"/lender/weilidai", "95017"},
    {"/lender/jiebei", "95188"}};
  static final String[][] EXTRA_PAY = {
    {"/payment/suning-pay", "1069095315"}, {"/payment/tenpay", "95017"}, {"/payment/baidu-wallet", "1069088888"},
    {"/payment/unionpay-app", "95516"}};
  static final String[][] VENDORS = {
    {"/device-vendor/huawei-id", "1069009588"}, {"/device-vendor/xiaomi-account", "1069055512"},
    {"/device-vendor/apple-id", "1069070070"}};
  static final String[] MODELS = {
    "iPhone 15", "iPhone 13", "HUAWEI Mate 60", "HUAWEI P30", "Xiaomi 14", "Redmi Note 12", "OPPO Reno 10",
    "vivo X100", "Honor 90", "OnePlus 12"};
  static final String[] SHOPS = {
    "luckin-coffee-", "meituan-waimai-shop-", "hema-fresh-", "state-grid-", "didi-trip-", "family-mart-",
    "jd-self-operated-", "taobao-shop-", "metro-ticket-", "noodle-house-"};
  static final String[] FRIEND_TEXTS = {
    "晚上一起吃饭吗？", "到家了吗", "明天几点的高铁？", "妈，我周末回家", "会议改到下午三点了", "好的，收到",
    "帮我带一杯咖啡", "孩子今天发烧了，我先回去", "周六爬山去不去", "生日快乐！"};
  static final String[] BANK_NAMES = {"招商银行", "工商银行", "建设银行", "农业银行", "中国银行", "成都银行"};
  /** Phishing texts: {@code %D} is a day of month, {@code %L} the link. */
  static final String[] SMISH = {
    "【社保中心】您好，你的社保账户未上传电子审核，请于%D日前打开 %L 点击在线办理，过时将被注销账户！",
    "【ETC服务】您的ETC卡已失效，请登录 %L 重新认证，以免影响正常通行。",
    "【中国移动】尊敬的用户，您的积分即将清零，可兑换现金礼包，请访问 %L 领取",
    "【建设银行】您的账户存在异常，需在%D日前升级认证，请访问 %L 办理",
    "【顺丰速运】您的快件因地址不详无法派送，请点击 %L 更新地址并支付补运费1.5元",
    "【招商银行】您的信用卡额度可提升至50000元，请于%D日前登录 %L 激活，逾期失效。"};
  static final String[] DOMAIN_TLDS = {".cc", ".top", ".vip", ".xyz", ".icu"};
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM = "abcdefghijkmnopqrstuvwxyz0123456789".toCharArray();
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  // ------------------------------------------------------------------ state

  private final Config cfg;
  private final Family[] families = Family.values();
  private final double[] familyCum;
  /** Per phone, carried across days. */
  private final long[] busyFrom;
  private final long[] busyUntil;
  private final byte[] operator;
  private final short[] deviceGen;
  /** Per phone: its attack family's ordinal, -1 for none (filled on the first simulated day). */
  private final byte[] familyIdx;
  private boolean planned;
  private final String[] dates;
  private final Map<String, long[]> idCounters = new HashMap<>();
  private final SplittableRandom ids;
  // The lines not yet handed out, written once as UTF-8 into fixed-size chunks (one byte[] would cap a
  // day at 2 GiB). A line never spans two chunks: one that does not fit in the rest of a chunk moves
  // to the next. The chunks are kept and reused from day to day.
  static final int CHUNK = 1 << 24;
  private byte[][] chunks = {new byte[CHUNK]};
  /** The chunk being written, its index and the write position in it. */
  private byte[] buf = chunks[0];
  private int chunk;
  private int pos;
  /** Where the line being written starts in {@link #buf}. */
  private int lineStart;
  /** The bytes of the lines written, and those beyond one per char (to report their length in chars). */
  private long bytes;
  private long utf8Extra;
  private final StringBuilder escaped = new StringBuilder(256);
  // the buffer of events not yet handed out
  private int n;
  private long[] time = new long[1 << 16];
  /** A line's chunk index (high 32 bits) and offset in it (low 32 bits). */
  private long[] lineAt = new long[1 << 16];
  private int[] lineLen = new int[1 << 16];
  private int[] phoneOf = new int[1 << 16];
  private byte[] actorOf = new byte[1 << 16];
  private byte[] tagOf = new byte[1 << 16];
  private long emitted;
  private final long[] familyCount = new long[Family.values().length];
  private long phishIgnored;

  public Simulator(Config cfg) {
    this.cfg = cfg;
    this.familyCum = cumulative(cfg.familyWeights());
    this.busyFrom = new long[cfg.phones()];
    this.busyUntil = new long[cfg.phones()];
    this.operator = new byte[cfg.phones()];
    this.deviceGen = new short[cfg.phones()];
    this.familyIdx = new byte[cfg.phones()];
    Arrays.fill(busyFrom, Long.MAX_VALUE);
    Arrays.fill(busyUntil, Long.MIN_VALUE);
    this.dates = new String[cfg.days() + 16];
    for (int d = 0; d < dates.length; d++) {
      dates[d] = LocalDate.of(2026, 11, 1).plusDays(d).toString();
    }
    this.ids = new SplittableRandom(cfg.seed() ^ 0x5DEECE66DL);
  }

  /** Runs the whole simulation into the sink. Returns the number of events. */
  public long run(Sink sink) {
    return run((utf8, off, len, timeMs, phone, actor, tag) ->
        sink.accept(new String(utf8, off, len, StandardCharsets.UTF_8), timeMs, phone, actor, tag));
  }

  /** Runs the whole simulation into the sink, each line as UTF-8 bytes. Returns the number of events. */
  public long run(ByteSink sink) {
    int phones = cfg.phones();
    Phone p = new Phone();
    for (int d = 0; d < cfg.days(); d++) {
      for (int i = 0; i < phones; i++) {
        p.day(i, d);
      }
      planned = true;
      flush(sink, d + 1 < cfg.days() ? EPOCH_MS + (d + 1) * DAY_MS : Long.MAX_VALUE, EPOCH_MS + d * DAY_MS);
    }
    return emitted;
  }

  /** The length in chars (UTF-16 units, as the {@link Sink}'s Strings have) of the lines generated so far. */
  public long chars() {
    return bytes - utf8Extra;
  }

  /** Attacked phones per family in the last run. */
  public long familyCount(Family f) {
    return familyCount[f.ordinal()];
  }

  public long phishIgnoredCount() {
    return phishIgnored;
  }

  public Config config() {
    return cfg;
  }

  /** The plan of one phone: its attack family or null, decided by the seed alone. */
  public Family familyOf(int phone) {
    if (planned) {
      return familyIdx[phone] < 0 ? null : families[familyIdx[phone]];
    }
    long h = mix(cfg.seed() * 0x9E3779B97F4A7C15L + phone);
    SplittableRandom c = new SplittableRandom(h);
    Plan plan = new Plan();
    plan.draw(c, this);
    return plan.family;
  }

  public static String msisdn(int phone) {
    long n = Math.floorMod(11_000_000L + phone * 48_271L, 100_000_000L);
    StringBuilder s = new StringBuilder(14).append("+86139");
    appendPadded(s, n, 8);
    return s.toString();
  }

  private void flush(ByteSink sink, long until, long base) {
    // The lines before `until` in order of time, then of generation: a counting sort on the second
    // (event times are whole seconds), a few times faster than sorting (time, index) keys.
    int m = 0;
    int seconds = 0;
    for (int k = 0; k < n; k++) {
      if (time[k] < until) {
        long rel = time[k] - base;
        if (rel < 0 || rel >= (1L << 37) || rel % 1000 != 0) {
          throw new IllegalStateException("event outside the flush window or not on a whole second");
        }
        seconds = Math.max(seconds, (int) (rel / 1000) + 1);
        m++;
      }
    }
    int[] next = new int[seconds + 1]; // first the count of each second, then where its next line goes
    for (int k = 0; k < n; k++) {
      if (time[k] < until) {
        next[(int) ((time[k] - base) / 1000) + 1]++;
      }
    }
    for (int s = 0; s < seconds; s++) {
      next[s + 1] += next[s];
    }
    int[] order = new int[m];
    for (int k = 0; k < n; k++) {
      if (time[k] < until) {
        order[next[(int) ((time[k] - base) / 1000)]++] = k;
      }
    }
    for (int j = 0; j < m; j++) {
      int k = order[j];
      long at = lineAt[k];
      sink.accept(chunks[(int) (at >>> 32)], (int) at, lineLen[k], time[k], phoneOf[k], actorOf[k], tagOf[k]);
      emitted++;
    }
    // Move the lines kept for later to the front, in order. Packed by the same rule (to the next chunk
    // when the rest of one is too short), each lands at or before where it was, so nothing it passes
    // over is still needed.
    int w = 0;
    int c = 0;
    int p = 0;
    for (int k = 0; k < n; k++) {
      if (time[k] >= until) {
        int len = lineLen[k];
        if (p + len > CHUNK) {
          c++;
          p = 0;
        }
        long at = lineAt[k];
        System.arraycopy(chunks[(int) (at >>> 32)], (int) at, chunks[c], p, len);
        time[w] = time[k];
        lineAt[w] = ((long) c << 32) | p;
        lineLen[w] = len;
        phoneOf[w] = phoneOf[k];
        actorOf[w] = actorOf[k];
        tagOf[w] = tagOf[k];
        p += len;
        w++;
      }
    }
    n = w;
    chunk = c;
    buf = chunks[c];
    pos = p;
  }

  /** Adds the line written from {@link #lineStart} to {@link #pos}. */
  private void add(long t, int phone, int actor, int tag) {
    if (n == time.length) {
      int c = n * 2;
      if (c > (1 << 26)) {
        throw new IllegalStateException("too many events in one day; simulate fewer phones");
      }
      time = Arrays.copyOf(time, c);
      lineAt = Arrays.copyOf(lineAt, c);
      lineLen = Arrays.copyOf(lineLen, c);
      phoneOf = Arrays.copyOf(phoneOf, c);
      actorOf = Arrays.copyOf(actorOf, c);
      tagOf = Arrays.copyOf(tagOf, c);
    }
    time[n] = t;
    lineAt[n] = ((long) chunk << 32) | lineStart;
    lineLen[n] = pos - lineStart;
    phoneOf[n] = phone;
    actorOf[n] = (byte) actor;
    tagOf[n] = (byte) tag;
    n++;
    bytes += pos - lineStart;
  }

  // ------------------------------------------------------------------ writing lines as UTF-8

  /** Makes room for {@code k} more bytes of the current line, moving it to the next chunk if need be. */
  private void room(int k) {
    if (pos + k > buf.length) {
      nextChunk(k);
    }
  }

  private void nextChunk(int k) {
    int partial = pos - lineStart;
    if (partial + k > CHUNK) {
      throw new IllegalStateException("an event of more than " + CHUNK + " bytes");
    }
    chunk++;
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunk + 1);
      chunks[chunk] = new byte[CHUNK];
    }
    byte[] next = chunks[chunk];
    System.arraycopy(buf, lineStart, next, 0, partial);
    buf = next;
    lineStart = 0;
    pos = partial;
  }

  private void put(char c) {
    room(1);
    buf[pos++] = (byte) c;
  }

  /** Text known to be ASCII (everything but free text): its chars are its UTF-8 bytes. */
  private void put(String s) {
    put(s, 0, s.length());
  }

  // String.getBytes(int, int, byte[], int) is deprecated because it drops the high byte of each char;
  // for ASCII that is exactly UTF-8, and it is one array copy of a Latin-1 String, without allocating.
  @SuppressWarnings("deprecation")
  private void put(String s, int from, int to) {
    assert isAscii(s) : s;
    room(to - from);
    s.getBytes(from, to, buf, pos);
    pos += to - from;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@code v >= 0} in decimal, left-padded with zeros to {@code width} digits. */
  private void putPadded(long v, int width) {
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    int len = Math.max(digits, width);
    room(len);
    for (int i = pos + len - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    pos += len;
  }

  private void putTwo(int v) {
    room(2);
    buf[pos] = (byte) ('0' + v / 10);
    buf[pos + 1] = (byte) ('0' + v % 10);
    pos += 2;
  }

  /** A JSON string: escaped, and UTF-8 encoded (free text is the only place for CJK). */
  /** Free text, JSON-escaped into a reused builder, then encoded by the JDK (texts are a minority of events). */
  private void quote(String s) {
    StringBuilder e = escaped;
    e.setLength(0);
    e.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        e.append('\\').append(c);
      } else if (c < 0x20) {
        e.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        e.append(c);
      }
    }
    e.append('"');
    byte[] utf8 = e.toString().getBytes(StandardCharsets.UTF_8);
    room(utf8.length);
    System.arraycopy(utf8, 0, buf, pos, utf8.length);
    pos += utf8.length;
    utf8Extra += utf8.length - e.length();
  }

  // ------------------------------------------------------------------ the plan of a phone

  /** What is decided once per phone from its constant seed. */
  static final class Plan {
    int telecom;
    int gov;
    int bank;
    int merchant;
    int vendor;
    boolean secondCard;
    boolean nightShift;
    boolean traveller;
    Family family;
    boolean phishIgnored;
    int attackDay;
    long attackOffset;
    long ids; // bits for account identifiers

    void draw(SplittableRandom c, Simulator s) {
      telecom = c.nextInt(TELECOMS.length);
      gov = c.nextInt(GOV.length);
      bank = c.nextInt(BANKS.length);
      merchant = c.nextInt(MERCHANTS.length);
      vendor = c.nextInt(VENDORS.length);
      secondCard = c.nextDouble() < 0.45;
      nightShift = c.nextDouble() < 0.04;
      traveller = c.nextDouble() < 0.03;
      ids = c.nextLong();
      double u = c.nextDouble();
      family = null;
      phishIgnored = false;
      if (u < s.cfg.attackRate()) {
        double v = c.nextDouble() * s.familyCum[s.familyCum.length - 1];
        int f = 0;
        while (f < s.familyCum.length - 1 && v >= s.familyCum[f]) {
          f++;
        }
        family = s.families[f];
      } else if (u < s.cfg.attackRate() + s.cfg.phishIgnoredRate()) {
        phishIgnored = true;
      }
      attackDay = c.nextInt(s.cfg.days());
      double w = c.nextDouble();
      // most takeovers start in the evening; smishing by day; some at any hour
      attackOffset = w < 0.6 ? 18 * HOUR_MS + c.nextLong(6 * HOUR_MS)
          : w < 0.85 ? 8 * HOUR_MS + c.nextLong(10 * HOUR_MS) : c.nextLong(DAY_MS);
    }
  }

  // ------------------------------------------------------------------ one phone on one day

  private final class Phone {
    final Plan plan = new Plan();
    SplittableRandom r;
    int index;
    String msisdn;
    String telecom;
    // lazily built identifiers
    String idNumber;
    String alipay;
    String wechat;
    String bankAccount;
    String merchantAccount;
    String vendorAccount;
    String card0;
    String card1;
    private int deviceOf;
    private String deviceId;
    private String model;
    private String imei;
    long ownerImeiBits;

    void day(int i, int d) {
      long h = mix(cfg.seed() * 0x9E3779B97F4A7C15L + i);
      plan.draw(new SplittableRandom(h), Simulator.this);
      r = new SplittableRandom(mix(h ^ (0xD1B54A32D192ED03L * (d + 1))));
      index = i;
      msisdn = null;
      telecom = TELECOMS[Math.floorMod(plan.telecom + operator[i], TELECOMS.length)][0];
      idNumber = alipay = wechat = bankAccount = merchantAccount = vendorAccount = card0 = card1 = null;
      setDevice(deviceGen[i]);
      long dayStart = EPOCH_MS + d * DAY_MS;
      if (d == 0) {
        familyIdx[i] = (byte) (plan.family == null ? -1 : plan.family.ordinal());
        if (plan.family != null) {
          familyCount[plan.family.ordinal()]++;
        } else if (plan.phishIgnored) {
          phishIgnored++;
        }
      }
      if (plan.attackDay == d) {
        long at = dayStart + plan.attackOffset;
        if (plan.family != null) {
          attack(plan.family, at);
        } else if (plan.phishIgnored) {
          phishText(at, OWNER_IGNORES);
        }
      }
      boolean away = dayStart + DAY_MS > busyFrom[i] && dayStart < busyUntil[i]; // the line is in someone else's hands today
      if (r.nextDouble() < 0.0015 && !away) {
        newPhone(dayStart + hourTime(r, plan.nightShift));
      }
      if (r.nextDouble() < 0.0003 && !away) {
        lostPhone(dayStart + hourTime(r, plan.nightShift));
      }
      if (r.nextDouble() < 0.0002 && !away) {
        operatorSwitch(dayStart + 10 * HOUR_MS + r.nextLong(8 * HOUR_MS));
      }
      if (plan.traveller && r.nextDouble() < 0.1 && !away) {
        trip(dayStart + 6 * HOUR_MS + r.nextLong(6 * HOUR_MS));
      }
      int dow = (d + 0) % 7; // day 0 is a Sunday
      double mean = dow == 0 || dow == 6 ? 1.8 : 1.5;
      int sessions = poisson(r, mean);
      for (int s = 0; s < sessions; s++) {
        long t = dayStart + hourTime(r, plan.nightShift);
        if (t >= busyFrom[i] && t < busyUntil[i]) {
          continue;
        }
        session(t, dow == 0 || dow == 6);
      }
    }

    /** The owner's handset of generation {@code gen}; its identifiers are built on first use. */
    void setDevice(int gen) {
      deviceOf = gen;
      deviceId = null;
    }

    // Most phone-days use no handset identifier, and building them was a tenth of generation.
    private void device() {
      if (deviceId == null) {
        SplittableRandom dr = new SplittableRandom(plan.ids ^ (0x632BE59BD9B4E019L * (deviceOf + 1)));
        deviceId = hex(dr, 16);
        model = MODELS[dr.nextInt(MODELS.length)];
        imei = "86" + digits(dr, 13);
      }
    }

    String deviceId() {
      device();
      return deviceId;
    }

    String model() {
      device();
      return model;
    }

    String imei() {
      device();
      return imei;
    }

    void newDevice() {
      deviceGen[index]++;
      setDevice(deviceGen[index]);
    }

    String msisdn() {
      return msisdn != null ? msisdn : (msisdn = Simulator.msisdn(index));
    }

    String idNumber() {
      if (idNumber == null) {
        SplittableRandom x = new SplittableRandom(plan.ids ^ 0x1L);
        idNumber = Simulator.idNumber(TELECOMS[plan.telecom][1], x);
      }
      return idNumber;
    }

    String alipay() {
      return alipay != null ? alipay : (alipay = "2088" + pad(Math.floorMod(plan.ids, 1_000_000_000_000L), 12));
    }

    String wechat() {
      return wechat != null ? wechat : (wechat = "wxpay-o" + Long.toString(Math.floorMod(plan.ids * 31 + 7, Long.MAX_VALUE), 36));
    }

    String bank() {
      return BANKS[plan.bank][0];
    }

    String bankAccount() {
      return bankAccount != null ? bankAccount : (bankAccount = bank().substring(6) + "-u-" + pad(Math.floorMod(plan.ids * 131, 10_000_000_000L), 10));
    }

    String merchantAccount() {
      return merchantAccount != null ? merchantAccount
          : (merchantAccount = MERCHANTS[plan.merchant][0].substring(10) + "_" + Long.toHexString(Math.floorMod(plan.ids * 17, 1L << 40)));
    }

    String vendorAccount() {
      return vendorAccount != null ? vendorAccount : (vendorAccount = "acct-" + pad(Math.floorMod(plan.ids * 7, 10_000_000_000_000L), 13));
    }

    String card0() {
      return card0 != null ? card0 : (card0 = BANKS[plan.bank][2] + pad(Math.floorMod(plan.ids * 3 + 11, 1_000_000_000_000_000L), 15));
    }

    String card1() {
      return card1 != null ? card1 : (card1 = ((plan.ids & 1) == 0 ? "6225" : "6253") + pad(Math.floorMod(plan.ids * 5 + 3, 1_000_000_000_000L), 12));
    }

    String anyCard() {
      return plan.secondCard && r.nextBoolean() ? card1() : card0();
    }

    String[] wallet(int w) {
      return WALLETS[w];
    }

    String walletAccount(int w) {
      return w == 0 ? alipay() : wechat();
    }

    String gov() {
      return GOV[plan.gov];
    }

    String govAccount() {
      String id = idNumber();
      return gov().substring(5) + "-" + id.substring(0, 6) + id.substring(14);
    }

    /** An institution the owner uses: [source, sms sender]. */
    String[] pickInstitution() {
      double k = r.nextDouble();
      if (k < 0.5) {
        return WALLETS[r.nextInt(2)];
      } else if (k < 0.75) {
        return BANKS[plan.bank];
      } else if (k < 0.95) {
        return MERCHANTS[plan.merchant];
      }
      return new String[] {gov(), "12333"};
    }

    String accountAt(String source) {
      if (source.equals(WALLETS[0][0])) {
        return alipay();
      } else if (source.equals(WALLETS[1][0])) {
        return wechat();
      } else if (source.equals(bank())) {
        return bankAccount();
      } else if (source.equals(MERCHANTS[plan.merchant][0])) {
        return merchantAccount();
      } else if (source.equals(gov())) {
        return govAccount();
      } else if (source.equals(VENDORS[plan.vendor][0])) {
        return vendorAccount();
      }
      return source.substring(source.lastIndexOf('/') + 1) + "-" + msisdn().substring(6);
    }

    // ---------------------------------------------------------------- ordinary traffic

    void session(long t, boolean weekend) {
      double k = r.nextDouble() * 100;
      int w = r.nextInt(2);
      String[] wallet = WALLETS[w];
      String walletAccount = walletAccount(w);
      byte tag = plan.nightShift ? T_NIGHT : T_SESSION;
      if (weekend && k < 56 && r.nextDouble() < 0.2) {
        k = 28 + (k % 28); // weekends: more shopping in an open wallet
      }
      if (k < 28) { // app opened on the trusted device, often followed by a payment
        String[] inst = pickInstitution();
        login(t, inst[0], accountAt(inst[0]), r.nextDouble() < 0.85 ? "trusted_device" : "face", false, OWNER, tag);
        if (r.nextDouble() < 0.6 && !inst[0].startsWith("/gov")) {
          boolean bank = inst[0].startsWith("/bank");
          pay(t + secs(20, 900), bank ? wallet[0] : inst[0], bank ? walletAccount : accountAt(inst[0]), "merchant", small(), shop(), OWNER, tag);
        }
      } else if (k < 56) { // a merchant payment in an already open app
        pay(t, wallet[0], walletAccount, "merchant", small(), shop(), OWNER, tag);
        if (r.nextDouble() < 0.15) {
          pay(t + secs(60, 3600), wallet[0], walletAccount, "merchant", small(), shop(), OWNER, tag);
        }
      } else if (k < 64) { // sms code login
        String[] inst = pickInstitution();
        otp(t, inst[0], inst[1], "login", OWNER, T_SMS_LOGIN);
        login(t + secs(15, 90), inst[0], accountAt(inst[0]), "sms_otp", false, OWNER, T_SMS_LOGIN);
      } else if (k < 69) { // password login
        String[] inst = pickInstitution();
        login(t, inst[0], accountAt(inst[0]), "password", false, OWNER, tag);
      } else if (k < 89) {
        ordinaryMessage(t);
      } else if (k < 93) {
        ev(t, telecom, "telecom.sms.sent").s("to", "+86" + (r.nextBoolean() ? "139" : "138") + digits(r, 8)).end(OWNER, tag);
      } else if (k < 94.2) { // a card bound the careful way
        String card = r.nextBoolean() ? card0() : (BANKS[r.nextInt(BANKS.length)][2] + digits(r, 15));
        String[] target = r.nextBoolean() ? wallet : MERCHANTS[plan.merchant];
        otp(t, bank(), BANKS[plan.bank][1], "card_binding", OWNER, T_CARD_BIND);
        ev(t + secs(20, 120), target[0], "card.bound").s("account", accountAt(target[0])).s("card", card)
            .s("cardType", card.length() == 16 ? "credit" : "debit").b("quickBind", false).list("checks", "cvv", "expiry", "sms_otp")
            .end(OWNER, T_CARD_BIND);
      } else if (k < 94.6) { // a loan (night-shift workers borrow at night)
        String[] lender = LENDERS[r.nextInt(LENDERS.length)];
        String acct = accountAt(lender[0]);
        login(t, lender[0], acct, "trusted_device", false, OWNER, T_LOAN);
        String amount = (1 + r.nextInt(30)) * 500 + ".00";
        ev(t + secs(60, 600), lender[0], "loan.applied").s("account", acct).s("amount", amount).s("currency", "CNY").s("disburseTo", card0()).end(OWNER, T_LOAN);
        ev(t + secs(700, 3000), lender[0], "loan.disbursed").s("account", acct).s("amount", amount).s("currency", "CNY").s("disburseTo", card0()).end(INSTITUTION, T_LOAN);
      } else if (k < 95.0) {
        ev(t, wallet[0], "payment.declined").s("account", walletAccount).s("amount", big()).s("currency", "CNY").s("card", card0())
            .s("category", "merchant").s("counterparty", shop()).s("reason", "insufficient_funds").end(INSTITUTION, tag);
      } else if (k < 95.3) { // forgot a password: reset by face
        ev(t, wallet[0], "account.password.reset").s("account", walletAccount).s("channel", "app").s("verification", "face").end(OWNER, T_PW_RESET);
      } else if (k < 95.5) { // forgot a password: reset by SMS code
        String[] inst = r.nextBoolean() ? MERCHANTS[plan.merchant] : wallet;
        otp(t, inst[0], inst[1], "password_reset", OWNER, T_PW_RESET);
        ev(t + secs(20, 90), inst[0], "account.password.reset").s("account", accountAt(inst[0])).s("channel", "app").s("verification", "sms_otp").end(OWNER, T_PW_RESET);
        login(t + secs(100, 300), inst[0], accountAt(inst[0]), "password", false, OWNER, T_PW_RESET);
      } else if (k < 95.6) {
        ev(t, telecom, "telecom.service_password.changed").s("channel", r.nextBoolean() ? "app" : "web").end(OWNER, T_MISC);
      } else if (k < 95.8) { // a new account opened properly
        String[] m = MERCHANTS[r.nextInt(MERCHANTS.length)];
        otp(t, m[0], m[1], "account_creation", OWNER, T_MISC);
        ev(t + secs(30, 120), m[0], "account.created").s("account", m[0].substring(10) + "_" + hex(r, 10)).s("idNumber", idNumber())
            .s("realNameVerification", "face").s("channel", "app").s("deviceId", deviceId()).s("deviceModel", model()).end(OWNER, T_MISC);
      } else if (k < 96.0) {
        login(t, gov(), govAccount(), "face", false, OWNER, T_MISC);
        ev(t + secs(30, 300), gov(), "identity.data.viewed").s("account", govAccount()).list("fields", "address").end(OWNER, T_MISC);
      } else if (k < 96.1) {
        String kind = r.nextBoolean() ? "busy" : "no_answer";
        ev(t, telecom, "telecom.call_forwarding.set").s("kind", kind).s("target", "+86138" + digits(r, 8)).s("channel", "app").s("verification", "password").end(OWNER, T_MISC);
        ev(t + secs(3600, 20_000), telecom, "telecom.call_forwarding.cleared").s("kind", kind).s("channel", "app").end(OWNER, T_MISC);
      } else if (k < 96.7) { // a payment with an otp
        otp(t, wallet[0], wallet[1], "payment", OWNER, tag);
        pay(t + secs(20, 90), wallet[0], walletAccount, r.nextDouble() < 0.8 ? "merchant" : "transfer", big(), shop(), OWNER, tag);
      } else if (k < 97.7) { // pay out of a bank app
        login(t, bank(), bankAccount(), "trusted_device", false, OWNER, T_BANK_TRANSFER);
        pay(t + secs(30, 300), bank(), bankAccount(), r.nextDouble() < 0.5 ? "transfer" : "top_up", big(),
            r.nextBoolean() ? "62" + digits(r, 17) : msisdn(), OWNER, T_BANK_TRANSFER);
      } else if (k < 97.8) { // a game or gift card bought for the family
        pay(t, wallet[0], walletAccount, r.nextBoolean() ? "game_card" : "gift_card", String.valueOf(50 + 50 * r.nextInt(10)) + ".00", shop(), OWNER, tag);
      } else { // otp that nobody used
        String[] inst = pickInstitution();
        otp(t, inst[0], inst[1], r.nextBoolean() ? "login" : "payment", OWNER, tag);
      }
    }

    void ordinaryMessage(long t) {
      double k = r.nextDouble();
      String sender;
      StringBuilder text = new StringBuilder(96);
      if (k < 0.30) {
        sender = r.nextBoolean() ? "1069000" + digits(r, 4) : "95338";
        if (r.nextBoolean()) {
          text.append("【菜鸟驿站】您的包裹已到").append(pick("小区东门", "学校北门", "幸福里", "科技园")).append("驿站，请凭取件码 ")
              .append(1 + r.nextInt(9)).append('-').append(1 + r.nextInt(6)).append('-').append(pad(r.nextInt(10000), 4)).append(" 于今日21:00前取件。");
        } else {
          text.append("【顺丰速运】您的快件SF").append(digits(r, 13)).append("已由快递员派送中，请保持电话畅通。");
        }
      } else if (k < 0.55) {
        sender = BANKS[plan.bank][1];
        String c = card0();
        text.append('【').append(BANK_NAMES[plan.bank]).append("】您尾号").append(c, c.length() - 4, c.length()).append("的账户于")
            .append(1 + r.nextInt(28)).append("日").append(pad(r.nextInt(24), 2)).append(':').append(pad(r.nextInt(60), 2))
            .append("快捷支付扣款人民币").append(small()).append("元，余额").append(big()).append("元。");
      } else if (k < 0.75) {
        sender = "+86" + (r.nextBoolean() ? "138" : "186") + digits(r, 8);
        text.append(FRIEND_TEXTS[r.nextInt(FRIEND_TEXTS.length)]);
      } else if (k < 0.85) {
        sender = "10086";
        text.append("【中国移动】尊敬的客户，截至").append(1 + r.nextInt(28)).append("日，您本月套餐内流量已使用").append(50 + r.nextInt(45)).append("%，可发送CXLL查询。");
      } else if (k < 0.96) {
        String[] inst = pickInstitution();
        sender = inst[1];
        text.append('【').append(pick("支付宝", "京东", "美团", "招商银行")).append("】验证码").append(pad(r.nextInt(1_000_000), 6)).append("，您正在登录，5分钟内有效，请勿告诉他人。");
      } else {
        sender = "1069" + digits(r, 6);
        text.append('【').append(pick("某某商城", "优选生活", "星河影城")).append("】双十二大促，全场5折起，会员再享满200减30，回T退订");
      }
      ev(t, r.nextDouble() < 0.8 ? telecom : "/handset/gjfz-app", "message.received").s("sender", sender).s("channel", "sms").text("text", text.toString())
          .end(INSTITUTION, T_MESSAGE);
    }

    /** A new handset: the SIM moves, then the owner logs in everywhere again, mostly with SMS codes. */
    void newPhone(long t) {
      String previous = imei();
      newDevice();
      ev(t, telecom, "telecom.device.changed").s("imei", imei()).s("previousImei", previous).end(OWNER, T_NEW_PHONE);
      long at = t + secs(300, 1800);
      int logins = 3 + r.nextInt(6);
      for (int i = 0; i < logins; i++) {
        String[] inst = i == 0 ? WALLETS[1] : i == 1 ? WALLETS[0] : pickInstitution();
        if (r.nextDouble() < 0.8) {
          otp(at, inst[0], inst[1], "login", OWNER, T_NEW_PHONE);
          login(at + secs(15, 90), inst[0], accountAt(inst[0]), "sms_otp", true, OWNER, T_NEW_PHONE);
        } else {
          login(at, inst[0], accountAt(inst[0]), r.nextBoolean() ? "password" : "face", true, OWNER, T_NEW_PHONE);
        }
        at += secs(120, 5400);
      }
      if (r.nextDouble() < 0.25) { // forgot one password on the new phone
        String[] inst = MERCHANTS[plan.merchant];
        otp(at, inst[0], inst[1], "password_reset", OWNER, T_NEW_PHONE);
        ev(at + secs(20, 90), inst[0], "account.password.reset").s("account", merchantAccount()).s("channel", "app").s("verification", "sms_otp").end(OWNER, T_NEW_PHONE);
      }
      if (r.nextDouble() < 0.3) { // signs in to the vendor account on the new handset
        String[] v = VENDORS[plan.vendor];
        login(at + secs(600, 7200), v[0], vendorAccount(), "password", true, OWNER, T_NEW_PHONE);
      }
    }

    /** The owner loses the phone and gets the line back in a store the next day. */
    void lostPhone(long t) {
      ev(t, telecom, "telecom.loss.reported").s("channel", "hotline").s("verification", "id_number_and_contacts").end(OWNER, T_LOST);
      long at = t + secs(8 * 3600, 20 * 3600);
      ev(at, telecom, "telecom.sim.replaced").s("channel", "store").s("verification", "in_person_id").s("iccid", "8986" + digits(r, 16)).end(OWNER, T_LOST);
      ev(at + secs(60, 300), telecom, "owner.recovered").s("channel", "store").s("verification", "in_person_id").end(OWNER, T_LOST);
      String previous = imei();
      newDevice();
      ev(at + secs(600, 1800), telecom, "telecom.device.changed").s("imei", imei()).s("previousImei", previous).end(OWNER, T_LOST);
      ev(at + secs(1900, 2400), WALLETS[0][0], "account.password.reset").s("account", alipay()).s("channel", "app").s("verification", "face").end(OWNER, T_LOST);
      login(at + secs(2500, 2700), WALLETS[0][0], alipay(), "password", true, OWNER, T_LOST);
      int more = r.nextInt(4);
      long x = at + 2800_000L;
      for (int i = 0; i < more; i++) {
        String[] inst = pickInstitution();
        x += secs(300, 7200);
        otp(x, inst[0], inst[1], "login", OWNER, T_LOST);
        login(x + secs(15, 90), inst[0], accountAt(inst[0]), "sms_otp", true, OWNER, T_LOST);
      }
      busyFrom[index] = Math.min(busyFrom[index], t);
      busyUntil[index] = Math.max(busyUntil[index], at);
    }

    /** Number portability (携号转网): the new operator issues a SIM in a store; the handset stays. */
    void operatorSwitch(long t) {
      operator[index]++;
      telecom = TELECOMS[Math.floorMod(plan.telecom + operator[index], TELECOMS.length)][0];
      ev(t, telecom, "telecom.sim.replaced").s("channel", "store").s("verification", "in_person_id").s("iccid", "8986" + digits(r, 16)).end(OWNER, T_OPSWITCH);
      if (r.nextBoolean()) {
        ev(t + secs(600, 3600), telecom, "telecom.service_password.changed").s("channel", "app").end(OWNER, T_OPSWITCH);
      }
    }

    /** A trip: calls forwarded to a local number while abroad, a few logins by SMS code from a hotel. */
    void trip(long t) {
      String kind = r.nextBoolean() ? "unconditional" : "not_reachable";
      ev(t, telecom, "telecom.call_forwarding.set").s("kind", kind).s("target", "+86" + (r.nextBoolean() ? "138" : "137") + digits(r, 8))
          .s("channel", "app").s("verification", "password").end(OWNER, T_TRAVEL);
      long at = t + secs(3600, 8 * 3600);
      int logins = r.nextInt(3);
      for (int i = 0; i < logins; i++) {
        String[] inst = pickInstitution();
        otp(at, inst[0], inst[1], "login", OWNER, T_TRAVEL);
        login(at + secs(15, 120), inst[0], accountAt(inst[0]), "sms_otp", false, OWNER, T_TRAVEL);
        at += secs(3600, 6 * 3600);
      }
      if (r.nextDouble() < 0.4) { // pays abroad
        pay(at + secs(60, 3600), WALLETS[0][0], alipay(), "merchant", big(), "duty-free-" + digits(r, 4), OWNER, T_TRAVEL);
      }
      ev(t + secs(2 * 86_400, 5 * 86_400), telecom, "telecom.call_forwarding.cleared").s("kind", kind).s("channel", "app").end(OWNER, T_TRAVEL);
    }

    // ---------------------------------------------------------------- attacks

    static final int OWNER_IGNORES = 0;

    String phishText(long t, int actor) {
      StringBuilder link = new StringBuilder().append((char) ('a' + r.nextInt(26))).append('.').append(alnum(r, 5)).append(DOMAIN_TLDS[r.nextInt(DOMAIN_TLDS.length)]);
      String text = SMISH[r.nextInt(SMISH.length)].replace("%D", String.valueOf(1 + r.nextInt(28))).replace("%L", link);
      ev(t, r.nextBoolean() ? telecom : "/handset/gjfz-app", "message.received")
          .s("sender", r.nextBoolean() ? "+86171" + digits(r, 8) : "1069" + digits(r, 6)).s("channel", "sms").text("text", text)
          .end(actor == OWNER_IGNORES ? INSTITUTION : THIEF, actor == OWNER_IGNORES ? T_PHISH_IGNORED : T_ATTACK);
      return text;
    }

    void attack(Family f, long t0) {
      switch (f) {
        case STOLEN_PHONE, STORE_SWAP_FORGED_ID, ESIM_TRANSFER -> takeover(f, t0);
        case SMISH_TAKEOVER -> smishTakeover(t0);
        case SMISH_CARD_BIND -> smishCardBind(t0);
      }
    }

    /** Families that take the line: entry, then control and identity steps in varied order, some missing, then monetisation. */
    void takeover(Family f, long t0) {
      long t = t0;
      double pace = pick3(0.25, 1.0, 3.0); // the whole crime in half an hour, the usual evening, or a slow burn
      String attackerDevice = hex(r, 16);
      String attackerModel = MODELS[r.nextInt(MODELS.length)];
      String attackerPhone = "+86170" + digits(r, 8);
      String muleCard = "6228" + digits(r, 15);
      String attackerImei = "86" + digits(r, 13);
      boolean unlocked = false;
      switch (f) {
        case STOLEN_PHONE -> {
          if (r.nextDouble() < 0.85) { // the SIM goes into the thief's handset
            ev(t, telecom, "telecom.device.changed").s("imei", attackerImei).s("previousImei", imei()).end(THIEF, T_ATTACK);
            if (r.nextBoolean()) {
              t += p(pace, 30, 120);
              ev(t, telecom, "telecom.sms.sent").s("to", attackerPhone).end(THIEF, T_ATTACK);
            }
          } else { // an unlocked handset: the thief uses the owner's own phone
            unlocked = true;
            attackerDevice = deviceId();
            attackerModel = model();
          }
        }
        case STORE_SWAP_FORGED_ID -> {
          ev(t, telecom, "telecom.sim.replaced").s("channel", "store").s("verification", "in_person_id").s("iccid", "8986" + digits(r, 16)).end(THIEF, T_ATTACK);
          t += p(pace, 300, 2400);
          ev(t, telecom, "telecom.device.changed").s("imei", attackerImei).s("previousImei", imei()).end(THIEF, T_ATTACK);
        }
        case ESIM_TRANSFER -> {
          double v = r.nextDouble();
          ev(t, telecom, "telecom.sim.replaced").s("channel", v < 0.8 ? "app" : "web").s("verification", v < 0.7 ? "service_password" : v < 0.9 ? "sms_otp" : "id_number_and_contacts")
              .s("iccid", "8986" + digits(r, 16)).end(THIEF, T_ATTACK);
          if (r.nextDouble() < 0.85) {
            t += p(pace, 60, 1200);
            ev(t, telecom, "telecom.device.changed").s("imei", attackerImei).s("previousImei", imei()).end(THIEF, T_ATTACK);
          }
        }
        default -> throw new IllegalStateException();
      }
      boolean newDev = !unlocked;
      // control and identity steps, in random order, each possibly missing
      int[] steps = {0, 1, 2, 3, 4};
      for (int i = steps.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int x = steps[i];
        steps[i] = steps[j];
        steps[j] = x;
      }
      double skip = f == Family.ESIM_TRANSFER ? 0.6 : 0.35;
      for (int step : steps) {
        if (r.nextDouble() < skip) {
          continue;
        }
        t += p(pace, 120, 600);
        switch (step) {
          case 0 -> { // government app: SMS login, reset, look at the ID data
            otp(t, gov(), "12333", "login", THIEF, T_ATTACK);
            t += p(pace, 20, 60);
            ev(t, gov(), "account.login").s("account", govAccount()).s("channel", "app").s("verification", "sms_otp")
                .s("deviceId", attackerDevice).s("deviceModel", attackerModel).b("newDevice", newDev).end(THIEF, T_ATTACK);
            if (r.nextDouble() < 0.7) {
              t += p(pace, 30, 120);
              otp(t, gov(), "12333", "password_reset", THIEF, T_ATTACK);
              t += p(pace, 20, 60);
              ev(t, gov(), "account.password.reset").s("account", govAccount()).s("channel", "app").s("verification", "sms_otp").end(THIEF, T_ATTACK);
            }
            t += p(pace, 60, 180);
            ev(t, gov(), "identity.data.viewed").s("account", govAccount()).list("fields", "id_number", "id_photo", "bank_card").end(THIEF, T_ATTACK);
          }
          case 1 -> ev(t, telecom, "telecom.service_password.reset").s("channel", pick("hotline", "app")).s("verification", pick("sms_otp", "id_number_and_contacts")).end(THIEF, T_ATTACK);
          case 2 -> { // stop the owner from locating or wiping the handset
            String[] v = VENDORS[plan.vendor];
            otp(t, v[0], v[1], "password_reset", THIEF, T_ATTACK);
            t += p(pace, 20, 60);
            ev(t, v[0], "account.password.reset").s("account", vendorAccount()).s("channel", "app").s("verification", "sms_otp").end(THIEF, T_ATTACK);
            t += p(pace, 120, 900);
            ev(t, v[0], "account.device.unbound").s("account", vendorAccount()).s("deviceId", deviceId()).end(THIEF, T_ATTACK);
          }
          case 3 -> ev(t, telecom, "telecom.call_forwarding.set").s("kind", "unconditional").s("target", attackerPhone).s("channel", "app").s("verification", pick("sms_otp", "service_password")).end(THIEF, T_ATTACK);
          case 4 -> { // the bank app by SMS code, then the payment password
            String[] b = BANKS[plan.bank];
            otp(t, b[0], b[1], "login", THIEF, T_ATTACK);
            t += p(pace, 20, 60);
            ev(t, b[0], "account.login").s("account", bankAccount()).s("channel", "app").s("verification", "sms_otp")
                .s("deviceId", attackerDevice).s("deviceModel", attackerModel).b("newDevice", newDev).end(THIEF, T_ATTACK);
            if (r.nextBoolean()) {
              t += p(pace, 60, 300);
              ev(t, b[0], "payment.password.reset").s("account", bankAccount()).s("verification", "sms_otp").end(THIEF, T_ATTACK);
            }
          }
          default -> { }
        }
      }
      // the owner notices (no signal, or the phone is gone) and fights over the loss report
      long fightT = t + p(pace, 60, 1200);
      if (r.nextDouble() < 0.5) {
        int fights = 1 + r.nextInt(4);
        for (int i = 0; i < fights; i++) {
          ev(fightT, telecom, "telecom.loss.reported").s("channel", "hotline").s("verification", "id_number_and_contacts").end(OWNER, T_OWNER_DURING);
          if (i == 0 && r.nextBoolean()) {
            ev(fightT + secs(120, 400), bank(), "card.frozen").s("card", card0()).s("channel", "hotline").end(OWNER, T_OWNER_DURING);
          }
          fightT += secs(300, 1500);
          if (r.nextDouble() < 0.85) {
            ev(fightT, telecom, "telecom.loss.cancelled").s("channel", r.nextBoolean() ? "hotline" : "ivr").s("verification", "service_password").end(THIEF, T_ATTACK);
          }
          fightT += secs(300, 2400);
        }
      }
      // new accounts in the owner's name, cards bound from bank-side lists
      String[][] opened = new String[3][];
      int accounts = r.nextDouble() < 0.7 ? 1 + r.nextInt(3) : 0;
      for (int i = 0; i < accounts; i++) {
        String[] inst = i == 0 ? WALLETS[r.nextInt(2)] : EXTRA_PAY[r.nextInt(EXTRA_PAY.length)];
        String acct = inst[0].substring(9) + "-n" + digits(r, 10);
        t += p(pace, 120, 900);
        otp(t, inst[0], inst[1], "account_creation", THIEF, T_ATTACK);
        t += p(pace, 20, 60);
        ev(t, inst[0], "account.created").s("account", acct).s("idNumber", idNumber())
            .s("realNameVerification", pick("same_device_subaccount", "sms_otp", "bank_card", "none")).s("channel", "app")
            .s("deviceId", attackerDevice).s("deviceModel", attackerModel).end(THIEF, T_ATTACK);
        for (int c = 0; c < (plan.secondCard ? 2 : 1); c++) {
          if (r.nextDouble() < 0.8) {
            t += p(pace, 60, 300);
            String card = c == 0 ? card0() : card1();
            ev(t, inst[0], "card.bound").s("account", acct).s("card", card).s("cardType", card.length() == 16 ? "credit" : "debit")
                .b("quickBind", r.nextDouble() < 0.8).list("checks", "sms_otp").end(THIEF, T_ATTACK);
          }
        }
        opened[i] = new String[] {inst[0], acct};
      }
      if (accounts == 0) { // no new account: straight into the owner's wallet by SMS code
        t += p(pace, 60, 600);
        otp(t, WALLETS[0][0], WALLETS[0][1], "login", THIEF, T_ATTACK);
        t += p(pace, 20, 60);
        ev(t, WALLETS[0][0], "account.login").s("account", alipay()).s("channel", "app").s("verification", "sms_otp")
            .s("deviceId", attackerDevice).s("deviceModel", attackerModel).b("newDevice", newDev).end(THIEF, T_ATTACK);
        opened[0] = new String[] {WALLETS[0][0], alipay()};
        accounts = 1;
      }
      // night loans (sometimes waiting for the owner to sleep) and cash-out
      long night = Math.max(t, fightT) + p(pace, 300, 1800);
      if (r.nextBoolean()) {
        long twoAm = EPOCH_MS + Math.floorDiv(night - EPOCH_MS, DAY_MS) * DAY_MS + 2 * HOUR_MS;
        if (twoAm < night) {
          twoAm += DAY_MS;
        }
        if (twoAm - night < 8 * HOUR_MS) {
          night = twoAm + r.nextLong(2 * HOUR_MS);
        }
      }
      int loans = r.nextDouble() < (f == Family.ESIM_TRANSFER ? 0.9 : 0.5) ? 1 + r.nextInt(2) : 0;
      for (int i = 0; i < loans; i++) {
        String[] lender = LENDERS[r.nextInt(LENDERS.length)];
        String acct = accountAt(lender[0]);
        otp(night, lender[0], lender[1], r.nextBoolean() ? "login" : "loan", THIEF, T_ATTACK);
        night += p(pace, 20, 90);
        ev(night, lender[0], "account.login").s("account", acct).s("channel", "app").s("verification", "sms_otp")
            .s("deviceId", attackerDevice).s("deviceModel", attackerModel).b("newDevice", newDev).end(THIEF, T_ATTACK);
        night += p(pace, 60, 300);
        String amount = (2 + r.nextInt(39)) * 500 + ".00";
        ev(night, lender[0], "loan.applied").s("account", acct).s("amount", amount).s("currency", "CNY").s("disburseTo", card0()).end(THIEF, T_ATTACK);
        night += p(pace, 60, 300);
        ev(night, lender[0], "loan.disbursed").s("account", acct).s("amount", amount).s("currency", "CNY").s("disburseTo", card0()).end(INSTITUTION, T_ATTACK);
        night += p(pace, 120, 600);
      }
      int outs = 1 + r.nextInt(6);
      for (int i = 0; i < outs; i++) {
        String[] where = opened[r.nextInt(accounts)];
        String category = pick("virtual_card", "top_up", "gift_card", "game_card", "cash_out", "transfer");
        String counterparty = category.equals("top_up") ? attackerPhone
            : category.equals("transfer") || category.equals("cash_out") ? muleCard : where[0].substring(9) + "-" + category.replace('_', '-');
        night += p(pace, 120, 900);
        String amount = (1 + r.nextInt(80)) * 100 + ".00";
        boolean declined = r.nextDouble() < 0.1;
        Ev e = ev(night, where[0], declined ? "payment.declined" : "payment.initiated").s("account", where[1]).s("amount", amount).s("currency", "CNY")
            .s("card", anyCard()).s("category", category).s("counterparty", counterparty);
        if (declined) {
          e.s("reason", "risk_control");
        }
        e.end(declined ? INSTITUTION : THIEF, T_ATTACK);
      }
      long end;
      { // the owner gets the line back in a store: mostly the next morning, sometimes days later
        long nineAm = EPOCH_MS + Math.floorDiv(night - EPOCH_MS, DAY_MS) * DAY_MS + 9 * HOUR_MS;
        if (nineAm < night) {
          nineAm += DAY_MS;
        }
        if (r.nextDouble() >= 0.6) {
          nineAm += (1 + r.nextInt(3)) * DAY_MS;
        }
        long store = Math.max(night + secs(1800, 4 * 3600), nineAm + r.nextLong(3 * HOUR_MS));
        ev(store - secs(600, 3600), "/antifraud/gjfz-center", "owner.phone.reported_stolen").s("channel", "hotline")
            .s("verification", "id_number_and_contacts").s("reporter", "owner").end(OWNER, T_RECOVERY);
        ev(store, telecom, "telecom.sim.replaced").s("channel", "store").s("verification", "in_person_id").s("iccid", "8986" + digits(r, 16)).end(OWNER, T_RECOVERY);
        ev(store + secs(60, 600), telecom, "owner.recovered").s("channel", "store").s("verification", "in_person_id").end(OWNER, T_RECOVERY);
        String previous = unlocked ? imei() : attackerImei;
        newDevice();
        ev(store + secs(700, 1800), telecom, "telecom.device.changed").s("imei", imei()).s("previousImei", previous).end(OWNER, T_RECOVERY);
        long at = store + 1900_000L;
        int logins = 1 + r.nextInt(3);
        for (int i = 0; i < logins; i++) {
          at += secs(300, 3600);
          String[] inst = i == 0 ? WALLETS[0] : pickInstitution();
          login(at, inst[0], accountAt(inst[0]), "face", true, OWNER, T_RECOVERY);
        }
        end = store + 1800_000L;
      }
      busyFrom[index] = Math.min(busyFrom[index], t0);
      busyUntil[index] = Math.max(busyUntil[index], end);
    }

    /** The victim follows a link and gives away a password or a code; the thief logs in from his device and moves money. */
    void smishTakeover(long t0) {
      long t = t0;
      phishText(t, THIEF);
      String attackerDevice = hex(r, 16);
      String attackerModel = MODELS[r.nextInt(MODELS.length)];
      t += r.nextDouble() < 0.8 ? secs(120, 5400) : secs(3 * 3600, 20 * 3600); // sometimes hours later
      int w = r.nextDouble() < 0.7 ? 0 : 1;
      String[] inst = r.nextDouble() < 0.6 ? WALLETS[w] : BANKS[plan.bank];
      String acct = accountAt(inst[0]);
      boolean byCode = r.nextBoolean();
      if (byCode) {
        otp(t, inst[0], inst[1], "login", THIEF, T_ATTACK);
        t += secs(30, 180);
      }
      ev(t, inst[0], "account.login").s("account", acct).s("channel", "app").s("verification", byCode ? "sms_otp" : "password")
          .s("deviceId", attackerDevice).s("deviceModel", attackerModel).b("newDevice", r.nextDouble() < 0.9).end(THIEF, T_ATTACK);
      if (r.nextDouble() < 0.4) {
        t += secs(60, 300);
        otp(t, inst[0], inst[1], "password_reset", THIEF, T_ATTACK);
        t += secs(20, 90);
        ev(t, inst[0], "account.password.reset").s("account", acct).s("channel", "app").s("verification", "sms_otp").end(THIEF, T_ATTACK);
      }
      if (r.nextDouble() < 0.3) {
        t += secs(60, 300);
        ev(t, inst[0], "payment.password.reset").s("account", acct).s("verification", pick("sms_otp", "id_number_and_contacts")).end(THIEF, T_ATTACK);
      }
      if (r.nextDouble() < 0.2) {
        t += secs(60, 300);
        ev(t, inst[0], "account.phone.changed").s("account", acct).s("newPhone", "+86171" + digits(r, 8)).s("verification", "sms_otp").end(THIEF, T_ATTACK);
      }
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        t += secs(60, 300);
        if (r.nextDouble() < 0.3) {
          otp(t, inst[0], inst[1], "payment", THIEF, T_ATTACK);
          t += secs(20, 60);
        }
        pay(t, inst[0], acct, pick("transfer", "transfer", "virtual_card", "gift_card"), r.nextBoolean() ? "4990.00" : (10 + r.nextInt(190)) * 100 + ".00",
            "62" + digits(r, 17), THIEF, T_ATTACK);
      }
    }

    /** The victim types card details and the binding code into a phishing page; the card is bound to the fraudster's account. */
    void smishCardBind(long t0) {
      long t = t0;
      if (r.nextDouble() < 0.9) { // sometimes the lure came by phone call, not by text
        phishText(t, THIEF);
      }
      t += r.nextDouble() < 0.85 ? secs(120, 3600) : secs(3 * 3600, 12 * 3600);
      String[] via = r.nextDouble() < 0.7 ? WALLETS[r.nextInt(2)] : EXTRA_PAY[r.nextInt(EXTRA_PAY.length)];
      String fraudAccount = via[0].substring(9) + "-f" + digits(r, 10);
      String card = anyCard();
      otp(t, via[0], via[1], "card_binding", THIEF, T_ATTACK);
      t += secs(30, 240);
      boolean quick = r.nextDouble() < 0.2;
      Ev bind = ev(t, via[0], "card.bound").s("account", fraudAccount).s("card", card).s("cardType", card.length() == 16 ? "credit" : "debit").b("quickBind", quick);
      if (quick) {
        bind.list("checks", "sms_otp");
      } else {
        bind.list("checks", "cvv", "expiry", "sms_otp");
      }
      bind.end(THIEF, T_ATTACK);
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        t += secs(60, 900);
        if (r.nextDouble() < 0.5) {
          otp(t, via[0], via[1], "payment", THIEF, T_ATTACK);
          t += secs(20, 60);
        }
        pay(t, via[0], fraudAccount, pick("transfer", "virtual_card", "gift_card", "game_card", "merchant"), (5 + r.nextInt(95)) * 100 + ".00",
            "62" + digits(r, 17), THIEF, T_ATTACK);
      }
    }

    // ---------------------------------------------------------------- helpers

    void login(long t, String source, String account, String verification, boolean isNew, int actor, int tag) {
      ev(t, source, "account.login").s("account", account).s("channel", "app").s("verification", verification)
          .s("deviceId", deviceId()).s("deviceModel", model()).b("newDevice", isNew).end(actor, tag);
    }

    void otp(long t, String source, String sender, String purpose, int actor, int tag) {
      ev(t, source, "auth.otp.sent").s("purpose", purpose).s("senderNumber", sender).end(actor, tag);
    }

    void pay(long t, String source, String account, String category, String amount, String counterparty, int actor, int tag) {
      ev(t, source, "payment.initiated").s("account", account).s("amount", amount).s("currency", "CNY")
          .s("card", anyCard()).s("category", category).s("counterparty", counterparty).end(actor, tag);
    }

    String shop() {
      int k = r.nextInt(SHOPS.length);
      return k == 6 ? "jd-self-operated" : SHOPS[k] + r.nextInt(100_000);
    }

    String small() {
      return (3 + r.nextInt(300)) + "." + pad(r.nextInt(100), 2);
    }

    String big() {
      return (200 + r.nextInt(5000)) + ".00";
    }

    String pick(String a, String b) {
      return r.nextBoolean() ? a : b;
    }

    String pick(String... options) {
      return options[r.nextInt(options.length)];
    }

    double pick3(double a, double b, double c) {
      double u = r.nextDouble();
      return u < 0.2 ? a : u < 0.8 ? b : c;
    }

    long secs(int lo, int hi) {
      return (lo + r.nextInt(hi - lo + 1)) * 1000L;
    }

    long p(double pace, int lo, int hi) {
      return Math.max(5_000L, (long) (secs(lo, hi) * pace));
    }

    Ev ev(long t, String source, String type) {
      return e.start(t, source, type, msisdn(), index);
    }

    final Ev e = new Ev();
  }

  // ------------------------------------------------------------------ fast JSON

  /** Writes one event straight into the chunk being written, as UTF-8. */
  final class Ev {
    private long t;
    private int phone;
    private boolean first;

    Ev start(long timeMs, String source, String type, String subject, int phone) {
      this.t = Math.floorDiv(timeMs, 1000) * 1000; // the contract's times are whole seconds
      this.phone = phone;
      lineStart = pos;
      put("{\"specversion\":\"1.0\",\"id\":\"");
      long[] counter = idCounters.get(source);
      if (counter == null) {
        counter = new long[] {ids.nextLong(1_000_000L, 50_000_000L)};
        idCounters.put(source, counter);
      }
      put(source, source.lastIndexOf('/') + 1, source.length());
      put('-');
      putPadded(counter[0]++, 9);
      put("\",\"source\":\"");
      put(source);
      put("\",\"type\":\"");
      put(type);
      put("\",\"time\":\"");
      putTime(timeMs);
      put("\",\"subject\":\"");
      put(subject);
      put("\",\"datacontenttype\":\"application/json\",\"data\":{");
      first = true;
      return this;
    }

    private void key(String k) {
      if (!first) {
        put(',');
      }
      first = false;
      put('"');
      put(k);
      put("\":");
    }

    /** A string value generated here: ASCII, never a quote, a backslash or a control character. */
    Ev s(String k, String v) {
      key(k);
      put('"');
      put(v);
      put('"');
      return this;
    }

    /** Free text: escaped, may hold any character. */
    Ev text(String k, String v) {
      key(k);
      quote(v);
      return this;
    }

    Ev b(String k, boolean v) {
      key(k);
      put(v ? "true" : "false");
      return this;
    }

    Ev list(String k, String... vs) {
      key(k);
      put('[');
      for (int i = 0; i < vs.length; i++) {
        if (i > 0) {
          put(',');
        }
        quote(vs[i]);
      }
      put(']');
      return this;
    }

    void end(int actor, int tag) {
      put("}}");
      add(t, phone, actor, tag);
    }
  }

  private void putTime(long timeMs) {
    long rel = timeMs - EPOCH_MS;
    int day = (int) Math.floorDiv(rel, DAY_MS);
    int sec = (int) (Math.floorMod(rel, DAY_MS) / 1000);
    put(day >= 0 && day < dates.length ? dates[day] : LocalDate.of(2026, 11, 1).plusDays(day).toString());
    put('T');
    putTwo(sec / 3600);
    put(':');
    putTwo(sec / 60 % 60);
    put(':');
    putTwo(sec % 60);
    put("+08:00");
  }

  // ------------------------------------------------------------------ random pieces

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      c[i] = s;
    }
    return c;
  }

  static long hourTime(SplittableRandom r, boolean night) {
    double[] cum = night ? NIGHT_CUM : DAY_CUM;
    double x = r.nextDouble() * cum[23];
    int h = 0;
    while (h < 23 && x >= cum[h]) {
      h++;
    }
    return h * HOUR_MS + r.nextLong(HOUR_MS);
  }

  static int poisson(SplittableRandom r, double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static final String[] TWO = new String[100];

  static {
    for (int i = 0; i < 100; i++) {
      TWO[i] = (i < 10 ? "0" : "") + i;
    }
  }

  static void appendPadded(StringBuilder b, long v, int width) {
    if (width == 2 && v >= 0 && v < 100) {
      b.append(TWO[(int) v]);
      return;
    }
    int digits = v <= 0 ? 1 : (int) Math.log10(v) + 1;
    for (int i = digits; i < width; i++) {
      b.append('0');
    }
    b.append(v);
  }

  static String pad(long v, int width) {
    StringBuilder b = new StringBuilder(width);
    appendPadded(b, v, width);
    return b.toString();
  }

  static String digits(SplittableRandom r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) ('0' + r.nextInt(10));
    }
    return new String(c);
  }

  static String hex(SplittableRandom r, int n) {
    char[] c = new char[n];
    long bits = r.nextLong();
    for (int i = 0; i < n; i++) {
      if (i == 16) {
        bits = r.nextLong();
      }
      c[i] = HEX[(int) (bits >>> ((i % 16) * 4)) & 15];
    }
    return new String(c);
  }

  static String alnum(SplittableRandom r, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = ALNUM[r.nextInt(ALNUM.length)];
    }
    return new String(c);
  }

  /** An 18-character resident identity number with a valid ISO 7064 MOD 11-2 check character. */
  static String idNumber(String region, SplittableRandom r) {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(16_000));
    StringBuilder b = new StringBuilder(18).append(region);
    b.append(birth.getYear());
    appendPadded(b, birth.getMonthValue(), 2);
    appendPadded(b, birth.getDayOfMonth(), 2);
    appendPadded(b, r.nextInt(1000), 3);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (b.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return b.append("10X98765432".charAt(sum % 11)).toString();
  }
}
