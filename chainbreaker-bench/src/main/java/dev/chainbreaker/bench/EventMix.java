package dev.chainbreaker.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A deterministic generator of a realistic event mix (contract v1, {@code shared/spec/events.md})
 * for benchmarks: N phones over D simulated days, mostly ordinary traffic, about 0.5% of phones
 * going through a line takeover chain and a few smishing texts.
 *
 * <p>The same (phones, days, seed) always gives the same lines. The events of one phone are in time
 * order; phones are interleaved in global time order. All identifiers (phones, cards, identity
 * numbers, accounts, devices) are synthetic.
 *
 * <pre>java -cp chainbreaker-bench.jar dev.chainbreaker.bench.EventMix --phones 20000 --days 7 --seed 42 --out mix.jsonl</pre>
 */
public final class EventMix {
  /** Share of phones that go through a takeover chain. */
  public static final double TAKEOVER_SHARE = 0.005;
  /** Share of phones that get a smishing text. */
  public static final double SMISHING_SHARE = 0.002;
  /** Mean ordinary sessions per phone per day. */
  public static final double SESSIONS_PER_DAY = 1.6;

  private static final ZoneOffset CST = ZoneOffset.ofHours(8);
  private static final long DAY_MS = 86_400_000L;
  private static final long MIN_MS = 60_000L;
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  /** Day 0 of the simulation: 2026-11-01 00:00 +08:00. */
  public static final long EPOCH_MS = LocalDate.of(2026, 11, 1).atStartOfDay().toInstant(CST).toEpochMilli();

  /** Relative activity per local hour (people sleep at night). */
  private static final double[] HOUR_WEIGHT = {
    0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.8, 2.0, 3.5, 3.5, 3.0, 3.2, 4.0, 3.6, 3.0, 3.0,
    3.0, 3.4, 4.2, 4.6, 4.8, 4.4, 3.2, 1.6};

  private static final String[][] TELECOMS = {
    {"/telecom/sh-mobile", "310104"}, {"/telecom/sc-telecom", "510104"}, {"/telecom/zj-mobile", "330106"},
    {"/telecom/gd-unicom", "440305"}, {"/telecom/bj-mobile", "110105"}, {"/telecom/hb-telecom", "420106"},
    {"/telecom/fj-mobile", "350503"}, {"/telecom/js-unicom", "320102"}};
  private static final String[] GOV = {"/gov/zlb-app", "/gov/sc-hrss-app", "/gov/suishenban", "/gov/ixiamen", "/gov/12333-app"};
  private static final String[][] BANKS = {
    {"/bank/cmb", "95555", "6214"}, {"/bank/icbc", "95588", "6212"}, {"/bank/ccb", "95533", "6217"},
    {"/bank/abc", "95599", "6228"}, {"/bank/boc", "95566", "6216"}, {"/bank/chengdu-bank", "96511", "6229"}};
  private static final String[][] WALLETS = {{"/payment/alipay", "95188"}, {"/payment/wechat-pay", "95017"}};
  private static final String[][] MERCHANTS = {
    {"/merchant/jd", "1069013336"}, {"/merchant/meituan", "1069088895"}, {"/merchant/taobao", "1069095188"},
    {"/merchant/pinduoduo", "1069070721"}, {"/merchant/didi", "1069029966"}};
  private static final String[][] LENDERS = {
    {"/lender/meituan-loan", "1069070069"}, {"/lender/jd-finance", "1069013688"}, {"/lender/weilidai", "95017"}};
  private static final String[][] EXTRA_PAY = {
    {"/payment/suning-pay", "1069095315"}, {"/payment/tenpay", "95017"}, {"/payment/baidu-wallet", "1069088888"},
    {"/payment/unionpay-app", "95516"}};
  private static final String[][] VENDORS = {
    {"/device-vendor/huawei-id", "1069009588"}, {"/device-vendor/xiaomi-account", "1069055512"},
    {"/device-vendor/apple-id", "1069070070"}};
  private static final String[] MODELS = {
    "iPhone 15", "iPhone 13", "HUAWEI Mate 60", "HUAWEI P30", "Xiaomi 14", "Redmi Note 12", "OPPO Reno 10",
    "vivo X100", "Honor 90", "OnePlus 12"};
  private static final String[] SHOPS = {
    "luckin-coffee-%04d", "meituan-waimai-shop-%05d", "hema-fresh-%04d", "state-grid-%04d", "didi-trip-%05d",
    "family-mart-%04d", "jd-self-operated", "taobao-shop-%06d", "metro-ticket-%03d", "noodle-house-%04d"};
  private static final String[] FRIEND_TEXTS = {
    "晚上一起吃饭吗？", "到家了吗", "明天几点的高铁？", "妈，我周末回家", "会议改到下午三点了", "好的，收到",
    "帮我带一杯咖啡", "孩子今天发烧了，我先回去", "周六爬山去不去", "生日快乐！"};
  private static final String[] SMISH = {
    "【社保中心】您好，你的社保账户未上传电子审核，请于%d日前打开 %s 点击在线办理，过时将被注销账户！",
    "【ETC服务】您的ETC卡已失效，请登录 %2$s 重新认证，以免影响正常通行。",
    "【中国移动】尊敬的用户，您的积分即将清零，可兑换现金礼包，请访问 %2$s 领取",
    "【建设银行】您的账户存在异常，需在%d日前升级认证，请访问 %s 办理",
    "【顺丰速运】您的快件因地址不详无法派送，请点击 %2$s 更新地址并支付补运费1.5元"};
  private static final String[] DOMAIN_TLDS = {".cc", ".top", ".vip", ".xyz", ".icu"};

