package dev.chainbreaker.server.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Reading request bodies safely: content type first, then at most the size limit, then strict UTF-8. */
final class Requests {
  private Requests() {}

  /** The media type without parameters, lower case; empty when absent. */
  static String mediaType(Context ctx) {
    String ct = ctx.header("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  static String requireType(Context ctx, Set<String> allowed) {
    String type = mediaType(ctx);
    if (!allowed.contains(type)) {
      throw new Problem(415, "unsupported-media-type", "Unsupported media type",
          (type.isEmpty() ? "no Content-Type" : "Content-Type " + type) + "; expected one of " + new java.util.TreeSet<>(allowed), "Content-Type");
    }
    return type;
  }

  /**
   * Bodies up to this many bytes over the limit are read and discarded before the 413 is sent: a
   * client still writing its body would otherwise see a reset connection instead of the answer.
   * Beyond it the connection is closed on the sender.
   */
  static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  /** The body as text, at most {@code max} bytes (413 beyond), valid UTF-8 (400 otherwise). */
  static String body(Context ctx, long max) {
    byte[] bytes = bytes(ctx, max);
    if (ascii(bytes)) {
      // Most bodies are ASCII (identifiers, times, amounts): one copy, no decoder and its buffers.
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return strictUtf8(bytes).toString();
  }

  /**
   * The body's bytes, at most {@code max} (413 beyond), checked to be valid UTF-8 without a NUL byte
   * (400 otherwise), for a JSON parser that reads bytes. JSON never holds a raw NUL, and without one
   * a parser's encoding detection (UTF-16 and UTF-32 start with zero bytes) can only find UTF-8.
   */
  static byte[] utf8Body(Context ctx, long max) {
    byte[] bytes = bytes(ctx, max);
    boolean ascii = true;
    for (byte b : bytes) {
      if (b == 0) {
        throw Problem.invalid("body", "malformed JSON: a NUL byte (JSON allows control characters only as escapes)");
      }
      ascii &= b > 0;
    }
    if (!ascii) {
      strictUtf8(bytes);
    }
    return bytes;
  }

  private static CharBuffer strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw Problem.invalid("body", "the request body is not valid UTF-8");
    }
  }

  /** The body's bytes, at most {@code max} (413 beyond), not empty. */
  private static byte[] bytes(Context ctx, long max) {
    String length = ctx.header("Content-Length");
    long announced = -1;
    if (length != null) {
      try {
        announced = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw Problem.invalid("Content-Length", "not a number");
      }
      if (announced < 0) {
        throw Problem.invalid("Content-Length", "negative");
      }
      if (announced > max) {
        if (announced <= DRAIN_LIMIT) {
          drain(ctx);
        }
        throw tooLarge(max);
      }
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      if (announced >= 0) {
        // The usual case: one array of the announced size, no intermediate copies.
        bytes = in.readNBytes((int) announced);
        if (bytes.length < announced) {
          throw Problem.invalid("body", "the request body is shorter than its Content-Length");
        }
      } else {
        bytes = readChunked(ctx, in, max);
      }
    } catch (IOException e) {
      throw Problem.invalid("body", "the request body could not be read");
    }
    if (bytes.length == 0) {
      throw Problem.invalid("body", "the request body is empty");
    }
    return bytes;
  }

  /** A body without Content-Length, read up to {@code max} bytes. */
  private static byte[] readChunked(Context ctx, InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        drain(ctx); // read on (bounded) to answer cleanly
        throw tooLarge(max);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Before an error answer: reads what is left of a body of bounded size, so that a client still
   * sending it gets the answer instead of a reset (a 415 or 401 is decided before the body is read).
   */
  static void drainUnread(Context ctx) {
    String length = ctx.header("Content-Length");
    try {
      if (length != null && Long.parseLong(length.strip()) > DRAIN_LIMIT) {
        return;
      }
    } catch (NumberFormatException e) {
      return;
    }
    drain(ctx);
  }

  static void drain(Context ctx) {
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buf = new byte[65536];
      long total = 0;
      int n;
      while (total < DRAIN_LIMIT && (n = in.read(buf)) > 0) {
        total += n;
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private static Problem tooLarge(long max) {
    return new Problem(413, "content-too-large", "Content too large", "the request body exceeds " + max + " bytes", "body");
  }

  static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw Problem.invalid(name, "must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw Problem.invalid(name, "must be an integer");
    }
  }

  static long longParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n < 1) {
        throw Problem.invalid(name, "must be a positive integer");
      }
      return n;
    } catch (NumberFormatException e) {
      throw Problem.invalid(name, "must be an integer");
    }
  }
}
