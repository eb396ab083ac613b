package dev.chainbreaker.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst console in a real browser: the server on a free port with the shared scenarios loaded,
 * headless Debian chromium driven by playwright-core ({@code src/test/browser/console.test.mjs}).
 * Logs in, opens the seed subject's story, labels the case, screens a text, dry-runs and publishes a
 * rule change, and measures a 10,000-event story. Screenshots and the log land in
 * {@code target/console-screenshots/}. Skipped, with the reason, where node, chromium or
 * playwright-core is missing ({@code .ci/run} installs them).
 */
class ConsoleBrowserTest {
  static final String ADMIN = "browser-test-admin-key-0123456789";
  static final Path SCRIPT_DIR = Path.of("src/test/browser");

  @TempDir
  Path data;

  @Test
  void anAnalystWalksThroughTheConsole() throws Exception {
    String chromium = System.getenv().getOrDefault("CB_CHROMIUM", "/usr/bin/chromium");
    Assumptions.assumeTrue(Files.isExecutable(Path.of(chromium)), "no chromium at " + chromium + " (apt-get install chromium): browser test skipped");
    Assumptions.assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
        "playwright-core not installed (npm ci in chainbreaker-server/src/test/browser): browser test skipped");
    Assumptions.assumeTrue(nodeAvailable(), "node is not on the PATH: browser test skipped");
    String shared = System.getProperty("chainbreaker.shared");
    Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "scenarios")),
        "shared fixtures absent (chainbreaker.shared = " + shared + "): browser test skipped");

    Path shots = Path.of("target/console-screenshots").toAbsolutePath();
    Files.createDirectories(shots);
    ServerConfig config = ServerConfig.defaults().withPort(0).withData(data);
    try (Server server = Server.start(config, Map.of("CHAINBREAKER_ADMIN_KEY", ADMIN), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err)) {
      int loaded = Demo.load(server.ledger(), Path.of(shared, "scenarios"));
      assertTrue(loaded > 0, "the demo scenarios were loaded");
      ProcessBuilder pb = new ProcessBuilder("node", "console.test.mjs").directory(SCRIPT_DIR.toFile()).redirectErrorStream(true);
      pb.environment().put("CB_URL", "http://127.0.0.1:" + server.port());
      pb.environment().put("CB_ADMIN_KEY", ADMIN);
      pb.environment().put("CB_SHOTS", shots.toString());
      pb.environment().put("CB_CHROMIUM", chromium);
      Process p = pb.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread pump = new Thread(() -> copy(p.getInputStream(), out));
      pump.start();
      boolean done = p.waitFor(4, TimeUnit.MINUTES);
      if (!done) {
        p.destroyForcibly();
      }
      pump.join(10_000);
      String log = out.toString(StandardCharsets.UTF_8);
      Files.writeString(shots.resolve("browser-test.log"), log);
      System.out.println(log);
      assertTrue(done, "the browser test did not finish in 4 minutes:\n" + log);
      assertEquals(0, p.exitValue(), "the browser test failed:\n" + log);
      assertTrue(log.contains("METRIC story-10k "), log);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try (in) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        synchronized (out) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