  private final int phones;
  private final int days;
  private final long seed;
  private final Map<String, long[]> idCounters = new HashMap<>();
  private final SplittableRandom ids;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Integer> typeCounts = new TreeMap<>();
  private long seq;
  private int takeovers;
  private int smishings;
  private int deviceChanges;

  private record Row(long timeMs, long seq, String json) {}

  private EventMix(int phones, int days, long seed) {
    this.phones = phones;
    this.days = days;
    this.seed = seed;
    this.ids = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /** The mix as JSON lines in global time order. */
  public static List<String> generate(int phones, int days, long seed) {
    EventMix m = new EventMix(phones, days, seed);
    m.run();
    List<String> out = new ArrayList<>(m.rows.size());
    for (Row r : m.rows) {
      out.add(r.json);
    }
    return out;
  }

  private void run() {
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < phones; i++) {
      new Phone(i, root.split()).simulate();
    }
    rows.sort(Comparator.comparingLong(Row::timeMs).thenComparingLong(Row::seq));
  }

  // ---------------------------------------------------------------- one phone

  private final class Phone {
    final SplittableRandom r;
    final String msisdn;
    final String telecom;
    final String idNumber;
    final String gov;
    final String[] bank;
    final String bankAccount;
    final String alipay;
    final String wechat;
    final String[] merchant;
    final String merchantAccount;
    final String[] vendor;
    final String vendorAccount;
    final List<String> cards = new ArrayList<>();
    String deviceId;
    String model;
    String imei;
    /** Until this time the phone is in someone else's hands; ordinary traffic pauses. */
    long busyUntil = Long.MIN_VALUE;
    long busyFrom = Long.MAX_VALUE;

    Phone(int index, SplittableRandom r) {
      this.r = r;
      long n = Math.floorMod(11_000_000L + index * 48_271L, 100_000_000L);
      this.msisdn = String.format(Locale.ROOT, "+86139%08d", n);
      String[] t = TELECOMS[r.nextInt(TELECOMS.length)];
      this.telecom = t[0];
      this.idNumber = idNumber(t[1], r);
      this.gov = GOV[r.nextInt(GOV.length)];
      this.bank = BANKS[r.nextInt(BANKS.length)];
      this.bankAccount = bank[0].substring(6) + "-u-" + digits(r, 10);
      this.alipay = "2088" + digits(r, 12);
      this.wechat = "wxpay-o" + alnum(r, 13);
      this.merchant = MERCHANTS[r.nextInt(MERCHANTS.length)];
      this.merchantAccount = merchant[0].substring(10) + "_" + hex(r, 10);
      this.vendor = VENDORS[r.nextInt(VENDORS.length)];
      this.vendorAccount = "acct-" + digits(r, 13);
      cards.add(bank[2] + digits(r, 15));
      if (r.nextDouble() < 0.45) {
        cards.add((r.nextBoolean() ? "6225" : "6253") + digits(r, 12));
      }
      newDevice();
    }

    void newDevice() {
      deviceId = hex(r, 16);
      model = MODELS[r.nextInt(MODELS.length)];
      imei = "86" + digits(r, 13);
    }

