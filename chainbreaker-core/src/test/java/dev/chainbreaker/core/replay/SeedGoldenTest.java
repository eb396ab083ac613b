package dev.chainbreaker.core.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainbreaker.core.Decision;
import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision timeline of the 2020 Chengdu stolen-phone night, one line per event (event, decision,
 * state, first reason). A change to the default pack that alters it must be a deliberate one: review
 * the new timeline, then regenerate with {@code -Dgolden.update=true}.
 */
class SeedGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/seed-stolen-phone.timeline.txt");

  @Test
  void theChengduNightReplaysToTheReviewedTimeline() throws Exception {
    Path seed = Fixtures.shared().resolve("scenarios/seed-stolen-phone.jsonl");
    Engine engine = Engine.builder().build();
    List<String> lines = new ArrayList<>();
    for (Replay.Step s : Replay.run(engine, Replay.read(engine, seed))) {
      Decision d = s.decision();
      lines.add(String.join(" ", s.event().id(), d.decision().name(), d.subjectState().name(),
          d.firstReason() == null ? "-" : d.firstReason().code()));
    }
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
  }
}
