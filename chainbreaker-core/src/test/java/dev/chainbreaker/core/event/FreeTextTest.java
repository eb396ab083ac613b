package dev.chainbreaker.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreeTextTest {
  /** Card and identity numbers quoted in free text never survive reading; the text around them does. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "请转到6222020000123452，谢谢 | 请转到6222 **** **** 3452，谢谢",
    "卡号 6222 0200 0012 3452 尽快 | 卡号 6222 **** **** 3452 尽快",
    "身份证11010519491231002X已验证 | 身份证1101**********002X已验证",
    "身份证 11010519491231002x | 身份证 1101**********002X",
    "id 510104199001011230 ok | id 5101**********1230 ok",
  })
  void cardAndIdentityNumbersAreMasked(String raw, String masked) {
    assertEquals(masked, FreeText.mask(raw));
  }

  /** What is not a card or identity number stays readable: phones, codes, amounts, order numbers that fail the checksum. */
  @Test
  void otherNumbersAreLeftAlone() {
    for (String text : new String[] {"验证码 123456，5分钟内有效", "致电 +86 138 0000 0001 或 95533", "金额 5000.00 元",
        "订单 6222020000123457", "编号 110105194912310021"}) {
      assertSame(text, FreeText.mask(text), text);
    }
  }

  /** Through the codec: the text, the counterparty and the reason of an event reach no one raw. */
  @Test
  void theCodecMasksFreeTextFields() {
    EventCodec codec = new EventCodec(PhoneNumbers.china(), new Sensitive("0123456789abcdef0123456789abcdef".getBytes()));
    Event m = codec.parse("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/telecom/x\",\"type\":\"message.received\","
        + "\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"sender\":\"+8613900000001\","
        + "\"text\":\"妈，我的卡6222020000123452，身份证11010519491231002X\"}}");
    assertFalse(m.data().text().contains("6222020000123452") || m.data().text().contains("11010519491231002X"), m.data().text());
    Event p = codec.parse("{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/payment/x\",\"type\":\"payment.declined\","
        + "\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"amount\":\"1.00\","
        + "\"counterparty\":\"6222020000555661\",\"reason\":\"limit for 6222020000555661\"}}");
    assertEquals("6222 **** **** 5661", p.data().counterparty());
    assertEquals("limit for 6222 **** **** 5661", p.data().reason());
    assertFalse(EventBinary.decode(EventBinary.encode(p)).toString().contains("6222020000555661"), "nothing raw is stored");
  }
}
