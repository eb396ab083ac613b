package dev.chainbreaker.screen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared read-only fixtures; tests that need them are skipped when they are absent. */
public final class SharedFixtures {

  private SharedFixtures() {}

  /** The file {@code relative} under the shared folder; skips the calling test when it is missing. */
  public static Path require(String relative) {
    String base = System.getProperty("chainbreaker.shared");
    assumeTrue(base != null && !base.isBlank(),
        "system property chainbreaker.shared is not set; skipping test that needs the shared fixtures");
    Path p = Path.of(base).resolve(relative);
    assumeTrue(Files.exists(p), "shared fixture " + p + " is absent; skipping");
    return p;
  }
}
