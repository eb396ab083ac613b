package dev.chainbreaker.screen.brand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandRegistryTest {

  private final BrandRegistry r = BrandRegistry.standard();

  @Test
  void coversTheInstitutionsOfTheIssue() {
    assertEquals("mohrss", r.brandOfDomain("mohrss.gov.cn").id());
    assertEquals("icbc", r.brandOfDomain("icbc.com.cn").id());
    assertEquals("icbc", r.brandsOfSender("95588").get(0).id());
    assertEquals("ccb", r.brandsOfSender("95533").get(0).id());
    assertEquals("cmb", r.brandsOfSender("95555").get(0).id());
    assertEquals("cmcc", r.brandsOfSender("10086").get(0).id());
    assertEquals("unicom", r.brandsOfSender("10010").get(0).id());
    assertEquals("telecom", r.brandsOfSender("10000").get(0).id());
    assertEquals("alipay", r.brandsOfSender("95188").get(0).id());
    assertEquals("tenpay", r.brandsOfSender("95017").get(0).id());
    assertEquals("mps", r.brandsOfSender("96110").get(0).id());
    assertEquals("chinatax", r.brandsOfSender("12366").get(0).id());
    Brand mohrss = r.brandOfDomain("mohrss.gov.cn");
    assertTrue(mohrss.neverSendsLinks());
    assertTrue(mohrss.neverAsksCredentials());
    assertTrue(mohrss.isGovernment());
  }

  /**
   * English names were found only as registered ("PayPal"), so "PAYPAL:" and "WELLS FARGO:" claimed
   * nothing. Capitals count, and so does any case of a coined name; a name that is also a word
   * ("chase", "outlook", "ups") counts only as registered or in capitals.
   */
  @Test
  void findsEnglishNamesInCapitalsAndCoinedNamesInAnyCase() {
    for (String text : List.of("PAYPAL: your account", "paypal: your account", "Paypal: your account")) {
      List<BrandMention> m = r.mentions(text);
      assertEquals("paypal", m.get(0).brand().id(), text);
      assertTrue(m.get(0).signature(), text);
    }
    assertEquals("chase", r.mentions("WELLS FARGO ALERT: card locked").get(0).brand().id());
    assertEquals("chase", r.mentions("CHASE: card locked").get(0).brand().id());
    for (String talk : List.of("I will chase it up", "my outlook is good", "ups and downs", "etc. etc.")) {
      assertTrue(r.mentions(talk).isEmpty(), talk + " -> " + r.mentions(talk));
    }
  }

  @Test
  void findsSignaturesAndTellsThemFromTalk() {
    List<BrandMention> sig = r.mentions("【社保中心】您好，你的社保账户未上传电子审核");
    assertEquals("mohrss", sig.get(0).brand().id());
    assertTrue(sig.get(0).signature());
    List<BrandMention> talk = r.mentions("妈，社保局的人说卡下周才能拿");
    assertEquals("mohrss", talk.get(0).brand().id());
    assertFalse(talk.get(0).signature());
    assertTrue(r.mentions("HMRC: a message about your account").get(0).signature());
    assertEquals("nhsa", r.mentions("【某市医保】参保提醒").get(0).brand().id());
    assertTrue(r.mentions("the groups are ready").isEmpty(), "ASCII names need word boundaries");
  }

  @Test
  void anUnnamedSignatureClaimsTheFirstBrandByItsFirstKeyword() {
    // 医保 comes first in the text, but the social-security bureau comes first in the registry
    BrandMention m = r.mentions("【某市医保社保】参保提醒").get(0);
    assertEquals("mohrss", m.brand().id());
    assertEquals("社保", m.alias());
    // 网安 comes first in the text, 检察 first among the police keywords
    m = r.mentions("【某区网安检察】协查通知").get(0);
    assertEquals("mps", m.brand().id());
    assertEquals("检察", m.alias());
    assertEquals(5, m.start());
    assertTrue(m.signature());
  }

  @Test
  void usersCanExtendTheRegistry(@TempDir Path dir) throws IOException {
    Path extra = dir.resolve("mine.json");
    Files.writeString(extra, "{\"brands\":[{\"id\":\"cdbank\",\"kind\":\"bank\",\"category\":"
        + "\"impersonate_customer_service\",\"zh\":[\"成都银行\"],\"en\":[],\"domains\":[\"bocd.com.cn\"],"
        + "\"senders\":[\"95507\"],\"never\":[\"asks_credentials\"],\"hotline\":\"95507\"}]}");
    BrandRegistry ext = BrandRegistry.withExtensions(List.of(extra));
    assertEquals("cdbank", ext.brandOfDomain("bocd.com.cn").id());
    assertEquals("icbc", ext.brandOfDomain("icbc.com.cn").id());
    assertEquals("cdbank", ext.mentions("【成都银行】您的账户").get(0).brand().id());
  }
}
