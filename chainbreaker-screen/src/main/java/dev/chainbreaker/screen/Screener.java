package dev.chainbreaker.screen;

import java.util.List;

/**
 * Entry point of message screening. Thread-safe; build one and share it.
 *
 * <p>Placeholder until the screening issue lands: it judges nothing and always answers NORMAL.
 */
public final class Screener {

  private Screener() {}

  /** The screener with the bundled brand registry, suffix list and model. */
  public static Screener standard() {
    return new Screener();
  }

  /** Judges {@code text} as sent by {@code sender} (may be null when unknown). */
  public Verdict screen(String text, String sender) {
    return new Verdict(Verdict.Label.NORMAL, 0.0, "normal", List.of(), List.of(), List.of());
  }
}
