package dev.chainbreaker.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
  private final PhoneNumbers phones = PhoneNumbers.china();

  /**
   * Only numbers that can exist are subjects: state keyed by a number no one can hold is state about
   * no one, and a truncated or mistyped number would split one phone's history in two. Each is
   * asked twice, since the second answer for a Chinese mobile range comes from memory.
   */
  @ParameterizedTest
  @ValueSource(strings = {"12345", "1380000009a", "+8612000000000", "+861380000009", "+86138000000012", "+8614000000000", "1-800-FLOWERS"})
  void numbersThatCannotExistAreRejected(String raw) {
    for (int i = 0; i < 2; i++) {
      assertThrows(IllegalArgumentException.class, () -> phones.normalise(raw), raw);
    }
  }

  /** Real mobile and fixed-line forms still normalise to E.164, the first time and from memory. */
  @ParameterizedTest
  @CsvSource({"13800000001, +8613800000001", "+8613985573978, +8613985573978", "+86 199 0000 0001, +8619900000001",
      "010 6552 9988, +861065529988", "+1 650 253 0000, +16502530000"})
  void existingNumbersNormalise(String raw, String e164) {
    for (int i = 0; i < 2; i++) {
      assertEquals(e164, phones.normalise(raw));
    }
  }
}
