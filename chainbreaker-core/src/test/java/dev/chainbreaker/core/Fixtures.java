package dev.chainbreaker.core;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where test fixtures live: our own variants on the classpath, the shared seeds beside the checkout. */
public final class Fixtures {
  private Fixtures() {}

  /** {@code ../shared}, or the test is skipped with a message saying why. */
  public static Path shared() {
    String p = System.getProperty("chainbreaker.shared", "../shared");
    Path dir = Path.of(p);
    Assumptions.assumeTrue(Files.isDirectory(dir.resolve("scenarios")),
        "skipped: the shared fixtures (" + dir.toAbsolutePath() + ") are not beside this checkout");
    return dir;
  }

  public static Path variants() {
    try {
      return Path.of(Fixtures.class.getResource("/scenarios/variants").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A minimal valid event line. */
  public static String event(String id, String source, String type, String time, String subject, String data) {
    return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"" + type
        + "\",\"time\":\"" + time + "\",\"subject\":\"" + subject + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
  }
}
