package dev.chainbreaker.server.http;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's Jetty error handler: errors Jetty answers itself, before a route runs (a path that
 * cannot be decoded, a {@code ..} above the root, headers over the limit, a request line that does not
 * parse), get the same RFC 9457 {@code application/problem+json} as the API's own problems, with their
 * status kept, instead of Jetty's HTML page. Never a stack trace; never the request's URI or headers:
 * the detail is ours, with at most a short reason from Jetty reduced to letters, digits and spaces.
 */
final class JettyProblems extends ErrorHandler {
  static final int MAX_REASON = 60;

  JettyProblems() {
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int code = response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    String reason = message instanceof String m ? m : null;
    Throwable cause = request.getAttribute(ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    if (cause instanceof HttpException e) {
      code = e.getCode();
      if (reason == null) {
        reason = e.getReason();
      }
    }
    if (code < 400 || code > 599) {
      code = 500;
    }
    response.setStatus(code);
    response.getHeaders().put(ERROR_CACHE_CONTROL);
    if (HttpStatus.hasNoBody(code)) {
      callback.succeeded();
      return true;
    }
    byte[] body = Api.problemBody(problem(code, reason, aboutTheUri(cause)), null);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Api.PROBLEM_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /**
   * The problem for a status Jetty chose, naming the part of the request at fault where the status
   * says it, or where a 400 came from parsing the request's URI ({@code uriAtFault}).
   */
  static Problem problem(int code, String jettyReason, boolean uriAtFault) {
    String reason = safe(jettyReason);
    return switch (code) {
      case 400 -> uriAtFault || mentionsUri(jettyReason)
          ? Problem.invalid("path", "the request path is not valid: a malformed percent-encoding, or a dot-segment climbing above the root")
          : Problem.invalid(null, "the request could not be parsed" + (reason.isEmpty() ? "" : " (" + reason + ")"));
      case 404 -> Problem.notFound(null, "no such resource");
      case 405 -> new Problem(405, "method-not-allowed", "Method not allowed", "the method is not allowed here", null);
      case 408 -> new Problem(408, "request-timeout", "Request timeout", "the request was not received in time", null);
      case 413 -> new Problem(413, "content-too-large", "Content too large", "the request body is too large", "body");
      case 414 -> new Problem(414, "uri-too-long", "URI too long", "the request URI exceeds the server's limit", "path");
      case 431 -> new Problem(431, "request-header-fields-too-large", "Request header fields too large",
          "the request headers exceed the server's limit", "headers");
      case 505 -> new Problem(505, "http-version-not-supported", "HTTP version not supported", "use HTTP/1.1", null);
      default -> code >= 500
          ? new Problem(code, "internal-error", "Internal error", "the request could not be completed", null)
          : new Problem(code, slug(code), HttpStatus.getMessage(code), "the request was refused" + (reason.isEmpty() ? "" : " (" + reason + ")"), null);
    };
  }

  /**
   * A reason about the URI: Jetty's "Bad URI", its URI compliance violations ("Ambiguous URI path
   * encoding", "Bad UTF8 encoding", "Suspicious Path Character") and the like.
   */
  private static boolean mentionsUri(String reason) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    return r.contains("uri") || r.contains("path") || r.contains("encoding") || r.contains("utf");
  }

  /**
   * Whether the error came from parsing the request's URI: Jetty's HTTP/1 parser answers a path it
   * cannot decode ({@code %ZZ}) or canonicalise ({@code /a/../../b}) with a bare "400: Bad Request"
   * whose cause was thrown while {@link HttpURI} parsed it ("Bad URI", "!hex Z", "Bad UTF8 encoding").
   */
  static boolean aboutTheUri(Throwable cause) {
    for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
      if (!(cause instanceof HttpException) && mentionsUri(cause.getMessage())) {
        return true;
      }
      StackTraceElement[] frames = cause.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 32); i++) {
        if (frames[i].getClassName().startsWith(HttpURI.class.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Jetty's reason cut to its first clause, letters, digits and spaces only, at most {@value #MAX_REASON} characters. */
  static String safe(String reason) {
    if (reason == null) {
      return "";
    }
    int colon = reason.indexOf(':');
    String head = colon < 0 ? reason : reason.substring(0, colon);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < head.length() && b.length() < MAX_REASON; i++) {
      char c = head.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ') {
        b.append(c);
      }
    }
    return b.toString().strip().replaceAll(" +", " ");
  }

  private static String slug(int code) {
    String m = HttpStatus.getMessage(code);
    return m == null ? "error" : m.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