    void simulate() {
      double u = r.nextDouble();
      long takeoverAt = -1;
      long smishAt = -1;
      if (u < TAKEOVER_SHARE) {
        takeoverAt = EPOCH_MS + r.nextInt(days) * DAY_MS + (r.nextDouble() < 0.7 ? 19 * 3_600_000L + r.nextLong(5 * 3_600_000L) : r.nextLong(DAY_MS));
      } else if (u < TAKEOVER_SHARE + SMISHING_SHARE) {
        smishAt = EPOCH_MS + r.nextInt(days) * DAY_MS + 8 * 3_600_000L + r.nextLong(13 * 3_600_000L);
      }
      for (int day = 0; day < days; day++) {
        long dayStart = EPOCH_MS + day * DAY_MS;
        if (takeoverAt >= dayStart && takeoverAt < dayStart + DAY_MS) {
          takeover(takeoverAt);
          takeovers++;
        }
        if (smishAt >= dayStart && smishAt < dayStart + DAY_MS) {
          smishing(smishAt);
          smishings++;
        }
        if (r.nextDouble() < 0.0015) {
          deviceChange(dayStart + hourTime(r));
          deviceChanges++;
        }
        if (r.nextDouble() < 0.0003) {
          benignLoss(dayStart + hourTime(r));
        }
        int sessions = poisson(r, SESSIONS_PER_DAY);
        for (int s = 0; s < sessions; s++) {
          long t = dayStart + hourTime(r);
          if (t >= busyFrom && t < busyUntil) {
            continue;
          }
          session(t);
        }
      }
    }

    // ------------------------------------------------------------ ordinary traffic

    void session(long t) {
      double k = r.nextDouble() * 100;
      String[] wallet = WALLETS[r.nextInt(2)];
      String walletAccount = wallet == WALLETS[0] ? alipay : wechat;
      if (k < 28) { // app opened on the trusted device, often followed by a payment
        String[] inst = pickInstitution();
        login(t, inst[0], accountAt(inst[0]), r.nextDouble() < 0.85 ? "trusted_device" : "face", false);
        if (r.nextDouble() < 0.6) {
          pay(t + secs(20, 900), inst[0].startsWith("/bank") ? wallet[0] : inst[0], inst[0].startsWith("/bank") ? walletAccount : accountAt(inst[0]), "merchant", small(), shop());
        }
      } else if (k < 56) { // a merchant payment in an already open app
        pay(t, wallet[0], walletAccount, "merchant", small(), shop());
        if (r.nextDouble() < 0.15) {
          pay(t + secs(60, 3600), wallet[0], walletAccount, "merchant", small(), shop());
        }
      } else if (k < 64) { // sms code login
        String[] inst = pickInstitution();
        otp(t, inst[0], inst[1], "login");
        login(t + secs(15, 90), inst[0], accountAt(inst[0]), "sms_otp", false);
      } else if (k < 69) { // password login
        String[] inst = pickInstitution();
        login(t, inst[0], accountAt(inst[0]), "password", false);
      } else if (k < 89) {
        ordinaryMessage(t);
      } else if (k < 93) {
        emit(t, telecom, "telecom.sms.sent", d("to", "+86" + (r.nextBoolean() ? "139" : "138") + digits(r, 8)));
      } else if (k < 94.2) { // a card bound the careful way
        String card = (r.nextBoolean() ? bank[2] : "6225") + digits(r, r.nextBoolean() ? 15 : 12);
        cards.add(card);
        String[] target = r.nextBoolean() ? wallet : merchant;
        otp(t, bank[0], bank[1], "card_binding");
        emit(t + secs(20, 120), target[0], "card.bound", d("account", accountAt(target[0]), "card", card,
            "cardType", card.length() == 16 ? "credit" : "debit", "quickBind", false, "checks", List.of("cvv", "expiry", "sms_otp")));
      } else if (k < 94.6) { // a loan, mostly by day
        String[] lender = LENDERS[r.nextInt(LENDERS.length)];
        String acct = lender[0].substring(8) + "-" + digits(r, 10);
        login(t, lender[0], acct, "trusted_device", false);
        String amount = String.format(Locale.ROOT, "%d.00", (1 + r.nextInt(30)) * 500);
        emit(t + secs(60, 600), lender[0], "loan.applied", d("account", acct, "amount", amount, "currency", "CNY", "disburseTo", cards.get(0)));
        emit(t + secs(700, 3000), lender[0], "loan.disbursed", d("account", acct, "amount", amount, "currency", "CNY", "disburseTo", cards.get(0)));
      } else if (k < 95.0) {
        emit(t, wallet[0], "payment.declined", d("account", walletAccount, "amount", big(), "currency", "CNY",
            "card", cards.get(0), "category", "merchant", "counterparty", shop(), "reason", "insufficient_funds"));
      } else if (k < 95.3) {
        emit(t, wallet[0], "account.password.reset", d("account", walletAccount, "channel", "app", "verification", "face"));
      } else if (k < 95.4) {
        emit(t, telecom, "telecom.service_password.changed", d("channel", r.nextBoolean() ? "app" : "web"));
      } else if (k < 95.6) { // a new account opened properly
        String[] m = MERCHANTS[r.nextInt(MERCHANTS.length)];
        otp(t, m[0], m[1], "account_creation");
        emit(t + secs(30, 120), m[0], "account.created", d("account", m[0].substring(10) + "_" + hex(r, 10), "idNumber", idNumber,
            "realNameVerification", "face", "channel", "app", "deviceId", deviceId, "deviceModel", model));
      } else if (k < 95.8) {
        login(t, gov, accountAt(gov), "face", false);
        emit(t + secs(30, 300), gov, "identity.data.viewed", d("account", accountAt(gov), "fields", List.of("address")));
      } else if (k < 95.9) {
        String kind = r.nextBoolean() ? "busy" : "no_answer";
        emit(t, telecom, "telecom.call_forwarding.set", d("kind", kind, "target", "+86" + "138" + digits(r, 8), "channel", "app", "verification", "password"));
        emit(t + secs(3600, 20_000), telecom, "telecom.call_forwarding.cleared", d("kind", kind, "channel", "app"));
      } else if (k < 96.5) { // a payment otp
        otp(t, wallet[0], wallet[1], "payment");
        pay(t + secs(20, 90), wallet[0], walletAccount, r.nextDouble() < 0.8 ? "merchant" : "transfer", big(), shop());
      } else if (k < 97.5) { // pay out of a bank app
        login(t, bank[0], bankAccount, "trusted_device", false);
        pay(t + secs(30, 300), bank[0], bankAccount, r.nextDouble() < 0.5 ? "transfer" : "top_up", big(),
            r.nextBoolean() ? "62" + digits(r, 17) : msisdn);
      } else { // otp that nobody used
        String[] inst = pickInstitution();
        otp(t, inst[0], inst[1], r.nextBoolean() ? "login" : "payment");
      }
    }

