package dev.chainbreaker.core.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashing (HMAC-SHA256 with the deployment secret) and masking of ID numbers, card numbers
 * and accounts. The same value hashes the same way within a deployment, so cards and identities can
 * be matched across institutions without ever being stored.
 */
public final class Sensitive {
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  public Sensitive(byte[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the identifier hashing secret must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A throw-away secret, for replay and tests where hashes need not survive the process. */
  public static Sensitive ephemeral() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new Sensitive(secret);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The first 64 bits of HMAC(kind | value): enough to match within one deployment. */
  public long hash(String kind, String value) {
    Mac mac = macs.get();
    mac.update(kind.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] out = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (out[i] & 0xff);
    }
    return h;
  }

  public Protected idNumber(String raw) {
    String v = raw.strip().toUpperCase(java.util.Locale.ROOT);
    return new Protected(hash("id", v), maskMiddle(v, 4, 4, ""));
  }

  public Protected card(String raw) {
    String v = raw.replace(" ", "").replace("-", "");
    return new Protected(hash("card", v), maskCard(v));
  }

  /** Accounts are only unique within their institution, so the source is part of the hash. */
  public Protected account(String source, String raw) {
    return new Protected(hash("account", source + "|" + raw), maskMiddle(raw, 2, 4, ""));
  }

  static String maskMiddle(String v, int head, int tail, String sep) {
    if (v.length() <= head + tail) {
      return "*".repeat(v.length());
    }
    return v.substring(0, head) + sep + "*".repeat(v.length() - head - tail) + sep + v.substring(v.length() - tail);
  }

  /** {@code 6222 **** **** 1234}: first and last four digits, the rest starred in groups of four. */
  static String maskCard(String v) {
    if (v.length() <= 8) {
      return "*".repeat(v.length());
    }
    int hidden = v.length() - 8;
    StringBuilder sb = new StringBuilder(v.substring(0, 4));
    for (int i = 0; i < hidden; i += 4) {
      sb.append(' ').append("*".repeat(Math.min(4, hidden - i)));
    }
    return sb.append(' ').append(v.substring(v.length() - 4)).toString();
  }
}
