package dev.chainbreaker.screen.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainbreaker.screen.domain.PublicSuffixList;
import dev.chainbreaker.screen.text.TextNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our own Chinese SMS link cases (keep them growing). */
class ChineseSmsLinkTest {

  private final LinkExtractor x = new LinkExtractor(PublicSuffixList.standard());
  private final TextNormalizer n = new TextNormalizer();

  private List<ExtractedLink> links(String s) {
    return x.extract(n.normalize(s));
  }

  private List<String> texts(String s) {
    return links(s).stream().map(ExtractedLink::text).toList();
  }

  @Test
  void schemeLessHostsBetweenCjk() {
    assertEquals(List.of("p.uukp1.cc"), texts("请登录p.uukp1.cc办理"));
    assertEquals(List.of("a.szxq9.cc"), texts("请于7月30日前打开 a.szxq9.cc 点击在线办理"));
    assertEquals(List.of("p.uukp1.cc"), texts("入口:p.uukp1.cc"));
    assertEquals(List.of("p.uukp1.cc"), texts("入口：p.uukp1.cc。"));
    assertEquals(List.of("p.uukp1.cc/#/login"), texts("请点击p.uukp1.cc/#/login领取"));
  }

  /**
   * A scheme with one slash or no colon hid the whole link: "Click here http:/rghst.us/xRI2284" read
   * no link, and the smish was judged on its wording alone. The host after such a scheme is read as a
   * bare host; a path segment ("a.com/b.cn") or a word ending in "http" before the slash is not a scheme.
   */
  @Test
  void aBrokenSchemeDoesNotHideTheHost() {
    assertEquals(List.of("rghst.us/xRI2284"), texts("Click here http:/rghst.us/xRI2284 Reply STOP"));
    assertEquals(List.of("aetacms.com/.cas/auo.html"), texts("visit http/aetacms.com/.cas/auo.html now"));
    assertEquals(List.of("uk-covid-19.webredirect.org/to"), texts("TAP here HTTPS:/uk-covid-19.webredirect.org/to apply"));
    assertEquals(List.of("p.uukp1.cc"), texts("请点击https:/p.uukp1.cc办理"));
    assertEquals(List.of(), texts("xhttp/evil.top"));
    assertEquals(List.of("a.com/b.cn"), texts("see a.com/b.cn"));
    assertEquals(List.of("http://good.com/x"), texts("http://good.com/x"));
  }

  @Test
  void hostsWrittenInChineseAreReadBetweenBoundaries() {
    assertEquals(List.of("社保局.公司"), texts("您的社保卡已停用，请登录 社保局.公司 重新激活"));
    assertEquals(List.of("社保局.公司/login"), texts("入口：社保局.公司/login，过时作废"));
    assertEquals(List.of("www.工商银行.网址"), texts("请访问 www.工商银行.网址 核实"));
    ExtractedLink l = links("官网 社保局.公司").get(0);
    assertEquals("社保局.公司", l.host());
    assertEquals(List.of(), texts("请登录 社保局.不是域名 办理"), "the last label must be a listed top-level domain");
  }

  @Test
  void chineseSentencesAreNotHosts() {
    // a numbered line and a quiz option start with a top-level domain's characters (中国, 公司)
    assertEquals(List.of(), texts("1.中国移动提醒您：本月话费已出账"));
    assertEquals(List.of(), texts("A.中国银行 B.农业银行"));
    // "。" ends a sentence even where the normaliser folds it to '.'
    assertEquals(List.of(), texts("您好。中国 移动提醒您"));
    // an ASCII stop typed between sentences: a long run of letters is a sentence, not a name
    assertEquals(List.of(), texts("如有疑问请回复退订信息.网址：稍后公布"));
    // a Chinese word before an ASCII name ("课程吧.NAME") is not a host on the .name domain
    assertEquals(List.of(), texts("快来预约体验课程吧.NAME 科目期待您的参与"));
    // a name, then the label of the number that follows (".手机" is also a top-level domain)
    assertEquals(List.of(), texts("会议通知：周五下午3点开会，联系人 王经理.手机 13800001234"));
    // with no boundary before it, the host would swallow the sentence: not read
    assertEquals(List.of(), texts("您的社保卡已停用请登录社保局.公司重新激活"));
  }

