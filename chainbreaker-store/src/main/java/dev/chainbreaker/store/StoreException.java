package dev.chainbreaker.store;

/** The store could not read or write: an I/O problem, not bad input. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
