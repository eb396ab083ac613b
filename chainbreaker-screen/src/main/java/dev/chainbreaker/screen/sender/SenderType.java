package dev.chainbreaker.screen.sender;

/** What kind of number or identity sent a message. */
public enum SenderType {
  /** No sender given. */
  UNKNOWN,
  /** A personal mainland-China mobile number (1[3-9]xxxxxxxxx). */
  MOBILE,
  /** A mainland-China virtual-operator mobile number (170, 171, 162, 165, 167): cheap and anonymous. */
  VIRTUAL_MOBILE,
  /** A service short code: 95xxx, 96xxx, 100xx, 123xx, 110, ... */
  SHORT_CODE,
  /** An A2P SMS port (106...): business messages through an aggregator. */
  A2P_PORT,
  /** A fixed-line number. */
  LANDLINE,
  /** A number outside mainland China (+1, +44, ...), as people use for personal phones. */
  INTERNATIONAL,
  /** An alphanumeric sender ID ("Boots", "HMRC"). */
  ALPHANUMERIC,
  /** An e-mail address or messenger account (iMessage and RCS spam). */
  EMAIL
}
