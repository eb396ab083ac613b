package dev.chainbreaker.core.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every event type of the contract ({@code shared/spec/events.md}), with the data fields it requires. */
public enum EventType {
  TELECOM_DEVICE_CHANGED("telecom.device.changed", "imei"),
  TELECOM_SIM_REPLACED("telecom.sim.replaced", "channel", "verification"),
  TELECOM_LOSS_REPORTED("telecom.loss.reported", "channel"),
  TELECOM_LOSS_CANCELLED("telecom.loss.cancelled", "channel", "verification"),
  TELECOM_SERVICE_PASSWORD_RESET("telecom.service_password.reset", "channel", "verification"),
  TELECOM_SERVICE_PASSWORD_CHANGED("telecom.service_password.changed", "channel"),
  TELECOM_CALL_FORWARDING_SET("telecom.call_forwarding.set", "kind"),
  TELECOM_CALL_FORWARDING_CLEARED("telecom.call_forwarding.cleared", "kind"),
  TELECOM_SMS_DISABLED("telecom.sms.disabled"),
  TELECOM_SMS_ENABLED("telecom.sms.enabled"),
  TELECOM_SMS_SENT("telecom.sms.sent"),
  MESSAGE_RECEIVED("message.received", "text"),
  AUTH_OTP_SENT("auth.otp.sent", "purpose"),
  ACCOUNT_LOGIN("account.login", "verification"),
  ACCOUNT_CREATED("account.created", "account"),
  ACCOUNT_PASSWORD_RESET("account.password.reset", "verification"),
  ACCOUNT_PHONE_CHANGED("account.phone.changed", "account"),
  ACCOUNT_DEVICE_UNBOUND("account.device.unbound", "account"),
  IDENTITY_DATA_VIEWED("identity.data.viewed", "fields"),
  CARD_BOUND("card.bound", "card"),
  CARD_UNBOUND("card.unbound", "card"),
  CARD_FROZEN("card.frozen", "card"),
  PAYMENT_PASSWORD_RESET("payment.password.reset", "verification"),
  PAYMENT_INITIATED("payment.initiated", "amount"),
  PAYMENT_DECLINED("payment.declined", "amount"),
  LOAN_APPLIED("loan.applied", "amount"),
  LOAN_DISBURSED("loan.disbursed", "amount"),
  OWNER_PHONE_REPORTED_STOLEN("owner.phone.reported_stolen"),
  OWNER_RECOVERED("owner.recovered");

  private static final Map<String, EventType> BY_WIRE = new HashMap<>();

  static {
    for (EventType t : values()) {
      BY_WIRE.put(t.wire, t);
    }
  }

  private final String wire;
  private final List<String> required;

  EventType(String wire, String... required) {
    this.wire = wire;
    this.required = List.of(required);
  }

  /** The name on the wire, e.g. {@code telecom.device.changed}. */
  public String wire() {
    return wire;
  }

  /** The {@code data} fields this type cannot do without. */
  public List<String> requiredFields() {
    return required;
  }

  /** The type for a wire name, or null when the contract has no such type. */
  public static EventType fromWire(String wire) {
    return BY_WIRE.get(wire);
  }

  /**
   * The institutions the contract lets report this type (events.md, the headings of its type
   * tables): the operator's own facts only from {@code /telecom/...}, a delivered text from an SMS
   * centre or firewall or from the handset; the rest from any institution. A line's state turns on
   * telecom events (a SIM replacement from the store is what ends a takeover), so one that claims
   * to come from a merchant must not move it.
   */
  public boolean reportableBy(SourceKind kind) {
    if (wire.startsWith("telecom.")) {
      return kind == SourceKind.TELECOM;
    }
    if (this == MESSAGE_RECEIVED) {
      return kind == SourceKind.TELECOM || kind == SourceKind.HANDSET;
    }
    return true;
  }

  /** Where {@link #reportableBy} points a sender that is not allowed, for the error message. */
  public String reporters() {
    return wire.startsWith("telecom.") ? "/telecom/..." : this == MESSAGE_RECEIVED ? "/telecom/... or /handset/..." : "any institution";
  }

  /** Types whose data carries money. */
  public boolean movesMoney() {
    return this == PAYMENT_INITIATED || this == LOAN_APPLIED || this == LOAN_DISBURSED;
  }
}