    void ordinaryMessage(long t) {
      double k = r.nextDouble();
      String sender;
      String text;
      if (k < 0.30) {
        sender = r.nextBoolean() ? "1069000" + digits(r, 4) : "95338";
        text = r.nextBoolean()
            ? String.format(Locale.ROOT, "【菜鸟驿站】您的包裹已到%s驿站，请凭取件码 %d-%d-%04d 于今日21:00前取件。", pick("小区东门", "学校北门", "幸福里", "科技园"), 1 + r.nextInt(9), 1 + r.nextInt(6), r.nextInt(10000))
            : String.format(Locale.ROOT, "【顺丰速运】您的快件SF%s已由快递员派送中，请保持电话畅通。", digits(r, 13));
      } else if (k < 0.55) {
        sender = bank[1];
        String last4 = cards.get(0).substring(cards.get(0).length() - 4);
        text = String.format(Locale.ROOT, "【%s】您尾号%s的账户于%d日%02d:%02d快捷支付扣款人民币%s元，余额%s元。",
            pick("招商银行", "工商银行", "建设银行"), last4, 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), small(), big());
      } else if (k < 0.80) {
        sender = "+86" + (r.nextBoolean() ? "139" : "186") + digits(r, 8);
        text = pick(FRIEND_TEXTS);
      } else if (k < 0.90) {
        sender = "10086";
        text = String.format(Locale.ROOT, "【中国移动】尊敬的客户，截至%d日，您本月套餐内流量已使用%d%%，可发送CXLL查询。", 1 + r.nextInt(28), 50 + r.nextInt(45));
      } else if (k < 0.96) {
        String[] inst = pickInstitution();
        sender = inst[1];
        text = String.format(Locale.ROOT, "【%s】验证码%06d，您正在登录，5分钟内有效，请勿告诉他人。", pick("支付宝", "京东", "美团", "招商银行"), r.nextInt(1_000_000));
      } else {
        sender = "1069" + digits(r, 6);
        text = "【" + pick("某某商城", "优选生活", "星河影城") + "】双十二大促，全场5折起，会员再享满200减30，回T退订";
      }
      emit(t, r.nextDouble() < 0.8 ? telecom : "/handset/gjfz-app", "message.received", d("sender", sender, "channel", "sms", "text", text));
    }

