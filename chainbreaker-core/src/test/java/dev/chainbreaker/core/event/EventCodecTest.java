package dev.chainbreaker.core.event;

import static dev.chainbreaker.core.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {
  private final EventCodec codec = new EventCodec(PhoneNumbers.china(), new Sensitive("0123456789abcdef0123456789abcdef".getBytes()));

  @Test
  void readsEveryFieldOfACardBinding() {
    Event e = codec.parse(event("a1", "/payment/alipay", "card.bound", "2020-09-05T00:35:51+08:00", "+8613800000001",
        "{\"account\":\"2088000000000029\",\"card\":\"6217000000000000017\",\"cardType\":\"debit\",\"quickBind\":true,\"checks\":[\"sms_otp\"]}"));
    assertEquals(EventType.CARD_BOUND, e.type());
    assertEquals(SourceKind.PAYMENT, e.sourceKind());
    assertEquals("+8613800000001", e.subject());
    assertTrue(e.data().quickBind());
    assertEquals(List.of("sms_otp"), e.data().checks());
    assertEquals(0, e.localHour());
    assertEquals("2020-09-05T00:35:51+08:00", e.timeText());
  }

  @Test
  void sensitiveIdentifiersAreHashedAndMaskedNeverKeptRaw() {
    Event e = codec.parse(event("a2", "/payment/jd", "account.created", "2020-09-05T00:50:12+08:00", "+8613800000001",
        "{\"account\":\"jd_7c2e81f0a5\",\"idNumber\":\"510104199001011234\",\"realNameVerification\":\"sms_otp\"}"));
    assertEquals("5101**********1234", e.data().idNumber().masked());
    assertFalse(e.toString().contains("510104199001011234"), "the raw ID number must not survive the codec");
    assertFalse(e.toString().contains("jd_7c2e81f0a5"), "the raw account must not survive the codec");
    Event card = codec.parse(event("a3", "/bank/ccb", "card.frozen", "2020-09-05T00:50:12+08:00", "+8613800000001",
        "{\"card\":\"6222 0000 0000 0001 234\"}"));
    assertEquals("6222 **** **** *** 1234", card.data().card().masked());
    assertEquals(codec.parse(event("a4", "/bank/icbc", "card.frozen", "2020-09-05T00:50:12+08:00", "+8613800000001",
        "{\"card\":\"6222000000000001234\"}")).data().card().hash(), card.data().card().hash(),
        "the same card hashes the same way whatever the spacing and institution");
  }

  @Test
  void accountsAreOnlyEqualWithinOneInstitution() {
    String data = "{\"account\":\"u-1\",\"verification\":\"password\"}";
    long a = codec.parse(event("x", "/bank/a", "account.login", "2024-01-01T10:00:00+08:00", "13800000001", data)).data().account().hash();
    long b = codec.parse(event("x", "/bank/b", "account.login", "2024-01-01T10:00:00+08:00", "13800000001", data)).data().account().hash();
    assertFalse(a == b);
  }

  @ParameterizedTest
  @CsvSource({"13800000001", "+86 138 0000 0001", "+8613800000001", "0086 13800000001", "+86-138-0000-0001"})
  void nationalAndFormattedNumbersNormaliseToE164(String raw) {
    Event e = codec.parse(event("p", "/telecom/x", "telecom.sms.sent", "2024-01-01T10:00:00+08:00", raw, "{}"));
    assertEquals("+8613800000001", e.subject());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "specversion | {\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "type | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.melted\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{}}",
    "time | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01 10:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "time | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "subject | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"hello\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "subject | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "subject | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"12345\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "subject | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"1380000009a\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "subject | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8612000000000\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "source | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/merchant/shady\",\"type\":\"telecom.sim.replaced\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"channel\":\"store\",\"verification\":\"in_person_id\"}}",
    "source | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"message.received\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"text\":\"hi\",\"sender\":\"95533\"}}",
    "data.target | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/telecom/x\",\"type\":\"telecom.call_forwarding.set\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"kind\":\"unconditional\",\"target\":\"nobody\"}}",
    "data.newPhone | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"account.phone.changed\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"account\":\"a\",\"newPhone\":\"12345\"}}",
    "source | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/casino/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "id | {\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "data.card | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{}}",
    "data.card | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"12ab\"}}",
    "data.amount | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"payment.initiated\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"amount\":\"five\"}}",
    "data.amount | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"payment.initiated\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"amount\":\"-3.00\"}}",
    "data.verification | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"account.login\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"verification\":\"telepathy\"}}",
    "data.newDevice | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"account.login\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"verification\":\"password\",\"newDevice\":\"yes\"}}",
    "data.checks | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.bound\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\",\"checks\":\"cvv\"}}",
    "data | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":[1]}",
    "body | {\"specversion\":\"1.0\",",
    "id | {\"specversion\":\"1.0\",\"id\":\"a\\uD800\",\"source\":\"/bank/x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "source | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/\\uDC00x\",\"type\":\"card.frozen\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"card\":\"6222000000000001234\"}}",
    "data.account | {\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/bank/x\",\"type\":\"account.login\",\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"verification\":\"password\",\"account\":\"\\uDC00\\uD800\"}}",
  })
  void rejectionsNameTheField(String field, String json) {
    EventException e = assertThrows(EventException.class, () -> codec.parse(json));
    assertEquals(field, e.field(), e.getMessage());
  }

  /** The codec reads only the names it knows, in one pass, and skips every other whatever it holds. */
  @Test
  void unknownNamesAreSkippedWhateverTheyHold() {
    String json = "{\"traceparent\":{\"a\":[1,{\"id\":\"inner\"}],\"b\":null},\"specversion\":\"1.0\",\"id\":\"first\","
        + "\"source\":\"/payment/x\",\"type\":\"payment.initiated\",\"time\":\"2024-01-01T10:00:00+08:00\","
        + "\"subject\":\"+8613800000001\",\"traceparent\":\"again\",\"data\":{\"extra\":[[{\"amount\":\"1\"}]],"
        + "\"amount\":5000.5,\"currency\":\"CNY\",\"extra\":2}}";
    Event e = codec.parse(json);
    assertEquals("first", e.id(), "an id inside an unknown member is not the event's");
    assertEquals(5000.5, e.data().amount(), "an amount may be a JSON number");
  }

  /**
   * A field the contract defines, sent twice in one object, is refused by name rather than resolved:
   * parsers disagree on which copy wins, so a gateway that vetted the first "subject" would otherwise
   * pass an event decided for the second. A JSON null counts as a copy.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "id | \"id\":\"a\",\"id\":\"b\"",
    "id | \"id\":\"a\",\"id\":null",
    "subject | \"id\":\"a\",\"subject\":\"+8613800000999\"",
    "data | \"id\":\"a\",\"data\":{}",
  })
  void aKnownFieldSentTwiceIsRejectedByName(String field, String extra) {
    String json = "{\"specversion\":\"1.0\",\"source\":\"/bank/x\",\"type\":\"account.login\","
        + "\"time\":\"2024-01-01T10:00:00+08:00\",\"subject\":\"+8613800000001\",\"data\":{\"verification\":\"password\"},"
        + extra + "}";
    EventException e = assertThrows(EventException.class, () -> codec.parse(json));
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.detail().contains("twice"), e.detail());
  }

  @Test
  void aDataFieldSentTwiceIsRejectedByItsPath() {
    EventException e = assertThrows(EventException.class, () -> codec.parse(event("k", "/bank/x", "account.login",
        "2024-01-01T10:00:00+08:00", "+8613800000001", "{\"verification\":\"password\",\"verification\":\"sms_otp\"}")));
    assertEquals("data.verification", e.field(), e.getMessage());
  }

  @Test
  void aFieldSentTwiceInABatchIsNamedWithinItsEvent() {
    String ok = event("k1", "/bank/x", "account.login", "2024-01-01T10:00:00+08:00", "+8613800000001", "{\"verification\":\"password\"}");
    String twice = event("k2", "/bank/x", "account.login", "2024-01-01T10:00:00+08:00", "+8613800000001",
        "{\"verification\":\"password\",\"verification\":\"sms_otp\"}");
    EventException e = assertThrows(EventException.class, () -> EventCodec.body("[" + ok + "," + twice + "]"));
    assertEquals("[1].data.verification", e.field(), e.getMessage());
    EventException cut = assertThrows(EventException.class, () -> EventCodec.body("[" + ok + ","));
    assertEquals("body", cut.field(), "malformed JSON stays an error on the whole body");
  }

  /** An unset timestamp (zero: 1970) or a default year is refused, not decided against a clock decades behind. */
  @ParameterizedTest
  @ValueSource(strings = {"1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1999-12-31T23:59:59+00:00"})
  void timesBefore2000AreRejected(String time) {
    EventException e = assertThrows(EventException.class, () -> codec.parse(event("k", "/bank/x", "account.login",
        time, "+8613800000001", "{\"verification\":\"password\"}")));
    assertEquals("time", e.field(), e.getMessage());
    assertEquals(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli(), codec.parse(event("k", "/bank/x", "account.login",
        "2000-01-01T08:00:00+08:00", "+8613800000001", "{\"verification\":\"password\"}")).timeMs());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "data.channel | {\"channel\":5,\"verification\":\"password\"}",
    "data.channel | {\"channel\":[\"app\"],\"verification\":\"password\"}",
    "data.channel | {\"channel\":{\"app\":1},\"verification\":\"password\"}",
    "data.newDevice | {\"verification\":\"password\",\"newDevice\":1}",
    "data.amount | {\"verification\":\"password\",\"amount\":true}",
    "data.amount | {\"verification\":\"password\",\"amount\":[1]}",
    "data.checks | {\"verification\":\"password\",\"checks\":[\"cvv\",{\"x\":1}]}",
    "data.verification | {\"verification\":null}",
  })
  void valuesOfTheWrongKindAreRejectedByName(String field, String data) {
    EventException e = assertThrows(EventException.class,
        () -> codec.parse(event("k", "/bank/x", "account.login", "2024-01-01T10:00:00+08:00", "+8613800000001", data)));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void aBodyIsMalformedAsAWholeBeforeAnyEventIsJudged() {
    String ok = event("w", "/telecom/x", "telecom.sms.sent", "2024-01-01T10:00:00+08:00", "+8613800000001", "{}");
    String badSubject = ok.replace("+8613800000001", "nope");
    assertEquals("body", assertThrows(EventException.class, () -> codec.parseBatch(ok + " x")).field(), "trailing content");
    assertEquals("body", assertThrows(EventException.class, () -> codec.parseBatch(ok + ok)).field(), "two top-level values");
    assertEquals("body", assertThrows(EventException.class, () -> codec.parseBatch("[" + badSubject + ",")).field(),
        "an invalid first event does not hide malformed JSON after it");
    assertEquals("[1].event", assertThrows(EventException.class, () -> codec.parseBatch("[" + ok + ",null]")).field());
    assertEquals("event", assertThrows(EventException.class, () -> codec.parseBatch("42")).field());
  }

  @Test
  void bytesAndTextReadTheSame() {
    String json = event("\u4e2d-1", "/telecom/x", "message.received", "2024-01-01T10:00:00+08:00", "+8613800000001",
        "{\"channel\":\"sms\",\"sender\":\"106900\",\"text\":\"【社保中心】您的社保账户未上传电子审核，请打开 a.szxq9.cc 办理\"}");
    EventCodec.Body fromText = EventCodec.body(json);
    EventCodec.Body fromBytes = EventCodec.body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(codec.read(fromText, 0).toString(), codec.read(fromBytes, 0).toString());
    assertEquals("\u4e2d-1", codec.read(fromBytes, 0).id());
  }

  /** A surrogate pair (an emoji, a rare CJK character) is valid text; only half a pair is rejected. */
  @Test
  void surrogatePairsAreAcceptedAndOnlyHalvesRejected() {
    Event e = codec.parse(event("id-\\uD842\\uDFB7-1", "/bank/x", "card.frozen", "2024-01-01T10:00:00+08:00", "+8613800000001",
        "{\"card\":\"6222000000000001234\"}"));
    assertEquals("id-\uD842\uDFB7-1", e.id());
    assertFalse(EventCodec.hasUnpairedSurrogate("\uD842\uDFB7"));
    assertTrue(EventCodec.hasUnpairedSurrogate("x\uD842"));
    assertTrue(EventCodec.hasUnpairedSurrogate("\uDFB7\uD842"));
  }

  @Test
  void overLongFieldsAreRejectedByName() {
    String longAccount = "a".repeat(70_000);
    EventException e = assertThrows(EventException.class, () -> codec.parse(event("l", "/bank/x", "account.login",
        "2024-01-01T10:00:00+08:00", "+8613800000001", "{\"verification\":\"password\",\"account\":\"" + longAccount + "\"}")));
    assertEquals("data.account", e.field());
  }

  @Test
  void batchErrorsNameTheIndex() {
    String ok = event("b1", "/telecom/x", "telecom.sms.sent", "2024-01-01T10:00:00+08:00", "+8613800000001", "{}");
    String bad = event("b2", "/telecom/x", "telecom.sms.sent", "2024-01-01T10:00:00+08:00", "nope", "{}");
    assertEquals(1, codec.parseBatch(ok).size());
    assertEquals(2, codec.parseBatch("[" + ok + "," + ok + "]").size());
    EventException e = assertThrows(EventException.class, () -> codec.parseBatch("[" + ok + "," + bad + "]"));
    assertEquals("[1].subject", e.field());
  }

  /** Random mutations of valid events: every outcome is a valid event or an EventException, never anything else. */
  @Test
  void mutatedEventsAreAcceptedOrRejectedCleanly() {
    String base = event("m", "/payment/alipay", "payment.initiated", "2020-09-05T04:20:12+08:00", "+8613800000001",
        "{\"account\":\"2088\",\"amount\":\"2000.00\",\"currency\":\"CNY\",\"card\":\"6217000000000000017\",\"category\":\"top_up\"}");
    SplittableRandom r = new SplittableRandom(42);
    String alphabet = "{}[]\":,0123456789abcdefghijklmnopqrstuvwxyz+-. \\\u0000\u00e9\u4e2d\ud83d\ude00";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder(base);
      int edits = 1 + r.nextInt(4);
      for (int k = 0; k < edits && sb.length() > 0; k++) {
        int at = r.nextInt(sb.length());
        switch (r.nextInt(3)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
          default -> sb.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      String json = sb.toString();
      try {
        Event e = codec.parse(json);
        assertTrue(e.subject().startsWith("+"), json);
      } catch (EventException expected) {
        assertFalse(expected.field().isEmpty(), json);
      } catch (RuntimeException other) {
        throw new AssertionError("seed 42 case " + i + " threw " + other + " for " + json, other);
      }
    }
  }
}
