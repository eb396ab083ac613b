package dev.chainbreaker.server.http;

/**
 * An RFC 9457 problem: thrown by handlers, written as {@code application/problem+json} with the
 * offending {@code field} named, so that a client can fix its request without reading our logs.
 */
public final class Problem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final String TYPE_BASE = "https://chainbreaker.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;
  private final String field;

  public Problem(int status, String slug, String title, String detail, String field) {
    super(detail, null, false, false); // no stack trace: this is an answer, not a failure
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.field = field;
  }

  public static Problem invalid(String field, String detail) {
    return new Problem(400, "invalid-request", "Invalid request", detail, field);
  }

  public static Problem notFound(String field, String detail) {
    return new Problem(404, "not-found", "Not found", detail, field);
  }

  public int status() {
    return status;
  }

  public String type() {
    return TYPE_BASE + slug;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public String field() {
    return field;
  }
}
