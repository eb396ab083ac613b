package dev.chainbreaker.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainbreaker.core.Engine;
import dev.chainbreaker.core.Fixtures;
import dev.chainbreaker.core.replay.Replay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EventBinaryTest {
  @Test
  void everyVariantEventRoundTripsAndNoRawIdentifierIsStored() throws Exception {
    Engine engine = Engine.builder().build();
    int n = 0;
    try (var files = Files.list(Fixtures.variants())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        for (Event e : Replay.read(engine, f)) {
          byte[] stored = EventBinary.encode(e);
          assertEquals(e, EventBinary.decode(stored));
          String asText = new String(stored, StandardCharsets.ISO_8859_1);
          if (e.data().card() != null) {
            String digits = raw.substring(raw.indexOf('"', raw.indexOf("\"card\"", raw.indexOf(e.id())) + 7) + 1);
            digits = digits.substring(0, digits.indexOf('"'));
            assertFalse(asText.contains(digits), "raw card number stored for " + e.id());
          }
          n++;
        }
      }
    }
    assertFalse(n == 0);
  }
}