    /** A new handset: the SIM moves, then the owner logs in everywhere again, mostly with SMS codes. */
    void deviceChange(long t) {
      String previous = imei;
      newDevice();
      emit(t, telecom, "telecom.device.changed", d("imei", imei, "previousImei", previous));
      long at = t + secs(300, 1800);
      int logins = 3 + r.nextInt(4);
      for (int i = 0; i < logins; i++) {
        String[] inst = i == 0 ? WALLETS[1] : i == 1 ? WALLETS[0] : pickInstitution();
        if (r.nextDouble() < 0.8) {
          otp(at, inst[0], inst[1], "login");
          login(at + secs(15, 90), inst[0], accountAt(inst[0]), "sms_otp", true);
        } else {
          login(at, inst[0], accountAt(inst[0]), r.nextBoolean() ? "password" : "face", true);
        }
        at += secs(120, 5400);
      }
    }

    /** The owner loses the phone and gets the line back in a store the next day. */
    void benignLoss(long t) {
      emit(t, telecom, "telecom.loss.reported", d("channel", "hotline", "verification", "id_number_and_contacts"));
      long at = t + secs(8 * 3600, 20 * 3600);
      emit(at, telecom, "telecom.sim.replaced", d("channel", "store", "verification", "in_person_id", "iccid", "8986" + digits(r, 16)));
      emit(at + secs(60, 300), telecom, "owner.recovered", d("channel", "store", "verification", "in_person_id"));
      String previous = imei;
      newDevice();
      emit(at + secs(600, 1800), telecom, "telecom.device.changed", d("imei", imei, "previousImei", previous));
      emit(at + secs(1900, 2400), WALLETS[0][0], "account.password.reset", d("account", alipay, "channel", "app", "verification", "face"));
      login(at + secs(2500, 2700), WALLETS[0][0], alipay, "password", true);
      busyFrom = Math.min(busyFrom, t);
      busyUntil = Math.max(busyUntil, at);
    }

    // ------------------------------------------------------------ attacks

