package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStartTest {
  static final String ADMIN = "test-admin-key-start-0123456";

  /**
   * A first start that fails (its port is taken) does not spend the first start: no admin key is made
   * or printed, and the next start still takes CHAINBREAKER_ADMIN_KEY as the first admin key.
   */
  @Test
  void aFailedFirstStartLeavesTheFirstAdminKeyToTheNextStart(@TempDir Path data) throws Exception {
    ByteArrayOutputStream failedOut = new ByteArrayOutputStream();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ServerConfig busy = ServerConfig.defaults().withData(data).withPort(taken.getLocalPort());
      assertThrows(RuntimeException.class, () -> Server.start(busy, Map.of(),
          new PrintStream(failedOut, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
    }
    assertTrue(!failedOut.toString(StandardCharsets.UTF_8).contains("admin API key"), "no key shown by a start that failed: " + failedOut);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Server server = Server.start(ServerConfig.defaults().withData(data).withPort(0), Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    try {
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("first start"), out.toString(StandardCharsets.UTF_8));
      assertEquals(200, new TestClient(server.port()).get("/v1/keys", ADMIN).statusCode());
    } finally {
      server.close();
    }
  }

  @Test
  void aHeapMoreThanHalfFullAtStartIsReportedWithTheSettingThatGivesMore() {
    long mb = 1L << 20;
    assertNull(Server.heapAdvice(400 * mb, 1024 * mb), "under half: room for traffic");
    String advice = Server.heapAdvice(600 * mb, 1024 * mb);
    assertNotNull(advice);
    assertTrue(advice.contains("58%") && advice.contains("CHAINBREAKER_HEAP=3g"), advice);
    assertTrue(Server.heapAdvice(100 * mb, 128 * mb).contains("CHAINBREAKER_HEAP=2g"), "never below the default");
  }
}
