package dev.chainbreaker.core.event;

import java.util.List;

/**
 * The {@code data} of an event, flattened: every field the contract names, null (or NaN, false,
 * empty) when absent. Sensitive identifiers are already {@link Protected}: never raw.
 */
public record EventData(
    String channel,
    String verification,
    String actor,
    Protected account,
    String deviceId,
    String deviceModel,
    Boolean newDevice,
    double amount,
    String currency,
    Protected card,
    Protected idNumber,
    Protected disburseTo,
    String category,
    String counterparty,
    String purpose,
    String senderNumber,
    String realNameVerification,
    List<String> fields,
    List<String> checks,
    boolean quickBind,
    String cardType,
    String kind,
    String target,
    String imei,
    String previousImei,
    String iccid,
    String newPhone,
    String to,
    String sender,
    String text,
    String reason,
    String reporter) {

  public boolean hasAmount() {
    return !Double.isNaN(amount);
  }

  /** The card money moves to or from: {@code card}, else {@code disburseTo}. */
  public Protected moneyCard() {
    return card != null ? card : disburseTo;
  }
}
