package dev.chainbreaker.core;

/** How bad it looks. */
public enum Risk {
  LOW, MEDIUM, HIGH, CRITICAL;

  public Risk max(Risk other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