    /** A phone-line takeover chain modelled on the mechanism: control of the SMS channel, resets, fights, new accounts, cash out. */
    void takeover(long t0) {
      long t = t0;
      String attackerDevice = hex(r, 16);
      String attackerModel = MODELS[r.nextInt(MODELS.length)];
      String attackerPhone = "+86170" + digits(r, 8);
      String muleCard = "6228" + digits(r, 15);
      boolean stolen = r.nextDouble() < 0.6;
      if (stolen) { // the handset is stolen with the SIM; the thief moves the SIM into another phone
        String attackerImei = "86" + digits(r, 13);
        emit(t, telecom, "telecom.device.changed", d("imei", attackerImei, "previousImei", imei));
        if (r.nextBoolean()) {
          t += secs(30, 120);
          emit(t, telecom, "telecom.sms.sent", d("to", attackerPhone));
        }
      } else { // remote SIM replacement with weak verification
        emit(t, telecom, "telecom.sim.replaced", d("channel", pick("hotline", "app", "web"),
            "verification", pick("service_password", "sms_otp", "id_number_and_contacts"), "iccid", "8986" + digits(r, 16)));
        t += secs(300, 1500);
        emit(t, telecom, "telecom.device.changed", d("imei", "86" + digits(r, 13), "previousImei", imei));
      }
      if (r.nextDouble() < 0.8) { // government app: SMS login, reset, look at the ID data
        t += secs(120, 400);
        otp(t, gov, "12333", "login");
        t += secs(20, 60);
        emit(t, gov, "account.login", d("account", accountAt(gov), "channel", "app", "verification", "sms_otp",
            "deviceId", attackerDevice, "deviceModel", attackerModel, "newDevice", true));
        t += secs(30, 120);
        otp(t, gov, "12333", "password_reset");
        t += secs(20, 60);
        emit(t, gov, "account.password.reset", d("account", accountAt(gov), "channel", "app", "verification", "sms_otp"));
        t += secs(60, 180);
        emit(t, gov, "identity.data.viewed", d("account", accountAt(gov), "fields", List.of("id_number", "id_photo", "bank_card")));
      }
      if (r.nextDouble() < 0.7) {
        t += secs(120, 600);
        emit(t, telecom, "telecom.service_password.reset", d("channel", "hotline", "verification", "sms_otp"));
      }
      if (r.nextDouble() < 0.5) { // stop the owner from locating or wiping the handset
        t += secs(120, 600);
        otp(t, vendor[0], vendor[1], "password_reset");
        t += secs(20, 60);
        emit(t, vendor[0], "account.password.reset", d("account", vendorAccount, "channel", "app", "verification", "sms_otp"));
        t += secs(120, 900);
        emit(t, vendor[0], "account.device.unbound", d("account", vendorAccount, "deviceId", deviceId));
      }
      int fights = r.nextDouble() < 0.7 ? 1 + r.nextInt(5) : 0;
      long fightT = t + secs(60, 600);
      for (int i = 0; i < fights; i++) { // the owner reports the loss from another phone, the attacker undoes it
        emit(fightT, telecom, "telecom.loss.reported", d("channel", "hotline", "verification", "id_number_and_contacts"));
        if (i == 0 && r.nextBoolean()) {
          emit(fightT + secs(120, 400), bank[0], "card.frozen", d("card", cards.get(0), "channel", "hotline"));
        }
        fightT += secs(300, 1500);
        emit(fightT, telecom, "telecom.loss.cancelled", d("channel", r.nextBoolean() ? "hotline" : "ivr", "verification", "service_password"));
        fightT += secs(300, 2400);
      }
      // new accounts in the owner's name, cards bound from bank-side lists
      int accounts = 1 + r.nextInt(3);
      List<String[]> opened = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        String[] inst = i == 0 ? WALLETS[0] : EXTRA_PAY[r.nextInt(EXTRA_PAY.length)];
        String acct = i == 0 ? "2088" + digits(r, 12) : inst[0].substring(9) + "-" + digits(r, 10);
        t += secs(120, 900);
        emit(t, inst[0], "account.created", d("account", acct, "idNumber", idNumber,
            "realNameVerification", pick("same_device_subaccount", "sms_otp", "bank_card"), "channel", "app",
            "deviceId", attackerDevice, "deviceModel", attackerModel));
        for (String card : cards) {
          if (r.nextDouble() < 0.8) {
            t += secs(60, 300);
            emit(t, inst[0], "card.bound", d("account", acct, "card", card, "cardType", card.length() == 16 ? "credit" : "debit",
                "quickBind", true, "checks", List.of("sms_otp")));
          }
        }
        opened.add(new String[] {inst[0], acct});
      }
      // night loans and cash out
      long night = Math.max(t, fightT) + secs(300, 1800);
      long twoAm = EPOCH_MS + Math.floorDiv(night - EPOCH_MS, DAY_MS) * DAY_MS + 2 * 3_600_000L;
      if (twoAm < night) {
        twoAm += DAY_MS;
      }
      if (twoAm - night < 8 * 3_600_000L && r.nextBoolean()) { // wait until the owner sleeps
        night = twoAm + r.nextLong(2 * 3_600_000L);
      }
      int loans = r.nextDouble() < 0.7 ? 1 + r.nextInt(2) : 0;
      for (int i = 0; i < loans; i++) {
        String[] lender = LENDERS[r.nextInt(LENDERS.length)];
        String acct = lender[0].substring(8) + "-" + digits(r, 10);
        String amount = String.format(Locale.ROOT, "%d.00", (2 + r.nextInt(19)) * 500);
        otp(night, lender[0], lender[1], "loan");
        night += secs(60, 300);
        emit(night, lender[0], "loan.applied", d("account", acct, "amount", amount, "currency", "CNY", "disburseTo", cards.get(0)));
        night += secs(60, 300);
        emit(night, lender[0], "loan.disbursed", d("account", acct, "amount", amount, "currency", "CNY", "disburseTo", cards.get(0)));
        night += secs(120, 600);
      }
      int outs = 2 + r.nextInt(5);
      for (int i = 0; i < outs; i++) {
        String[] where = opened.get(r.nextInt(opened.size()));
        String category = pick("virtual_card", "top_up", "gift_card", "game_card", "cash_out", "transfer");
        String counterparty = category.equals("top_up") ? attackerPhone : category.equals("transfer") || category.equals("cash_out") ? muleCard : where[0].substring(9) + "-" + category.replace('_', '-');
        night += secs(120, 900);
        String amount = String.format(Locale.ROOT, "%d.00", (1 + r.nextInt(50)) * 100);
        String type = r.nextDouble() < 0.15 ? "payment.declined" : "payment.initiated";
        Map<String, Object> data = d("account", where[1], "amount", amount, "currency", "CNY", "card", cards.get(r.nextInt(cards.size())),
            "category", category, "counterparty", counterparty);
        if (type.equals("payment.declined")) {
          data.put("reason", "risk_control");
        }
        emit(night, where[0], type, data);
      }
      if (r.nextDouble() < 0.3) {
        night += secs(120, 900);
        emit(night, telecom, "telecom.sms.disabled", d("channel", "web", "verification", "password"));
      }
      long end = night;
      if (r.nextDouble() < 0.6) { // the owner gets the line back in a store
        long nineAm = EPOCH_MS + Math.floorDiv(night - EPOCH_MS, DAY_MS) * DAY_MS + 9 * 3_600_000L;
        if (nineAm < night) {
          nineAm += DAY_MS;
        }
        long store = Math.max(night + secs(1800, 4 * 3600), nineAm + r.nextLong(3 * 3_600_000L));
        emit(store - secs(600, 3600), "/antifraud/gjfz-center", "owner.phone.reported_stolen",
            d("channel", "hotline", "verification", "id_number_and_contacts", "reporter", "owner"));
        emit(store, telecom, "telecom.sim.replaced", d("channel", "store", "verification", "in_person_id", "iccid", "8986" + digits(r, 16)));
        emit(store + secs(60, 600), telecom, "owner.recovered", d("channel", "store", "verification", "in_person_id"));
        String previous = imei;
        newDevice();
        emit(store + secs(700, 1800), telecom, "telecom.device.changed", d("imei", imei, "previousImei", previous));
        end = store + 1800_000L;
      }
      busyFrom = Math.min(busyFrom, t0);
      busyUntil = Math.max(busyUntil, end);
    }

    /** A smishing text; some recipients follow the link and lose money. */
    void smishing(long t) {
      String domain = (char) ('a' + r.nextInt(26)) + "." + alnum(r, 5).toLowerCase(Locale.ROOT) + DOMAIN_TLDS[r.nextInt(DOMAIN_TLDS.length)];
      String text = String.format(Locale.ROOT, SMISH[r.nextInt(SMISH.length)], 1 + r.nextInt(28), domain);
      emit(t, r.nextBoolean() ? telecom : "/handset/gjfz-app", "message.received",
          d("sender", r.nextBoolean() ? "+86171" + digits(r, 8) : "1069" + digits(r, 6), "channel", "sms", "text", text));
      if (r.nextDouble() < 0.4) {
        long at = t + secs(300, 1500);
        String fraudDevice = hex(r, 16);
        emit(at, WALLETS[0][0], "account.login", d("account", alipay, "channel", "app", "verification", "password",
            "deviceId", fraudDevice, "deviceModel", MODELS[r.nextInt(MODELS.length)], "newDevice", true));
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
          at += secs(60, 180);
          pay(at, WALLETS[0][0], alipay, "transfer", "4990.00", "2088" + digits(r, 12));
        }
      }
    }

    // ------------------------------------------------------------ helpers

    String[] pickInstitution() {
      double k = r.nextDouble();
      if (k < 0.5) {
        return WALLETS[r.nextInt(2)];
      } else if (k < 0.75) {
        return bank;
      } else if (k < 0.95) {
        return merchant;
      }
      return new String[] {gov, "12333"};
    }

    String accountAt(String source) {
      if (source.equals(WALLETS[0][0])) {
        return alipay;
      } else if (source.equals(WALLETS[1][0])) {
        return wechat;
      } else if (source.equals(bank[0])) {
        return bankAccount;
      } else if (source.equals(merchant[0])) {
        return merchantAccount;
      } else if (source.equals(gov)) {
        return gov.substring(5) + "-" + idNumber.substring(0, 6) + idNumber.substring(14);
      }
      return source.substring(source.lastIndexOf('/') + 1) + "-" + msisdn.substring(6);
    }

    void login(long t, String source, String account, String verification, boolean isNew) {
      emit(t, source, "account.login", d("account", account, "channel", "app", "verification", verification,
          "deviceId", deviceId, "deviceModel", model, "newDevice", isNew));
    }

    void otp(long t, String source, String sender, String purpose) {
      emit(t, source, "auth.otp.sent", d("purpose", purpose, "senderNumber", sender));
    }

    void pay(long t, String source, String account, String category, String amount, String counterparty) {
      emit(t, source, "payment.initiated", d("account", account, "amount", amount, "currency", "CNY",
          "card", cards.get(r.nextInt(cards.size())), "category", category, "counterparty", counterparty));
    }

    String shop() {
      return String.format(Locale.ROOT, SHOPS[r.nextInt(SHOPS.length)], r.nextInt(100_000));
    }

    String small() {
      return String.format(Locale.ROOT, "%d.%02d", 3 + r.nextInt(300), r.nextInt(100));
    }

    String big() {
      return String.format(Locale.ROOT, "%d.00", 200 + r.nextInt(5000));
    }

    String pick(String... options) {
      return options[r.nextInt(options.length)];
    }

    long secs(int lo, int hi) {
      return (lo + r.nextInt(hi - lo + 1)) * 1000L;
    }

    void emit(long t, String source, String type, Map<String, Object> data) {
      EventMix.this.emit(t, source, type, msisdn, data);
    }
  }

  // ---------------------------------------------------------------- output

  private void emit(long timeMs, String source, String type, String subject, Map<String, Object> data) {
    String name = source.substring(source.lastIndexOf('/') + 1);
    long[] counter = idCounters.computeIfAbsent(source, s -> new long[] {ids.nextLong(1_000_000L, 50_000_000L)});
    String id = name + "-" + String.format(Locale.ROOT, "%09d", counter[0]++);
    StringBuilder sb = new StringBuilder(320);
    sb.append("{\"specversion\":\"1.0\",\"id\":");
    str(sb, id).append(",\"source\":");
    str(sb, source).append(",\"type\":");
    str(sb, type).append(",\"time\":");
    str(sb, RFC3339.format(Instant.ofEpochMilli(timeMs).atOffset(CST))).append(",\"subject\":");
    str(sb, subject).append(",\"datacontenttype\":\"application/json\",\"data\":{");
    boolean first = true;
    for (Map.Entry<String, Object> e : data.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      str(sb, e.getKey()).append(':');
      value(sb, e.getValue());
    }
    sb.append("}}");
    rows.add(new Row(timeMs, seq++, sb.toString()));
    typeCounts.merge(type, 1, Integer::sum);
  }

  private static void value(StringBuilder sb, Object v) {
    if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        str(sb, String.valueOf(list.get(i)));
      }
      sb.append(']');
    } else {
      str(sb, String.valueOf(v));
    }
  }

  private static StringBuilder str(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"');
  }

  private static Map<String, Object> d(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------- random pieces

  private static long hourTime(SplittableRandom r) {
    double total = 0;
    for (double w : HOUR_WEIGHT) {
      total += w;
    }
    double x = r.nextDouble() * total;
    int h = 0;
    while (h < 23 && x >= HOUR_WEIGHT[h]) {
      x -= HOUR_WEIGHT[h];
      h++;
    }
    return h * 3_600_000L + r.nextLong(3_600_000L);
  }

  private static int poisson(SplittableRandom r, double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
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
    for (int i = 0; i < n; i++) {
      c[i] = "0123456789abcdef".charAt(r.nextInt(16));
    }
    return new String(c);
  }

  static String alnum(SplittableRandom r, int n) {
    String abc = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = abc.charAt(r.nextInt(abc.length()));
    }
    return new String(c);
  }

  /** An 18-character resident identity number with a valid ISO 7064 MOD 11-2 check character. */
  static String idNumber(String region, SplittableRandom r) {
    LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(16_000));
    String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format(Locale.ROOT, "%03d", r.nextInt(1000));
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * w[i];
    }
    return body + "10X98765432".charAt(sum % 11);
  }

  // ---------------------------------------------------------------- CLI

  public static void main(String[] args) throws IOException {
    int phones = 20_000;
    int days = 7;
    long seed = 42;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--phones" -> phones = Integer.parseInt(args[++i]);
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: EventMix --phones N --days D --seed S --out FILE.jsonl");
          System.exit(2);
        }
      }
    }
    if (out == null || phones <= 0 || days <= 0) {
      System.err.println("usage: EventMix --phones N --days D --seed S --out FILE.jsonl");
      System.exit(2);
    }
    EventMix m = new EventMix(phones, days, seed);
    m.run();
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (Row row : m.rows) {
        w.write(row.json);
        w.write('\n');
      }
    }
    System.err.printf(Locale.ROOT, "%d events, %d phones, %d days, seed %d: %d takeover chains, %d smishing texts, %d device changes%n",
        m.rows.size(), phones, days, seed, m.takeovers, m.smishings, m.deviceChanges);
    m.typeCounts.forEach((k, v) -> System.err.printf(Locale.ROOT, "  %-34s %8d  %5.2f%%%n", k, v, 100.0 * v / m.rows.size()));
  }
}