  @Test
  void linksEndAtFullWidthPunctuationAndCjk() {
    assertEquals(List.of("https://p.uukp1.cc"), texts("https://p.uukp1.cc（官方）"));
    assertEquals(List.of("https://www.mohrss.gov.cn/SYrlzyhshbzb/"),
        texts("https://www.mohrss.gov.cn/SYrlzyhshbzb/，谢谢"));
    assertEquals(List.of("http://t.cn/RUy3HJN"), texts("http://t.cn/RUy3HJN《一尺闲梦》"));
    assertEquals(List.of("p.uukp1.cc/abc?x=1"), texts("p.uukp1.cc/abc?x=1。"));
    ExtractedLink l = links("详见 x.cn/abc办理").get(0);
    assertTrue(l.truncatedAtCjk());
  }

  @Test
  void disguisedLinksAreFoundAndMappedBack() {
    String s = "认证网址：ｋａｒｄ１２３３３．ｔｏｐ";
    ExtractedLink l = links(s).get(0);
    assertEquals("ｋａｒｄ１２３３３．ｔｏｐ", l.text());
    assertEquals("kard12333.top", l.host());
    assertEquals(List.of("rs-fw7 . top"), texts("通过 rs-fw7 . top 登记"));
    assertEquals(List.of("parcel-hold . top"), texts("Book at parcel-hold . top"));
  }

  @Test
  void ipv4PortsShortenersAndUserInfo() {
    ExtractedLink ip = links("登录 103.45.67.89:8080/login 查看").get(0);
    assertTrue(ip.ipHost());
    assertEquals(8080, ip.port());
    assertEquals("103.45.67.89:8080/login", ip.text());
    assertTrue(links("点击 t.cn/A6abcd 查看").get(0).shortener());
    ExtractedLink ui = links("http://icbc.com.cn@evil.top/x").get(0);
    assertTrue(ui.userInfo());
    assertEquals("evil.top", ui.host());
  }

  /**
   * Without a scheme, "www.icbc.com.cn@evil.top" reads like a mailbox, but a host name is no mailbox's
   * name: typed into a browser it is a user name and the page comes from evil.top.
   */
  /** A scheme broken by a space or a typo still leads to the host after "://"; a known scheme refused stays refused. */
  @Test
  void aBrokenSchemeStillLeadsToItsHost() {
    assertEquals("jf-10086.top", links("请登录 ht tp://jf-10086.top 兑换").get(0).host());
    assertEquals("jf-10086.top", links("请登录 hppt://jf-10086.top 兑换").get(0).host());
    assertEquals(List.of(), texts("#http://test.com"));
  }

  @Test
  void aHostNameBeforeAnAtSignIsUserInfoNotAMailbox() {
    ExtractedLink ui = links("请登录 www.icbc.com.cn@evil-login.top 验证身份").get(0);
    assertTrue(ui.userInfo());
    assertEquals("evil-login.top", ui.host());
    assertEquals("www.icbc.com.cn@evil-login.top", ui.text());
    assertEquals(List.of(), texts("联系 www.john@gmail.com"), "one label after www. is a mailbox's name");
  }

  @Test
  void notLinks() {
    assertEquals(List.of(), texts("下午3点30分，版本1.2.3发布"));
    assertEquals(List.of(), texts("report.docx 已发送"));
    assertEquals(List.of(), texts("邮箱 name@example.com"));
    assertEquals(List.of(), texts("金额3,120.55元"));
  }

  /**
   * An address masked after its first letters ("jiangy***il.com") leaves a host-shaped tail that is no
   * link (an Alipay receipt was FRAUD for "il.com"); stars as emphasis before a real host are no mask.
   */
  @Test
  void aMaskedAddressIsNoLinkButEmphasisIs() {
    assertEquals(List.of(), texts("【支付宝】某公司向您jiangy***il.com成功收款10.00元"));
    assertEquals(List.of(), texts("账号 138****5678.com 已绑定"));
    assertEquals(List.of("sb-gov.cc"), texts("请登录*sb-gov.cc*办理"));
    assertEquals(List.of("sb-gov.cc"), texts("请登录 ***sb-gov.cc 办理"));
  }

  /**
   * Numbers blanked out with x ("xxxx。xxxx。xxx工行", a bus route "xxx。xx。xxx") are no host under the
   * .xxx top-level domain (a bank-account text was FRAUD for "a link" to xxx.xxx); a real name under
   * .xxx still is a link.
   */
  @Test
  void aRunOfBlankedOutNumbersIsNoHost() {
    assertEquals(List.of(), texts("xxxx。xxxx。xxxx。xxxx。xxx工行李明"));
    assertEquals(List.of(), texts("公交xxx。xx。xxx。xxx特x。十里河桥北下车"));
    assertEquals(List.of("promo.xxx"), texts("visit promo.xxx now"));
  }
}
