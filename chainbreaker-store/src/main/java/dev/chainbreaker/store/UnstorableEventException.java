package dev.chainbreaker.store;

/**
 * An event that passed the codec but cannot be written in the stored form (a field value beyond
 * the stored form's 64 KB per-string limit). Raised before anything is decided, so it is a plain
 * rejection of bad input: {@link #index()} is the event's position in the submitted batch.
 */
public final class UnstorableEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int index;

  public UnstorableEventException(int index, String message, Throwable cause) {
    super(message, cause);
    this.index = index;
  }

  public int index() {
    return index;
  }
}
