package dev.chainbreaker.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A rejected line is reported by where it came from, never by its content: it may hold raw identifiers. */
class ParseEventsTest {

  @Test
  void aRejectedLineIsLocatedWithoutItsContent() {
    String line = "{\"specversion\":\"1.0\",\"id\":\"gov-77\",\"source\":\"/gov/sc-hrss\",\"type\":\"account.created\","
        + "\"time\":\"1970-01-01T00:00:00Z\",\"subject\":\"+8613800000001\",\"data\":{\"account\":\"a1\","
        + "\"idNumber\":\"51010519900307123X\",\"deviceId\":\"not-the-id\"}}";
    String located = ParseEvents.locator(line);
    assertEquals("source=/gov/sc-hrss id=gov-77 (" + line.length() + " characters)", located);
    assertFalse(located.contains("51010519900307123X"));
    assertEquals("source=? id=? (9 characters)", ParseEvents.locator("not json!"));
  }
}
