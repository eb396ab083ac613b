package dev.chainbreaker.core.event;

/** The kind of institution that reports an event: the first segment of {@code source}. */
public enum SourceKind {
  TELECOM, GOV, DEVICE_VENDOR, PAYMENT, BANK, LENDER, MERCHANT, ANTIFRAUD, HANDSET;

  /** The kind named by a wire segment such as {@code device-vendor}, or null. */
  public static SourceKind fromWire(String segment) {
    return switch (segment) {
      case "telecom" -> TELECOM;
      case "gov" -> GOV;
      case "device-vendor" -> DEVICE_VENDOR;
      case "payment" -> PAYMENT;
      case "bank" -> BANK;
      case "lender" -> LENDER;
      case "merchant" -> MERCHANT;
      case "antifraud" -> ANTIFRAUD;
      case "handset" -> HANDSET;
      default -> null;
    };
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
