package dev.chainbreaker.screen.link;

import java.util.Set;

/** Hosts of URL shorteners: the link hides its real target, which must be expanded to be judged. */
final class Shorteners {

  private static final Set<String> HOSTS = Set.of(
      "t.cn", "url.cn", "dwz.cn", "suo.im", "suo.nz", "sina.lt", "mrw.so", "u.nu", "w.url.cn",
      "bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "v.gd", "j.mp",
      "rb.gy", "cutt.ly", "s.id", "tiny.cc", "shorturl.at", "rebrand.ly", "t.ly", "bl.ink",
      "buff.ly", "lnkd.in", "qr.net", "x.co", "tr.im", "0rz.tw", "reurl.cc", "pse.is", "lihi.cc",
      "lihi1.cc", "wx.qq.com", "3.cn", "c.tb.cn", "m.tb.cn", "tb.cn", "dwz.mk", "ft12.com",
      "985.so", "kurl.cn", "sohu.gg", "iurl.vip", "bit.do", "adf.ly", "shorte.st", "ouo.io",
      "cli.gs", "t2m.io");

  private Shorteners() {}

  static boolean isShortener(String lowerHost) {
    return HOSTS.contains(lowerHost);
  }
}
