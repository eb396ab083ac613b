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
