package dev.chainbreaker.core.replay;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** One dynamic test per scenario of a directory, for checks that must hold on every scenario. */
final class ScenarioTests {
  private ScenarioTests() {}

  static Stream<DynamicTest> each(Path dir, ThrowingConsumer<Scenario> check) {
    List<Scenario> all = Scenario.all(dir);
    assertFalse(all.isEmpty(), "no scenarios in " + dir);
    return all.stream().map(sc -> DynamicTest.dynamicTest(sc.name(), () -> check.accept(sc)));
  }
}
