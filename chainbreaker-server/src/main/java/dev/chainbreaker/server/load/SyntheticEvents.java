package dev.chainbreaker.server.load;

import java.util.Random;

/**
 * Valid contract events for the load generator and tests, from a seeded generator: a spread of phones and the
 * common event types, with sensitive identifiers so that hashing and masking are exercised.
 */
public final class SyntheticEvents {
  private final Random random;
  private final String prefix;
  private final int phones;
  private long n;

  public SyntheticEvents(long seed, String prefix, int phones) {
    this.random = new Random(seed);
    this.prefix = prefix;
    this.phones = phones;
  }

  public String next() {
    long i = n++;
    // Padded by hand: String.format parses its pattern on every call, and this runs for every event sent.
    String phone = "+86137" + padded(random.nextInt(phones), 8);
    int kind = random.nextInt(8);
    int day = 1 + random.nextInt(28);
    int hour = random.nextInt(24);
    int minute = random.nextInt(60);
    int second = random.nextInt(60);
    String time = "2026-03-" + padded(day, 2) + "T" + padded(hour, 2) + ":" + padded(minute, 2) + ":" + padded(second, 2) + "+08:00";
    return switch (kind) {
      case 0 -> ev(i, "/telecom/t1", "telecom.device.changed", time, phone, "{\"imei\":\"8640000000" + (10000 + random.nextInt(90000)) + "\"}");
      case 1 -> ev(i, "/telecom/t1", "telecom.sim.replaced", time, phone, "{\"channel\":\"hotline\",\"verification\":\"service_password\"}");
      case 2 -> ev(i, "/gov/hrss", "account.login", time, phone,
          "{\"account\":\"acc-" + random.nextInt(1000) + "\",\"verification\":\"sms_otp\",\"deviceId\":\"d" + random.nextInt(50) + "\",\"newDevice\":" + random.nextBoolean() + "}");
      case 3 -> ev(i, "/payment/pay", "card.bound", time, phone,
          "{\"account\":\"p-" + random.nextInt(1000) + "\",\"card\":\"6222020000" + (100000 + random.nextInt(900000)) + "\",\"cardType\":\"debit\",\"quickBind\":true,\"checks\":[\"sms_otp\"]}");
      case 4 -> ev(i, "/payment/pay", "payment.initiated", time, phone,
          "{\"account\":\"p-" + random.nextInt(1000) + "\",\"amount\":\"" + (1 + random.nextInt(9000)) + ".00\",\"currency\":\"CNY\",\"category\":\"transfer\"}");
      case 5 -> ev(i, "/lender/loan", "loan.applied", time, phone,
          "{\"account\":\"l-" + random.nextInt(1000) + "\",\"amount\":\"5000.00\",\"currency\":\"CNY\",\"disburseTo\":\"6222020000" + (100000 + random.nextInt(900000)) + "\"}");
      case 6 -> ev(i, "/telecom/t1", "telecom.call_forwarding.set", time, phone, "{\"kind\":\"unconditional\",\"target\":\"+8613900000099\"}");
      default -> ev(i, "/gov/hrss", "auth.otp.sent", time, phone, "{\"purpose\":\"login\",\"senderNumber\":\"12333\"}");
    };
  }

  /** {@code n} (not negative) in decimal, zero-padded to at least {@code width} digits. */
  static String padded(int n, int width) {
    String digits = Integer.toString(n);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  private String ev(long i, String source, String type, String time, String phone, String data) {
    return "{\"specversion\":\"1.0\",\"id\":\"" + prefix + "-" + i + "\",\"source\":\"" + source + "\",\"type\":\"" + type
        + "\",\"time\":\"" + time + "\",\"subject\":\"" + phone + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
  }

  public static String batch(java.util.List<String> events) {
    return "[" + String.join(",", events) + "]";
  }
}
