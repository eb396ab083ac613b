package dev.chainbreaker.store;

import java.util.Locale;

/**
 * What an acknowledged write survives. The default is {@link #PROCESS_CRASH}: an fsync costs about
 * 0.2 ms on our VMs, which would dominate the decision latency; deployments that must survive a
 * power cut choose {@link #POWER_LOSS} and pay with group-commit latency.
 */
public enum Durability {
  /** Written to the WAL (OS page cache) before the acknowledgement; survives kill -9, not a power cut. */
  PROCESS_CRASH,
  /** The WAL is fsynced (one sync for every write waiting at that moment) before the acknowledgement. */
  POWER_LOSS;

  public static Durability parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "process-crash" -> PROCESS_CRASH;
      case "power-loss" -> POWER_LOSS;
      default -> throw new IllegalArgumentException("durability must be process-crash or power-loss, not '" + text + "'");
    };
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
