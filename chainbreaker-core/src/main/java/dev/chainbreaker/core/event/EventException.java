package dev.chainbreaker.core.event;

/** An event that breaks the contract; {@link #field()} names the offending field (JSON pointer style). */
public final class EventException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public EventException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field prefix. */
  public String detail() {
    String m = getMessage();
    return m.substring(field.length() + 2);
  }
}
