package dev.chainbreaker.core.event;

/**
 * A sensitive identifier as the engine keeps it: a keyed hash for matching and a masked form for
 * display. The raw value never leaves the codec.
 */
public record Protected(long hash, String masked) {

  @Override
  public String toString() {
    return masked;
  }
}
