package dev.chainbreaker.screen.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.brand.BrandRegistry;
import org.junit.jupiter.api.Test;

class SenderClassifierTest {

  private final SenderClassifier c = new SenderClassifier();

  @Test
  void classifiesChineseNumbering() {
    assertEquals(SenderType.VIRTUAL_MOBILE, c.classify("+8617100000123").type());
    assertEquals("17100000123", c.classify("+86 171-0000-0123").normalized());
    assertEquals(SenderType.MOBILE, c.classify("13812345678").type());
    assertEquals(SenderType.MOBILE, c.classify("008613812345678").type());
    assertEquals(SenderType.SHORT_CODE, c.classify("12333").type());
    assertEquals(SenderType.SHORT_CODE, c.classify("95588").type());
    assertEquals(SenderType.SHORT_CODE, c.classify("10086").type());
    assertEquals(SenderType.A2P_PORT, c.classify("1069012345678").type());
    assertEquals(SenderType.LANDLINE, c.classify("02164857320").type());
    assertEquals(SenderType.INTERNATIONAL, c.classify("+447700900318").type());
    assertEquals(SenderType.ALPHANUMERIC, c.classify("HMRC").type());
    assertEquals(SenderType.EMAIL, c.classify("tollsvc82@gmail.com").type());
    assertEquals(SenderType.UNKNOWN, c.classify(null).type());
    assertEquals(SenderType.UNKNOWN, c.classify("  ").type());
    assertEquals(SenderType.UNKNOWN, c.classify("\u0000-").type());
  }

  @Test
  void knowsWhoOwnsAShortCode() {
    SenderCheck check = new SenderCheck(BrandRegistry.standard());
    SenderInfo icbc = check.classify("95588");
    assertEquals("icbc", check.owners(icbc).get(0).id());
    assertTrue(check.isOfficialCode(icbc));
    assertTrue(check.isOfficialCode(check.classify("12333")));
    assertFalse(check.isOfficialCode(check.classify("13812345678")));
    assertTrue(check.classify("+447700900318").isPersonal());
  }
}
