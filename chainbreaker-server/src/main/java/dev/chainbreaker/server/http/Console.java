package dev.chainbreaker.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyst console: static HTML, CSS and ES modules from the classpath
 * ({@code dev/chainbreaker/server/console/}), {@code index.html} at {@code /} and the rest under
 * {@code /console/}. The files hold no data (every figure comes from the authenticated API), so
 * they are served without a key; a strict Content-Security-Policy forbids inline scripts and any
 * origin but ours.
 */
final class Console {
  static final String ROOT = "/dev/chainbreaker/server/console/";
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      + "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "json", "application/json",
      "ico", "image/x-icon",
      "png", "image/png");
  /** Files are small and never change while the server runs: read each once. */
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  void index(Context ctx) {
    send(ctx, "index.html");
  }

  void asset(Context ctx) {
    String path = ctx.pathParam("path");
    // only plain relative names: no traversal, no hidden files, no odd characters
    if (!path.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z]+") || !TYPES.containsKey(extension(path))) {
      throw Problem.notFound("path", "no console file " + path);
    }
    send(ctx, path);
  }

  private void send(Context ctx, String name) {
    byte[] body = cache.computeIfAbsent(name, Console::read);
    if (body.length == 0 && !name.isEmpty()) {
      cache.remove(name);
      throw Problem.notFound("path", "no console file " + name);
    }
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-cache");
    ctx.status(200).contentType(TYPES.get(extension(name))).result(body);
  }

  private static String extension(String name) {
    return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  private static byte[] read(String name) {
    try (InputStream in = Console.class.getResourceAsStream(ROOT + name)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
