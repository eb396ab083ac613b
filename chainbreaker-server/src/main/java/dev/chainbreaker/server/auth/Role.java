package dev.chainbreaker.server.auth;

import java.util.Locale;

/**
 * What a key may do. {@code ingest} is for institutions (post events, screen messages),
 * {@code analyst} reads (subjects, decisions, rules, dry runs), {@code admin} can do everything,
 * including changing rules and keys.
 */
public enum Role {
  INGEST, ANALYST, ADMIN;

  public static Role parse(String s) {
    return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
      case "ingest" -> INGEST;
      case "analyst" -> ANALYST;
      case "admin" -> ADMIN;
      default -> null;
    };
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
