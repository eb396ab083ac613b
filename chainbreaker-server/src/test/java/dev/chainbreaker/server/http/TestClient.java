package dev.chainbreaker.server.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: one method, path, key, content type and body per call. */
final class TestClient {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  TestClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> send(String method, String path, String key, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A POST announcing {@code contentLength} bytes but sending only the first few, over a raw socket:
   * a server that refuses a too-large body answers before reading it (java.net.http would fail
   * writing the rest, and its expect-continue hangs on Java 17). Returns the status line and body.
   */
  String[] rawPostAnnouncing(String path, String key, long contentLength) throws IOException {
    URI u = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
      socket.setSoTimeout(10_000);
      String head = "POST " + path + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nAuthorization: Bearer " + key
          + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\nConnection: close\r\n\r\n[";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      return new String[] {response.substring(0, response.indexOf("\r\n")), response.substring(split + 4)};
    }
  }

  /** A response read off a raw socket: status, lower-cased header names to values, body as UTF-8 text. */
  record RawResponse(int status, java.util.Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "").split(";")[0].strip();
    }
  }

  /**
   * A GET sent byte for byte over a raw socket: java.net.http (and java.net.URI) refuse a malformed
   * percent-encoding and normalise {@code ..} away, so the server would never see those requests.
   * {@code extraHeaders} is sent as is (each line ending in CRLF) and may be large.
   */
  RawResponse rawGet(String target, String key, String extraHeaders) throws IOException {
    URI u = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
      socket.setSoTimeout(10_000);
      String head = "GET " + target + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort() + "\r\n"
          + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + extraHeaders + "Connection: close\r\n\r\n";
      try {
        socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
      } catch (IOException e) {
        // the server may answer (and stop reading) before a huge request is all written: read its answer
      }
      byte[] all = socket.getInputStream().readAllBytes();
      String response = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
      int split = response.indexOf("\r\n\r\n");
      String[] lines = response.substring(0, split).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
      byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = dechunk(body);
      }
      return new RawResponse(status, headers, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static byte[] dechunk(byte[] in) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < in.length) {
      int eol = i;
      while (eol + 1 < in.length && !(in[eol] == '\r' && in[eol + 1] == '\n')) {
        eol++;
      }
      String sizeText = new String(in, i, eol - i, java.nio.charset.StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int size = Integer.parseInt(sizeText, 16);
      if (size == 0) {
        break;
      }
      out.write(in, eol + 2, size);
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  HttpResponse<String> get(String path, String key) {
    return send("GET", path, key, null, null);
  }

  HttpResponse<String> postJson(String path, String key, String body) {
    return send("POST", path, key, "application/json", body);
  }

  static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }
}
