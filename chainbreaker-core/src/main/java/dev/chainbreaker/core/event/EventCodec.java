package dev.chainbreaker.core.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CloudEvents (JSON structured mode) into validated {@link Event}s. Every rejection names the
 * field ({@code data.amount}, {@code subject}, …). Sensitive identifiers are hashed and masked here,
 * at the boundary, so nothing downstream ever sees them raw.
 */
public final class EventCodec {
  /**
   * The earliest event time accepted. Nothing this engine judges happened before it, while a sender's
   * unset timestamp reads as 1970-01-01 and year 1 is a default value: accepted, such an event would be
   * decided against a phone clock decades behind every real one.
   */
  static final java.time.Instant EARLIEST = java.time.Instant.parse("2000-01-01T00:00:00Z");
  static final Set<String> CHANNELS = Set.of("store", "hotline", "ivr", "app", "web", "sms");
  static final Set<String> MESSAGE_CHANNELS = Set.of("sms", "rcs", "im");
  static final Set<String> VERIFICATIONS =
      Set.of("in_person_id", "service_password", "sms_otp", "password", "face", "id_number_and_contacts", "trusted_device", "none");
  static final Set<String> ACTORS = Set.of("subscriber", "agent");
  static final Set<String> PURPOSES =
      Set.of("login", "password_reset", "card_binding", "payment", "phone_change", "account_creation", "loan");
  static final Set<String> REAL_NAME = Set.of("face", "sms_otp", "bank_card", "same_device_subaccount", "none");
  static final Set<String> FIELDS = Set.of("id_number", "id_photo", "bank_card", "address");
  static final Set<String> CARD_TYPES = Set.of("debit", "credit");
  static final Set<String> CHECKS = Set.of("cvv", "expiry", "sms_otp", "payment_password", "face");
  static final Set<String> CATEGORIES =
      Set.of("merchant", "transfer", "top_up", "virtual_card", "game_card", "gift_card", "cash_out");
  static final Set<String> FORWARDING = Set.of("unconditional", "busy", "no_answer", "not_reachable");
  static final int MAX_TEXT = 64 * 1024;
  /** Every field but a message text: identifiers, names and codes are short. */
  static final int MAX_FIELD = 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  // Compiled once: String.matches compiles its pattern on every call, and these run for every event with money or a card.
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern CARD_DIGITS = Pattern.compile("[0-9]{12,19}");
  /** Digits, with an optional leading + and spaces or dashes between them: 3 to 20 digits in all. */
  private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9](?:[ -]?[0-9]){2,19}");

  // The names read from an event's data, by position; every other name is skipped.
  private static final int CHANNEL = 0, VERIFICATION = 1, ACTOR = 2, ACCOUNT = 3, DEVICE_ID = 4, DEVICE_MODEL = 5,
      NEW_DEVICE = 6, AMOUNT = 7, CURRENCY_CODE = 8, CARD = 9, ID_NUMBER = 10, DISBURSE_TO = 11, CATEGORY = 12,
      COUNTERPARTY = 13, PURPOSE = 14, SENDER_NUMBER = 15, REAL_NAME_VERIFICATION = 16, FIELD_LIST = 17, CHECK_LIST = 18,
      QUICK_BIND = 19, CARD_TYPE = 20, KIND = 21, TARGET = 22, IMEI = 23, PREVIOUS_IMEI = 24, ICCID = 25, NEW_PHONE = 26,
      TO = 27, SENDER = 28, TEXT = 29, REASON = 30, REPORTER = 31;
  static final JsonFields.Names DATA = new JsonFields.Names("data.",
      "channel", "verification", "actor", "account", "deviceId", "deviceModel",
      "newDevice", "amount", "currency", "card", "idNumber", "disburseTo", "category",
      "counterparty", "purpose", "senderNumber", "realNameVerification", "fields", "checks",
      "quickBind", "cardType", "kind", "target", "imei", "previousImei", "iccid", "newPhone",
      "to", "sender", "text", "reason", "reporter");
  // The CloudEvents envelope's names the contract uses.
  private static final int SPECVERSION = 0, ID = 1, SOURCE = 2, TYPE = 3, TIME = 4, SUBJECT = 5, DATACONTENTTYPE = 6, DATA_OBJECT = 7;
  static final JsonFields.Names ENVELOPE = new JsonFields.Names("",
      "specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data").nest("data", DATA);

  private final PhoneNumbers phones;
  private final Sensitive sensitive;

  public EventCodec(PhoneNumbers phones, Sensitive sensitive) {
    this.phones = phones;
    this.sensitive = sensitive;
  }

  /** The phone-number normaliser this codec uses (its default region), for callers that take numbers elsewhere. */
  public PhoneNumbers phones() {
    return phones;
  }

  /** Parses one event from JSON text. */
  public Event parse(String json) {
    return read(body(json), 0);
  }

  /** Parses a batch (JSON array) or a single event (JSON object). */
  public List<Event> parseBatch(String json) {
    Body body = body(json);
    List<Event> out = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      try {
        out.add(read(body, i));
      } catch (EventException e) {
        throw body.isArray() ? new EventException("[" + i + "]." + e.field(), e.detail()) : e;
      }
    }
    return out;
  }

  /**
   * A request body read but not yet validated: one event (a JSON object, or any other value, which
   * {@link #read(Body, int)} rejects) or a JSON array of them. Malformed JSON anywhere in it is an
   * error on the whole body, before any event is looked at.
   */
  public static final class Body {
    private final boolean array;
    private final List<Object> items;

    private Body(boolean array, List<Object> items) {
      this.array = array;
      this.items = items;
    }

    /** True for a JSON array (a batch), false for a single value. */
    public boolean isArray() {
      return array;
    }

    /** The number of events: the array's length, or 1. */
    public int size() {
      return items.size();
    }
  }

  /** Reads JSON text into a {@link Body}; malformed JSON is an error on {@code body}. */
  public static Body body(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      return body(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Reads a UTF-8 body (already checked to be valid UTF-8) into a {@link Body}; malformed JSON is an error on {@code body}. */
  public static Body body(byte[] utf8) {
    try (JsonParser p = JSON.createParser(utf8)) {
      return body(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static Body body(JsonParser p) {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new EventException("body", "malformed JSON: no content");
    }
    Body body;
    if (first == JsonToken.START_ARRAY) {
      List<Object> items = new ArrayList<>();
      JsonToken t;
      while ((t = JsonFields.next(p)) != JsonToken.END_ARRAY) {
        try {
          items.add(item(p, t));
        } catch (EventException e) {
          if (e.field().equals("body")) {
            throw e; // malformed JSON is an error on the whole body
          }
          // a field sent twice, found while parsing: named within its event, as read() names the rest
          throw new EventException("[" + items.size() + "]." + e.field(), e.detail());
        }
      }
      body = new Body(true, items);
    } else {
      body = new Body(false, List.of(item(p, first)));
    }
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw new EventException("body", "malformed JSON: trailing token (" + trailing + ") after the top-level value");
    }
    return body;
  }

  private static Object item(JsonParser p, JsonToken t) {
    if (t == JsonToken.START_OBJECT) {
      return JsonFields.read(p, ENVELOPE);
    }
    p.skipChildren();
    return JsonFields.OTHER;
  }

  private static EventException malformed(JacksonException e) {
    return new EventException("body", "malformed JSON: " + e.getOriginalMessage());
  }

  /** Validates the {@code index}th event of a body; a rejection names the field within the event. */
  public Event read(Body body, int index) {
    if (!(body.items.get(index) instanceof JsonFields n)) {
      throw new EventException("event", "must be a JSON object");
    }
    String spec = text(n, SPECVERSION, true);
    if (!"1.0".equals(spec)) {
      throw new EventException("specversion", "must be \"1.0\"");
    }
    String id = text(n, ID, true);
    if (id.isEmpty() || id.length() > 256) {
      throw new EventException("id", "must be 1 to 256 characters");
    }
    String source = text(n, SOURCE, true);
    SourceKind kind = sourceKind(source);
    String typeName = text(n, TYPE, true);
    EventType type = EventType.fromWire(typeName);
    if (type == null) {
      throw new EventException("type", "unknown event type '" + clip(typeName) + "'");
    }
    if (!type.reportableBy(kind)) {
      throw new EventException("source", type.wire() + " is reported by " + type.reporters() + " (events.md), not by a "
          + kind.wire() + " institution");
    }
    OffsetDateTime time;
    String timeText = text(n, TIME, true);
    try {
      time = EventTime.parse(timeText);
    } catch (DateTimeParseException e) {
      throw new EventException("time", "must be RFC 3339 with an offset, e.g. 2020-09-04T20:51:07+08:00");
    }
    if (time.toInstant().isBefore(EARLIEST)) {
      throw new EventException("time", "is before " + EARLIEST + ": an unset timestamp (1970-01-01 is zero) or a"
          + " wrong clock; an event's time is when it happened");
    }
    String subject;
    try {
      subject = phones.normalise(text(n, SUBJECT, true));
    } catch (IllegalArgumentException e) {
      throw new EventException("subject", e.getMessage());
    }
    Object ct = n.get(DATACONTENTTYPE);
    if (ct != null && !(ct instanceof String s && s.startsWith("application/json"))) {
      throw new EventException("datacontenttype", "must be application/json");
    }
    Object dataValue = n.get(DATA_OBJECT);
    JsonFields data;
    if (dataValue == null) {
      data = JsonFields.empty(DATA);
    } else if (dataValue instanceof JsonFields d) {
      data = d;
    } else {
      throw new EventException("data", "must be a JSON object");
    }
    for (String f : type.requiredFields()) {
      if (data.get(f) == null) {
        throw new EventException("data." + f, "is required for " + type.wire());
      }
    }
    EventData d = readData(type, source, data);
    return new Event(id, source, kind, type, time.toInstant().toEpochMilli(), time.getOffset().getTotalSeconds(), subject, d);
  }

  private EventData readData(EventType type, String source, JsonFields d) {
    String channel = text(d, CHANNEL, false);
    if (channel != null) {
      Set<String> allowed = type == EventType.MESSAGE_RECEIVED ? MESSAGE_CHANNELS : CHANNELS;
      oneOf("data.channel", channel, allowed);
    }
    String verification = oneOf("data.verification", text(d, VERIFICATION, false), VERIFICATIONS);
    String actor = oneOf("data.actor", text(d, ACTOR, false), ACTORS);
    String accountRaw = text(d, ACCOUNT, false);
    Protected account = accountRaw == null ? null : sensitive.account(source, accountRaw);
    Object a = d.get(AMOUNT);
    double amount = a == null ? Double.NaN : amount(a);
    String currency = text(d, CURRENCY_CODE, false);
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new EventException("data.currency", "must be an ISO 4217 code such as CNY");
    }
    Protected card = cardOf(d, CARD);
    Protected disburseTo = cardOf(d, DISBURSE_TO);
    String idRaw = text(d, ID_NUMBER, false);
    Protected idNumber = null;
    if (idRaw != null) {
      if (idRaw.length() < 6 || idRaw.length() > 32) {
        throw new EventException("data.idNumber", "is not an identity number");
      }
      idNumber = sensitive.idNumber(idRaw);
    }
    String text = text(d, TEXT, false);
    if (text != null && text.length() > MAX_TEXT) {
      throw new EventException("data.text", "is longer than " + MAX_TEXT + " characters");
    }
    text = FreeText.mask(text);
    return new EventData(
        channel,
        verification,
        actor,
        account,
        text(d, DEVICE_ID, false),
        text(d, DEVICE_MODEL, false),
        bool(d, NEW_DEVICE),
        amount,
        currency,
        card,
        idNumber,
        disburseTo,
        oneOf("data.category", text(d, CATEGORY, false), CATEGORIES),
        FreeText.mask(text(d, COUNTERPARTY, false)),
        oneOf("data.purpose", text(d, PURPOSE, false), PURPOSES),
        text(d, SENDER_NUMBER, false),
        oneOf("data.realNameVerification", text(d, REAL_NAME_VERIFICATION, false), REAL_NAME),
        list(d, FIELD_LIST, FIELDS),
        list(d, CHECK_LIST, CHECKS),
        Boolean.TRUE.equals(bool(d, QUICK_BIND)),
        oneOf("data.cardType", text(d, CARD_TYPE, false), CARD_TYPES),
        oneOf("data.kind", text(d, KIND, false), FORWARDING),
        dialable(d, TARGET),
        text(d, IMEI, false),
        text(d, PREVIOUS_IMEI, false),
        text(d, ICCID, false),
        newPhone(d),
        dialable(d, TO),
        text(d, SENDER, false),
        text,
        FreeText.mask(text(d, REASON, false)),
        FreeText.mask(text(d, REPORTER, false)));
  }

  /** A number calls or texts go to (forwarding target, SMS recipient): digits, perhaps a short code such as 12599. */
  private static String dialable(JsonFields d, int field) {
    String raw = text(d, field, false);
    if (raw != null && !DIALABLE.matcher(raw).matches()) {
      throw new EventException(d.names.field(field), "must be a phone number or a short code (digits, optionally with + and separators)");
    }
    return raw;
  }

  /** The account's new bound number: a phone number like the subject, in E.164. */
  private String newPhone(JsonFields d) {
    String raw = text(d, NEW_PHONE, false);
    if (raw == null) {
      return null;
    }
    try {
      return phones.normalise(raw);
    } catch (IllegalArgumentException e) {
      throw new EventException("data.newPhone", e.getMessage());
    }
  }

  private Protected cardOf(JsonFields d, int field) {
    String raw = text(d, field, false);
    if (raw == null) {
      return null;
    }
    String digits = raw.replace(" ", "").replace("-", "");
    if (!CARD_DIGITS.matcher(digits).matches()) {
      throw new EventException(d.names.field(field), "must be a card number of 12 to 19 digits");
    }
    return sensitive.card(digits);
  }

  private static double amount(Object a) {
    BigDecimal v;
    try {
      if (a instanceof String s) {
        v = new BigDecimal(s.strip());
      } else if (a instanceof BigDecimal number) {
        v = number;
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new EventException("data.amount", "must be a decimal string such as \"5000.00\"");
    }
    if (v.signum() < 0 || v.compareTo(new BigDecimal("1e12")) > 0) {
      throw new EventException("data.amount", "must be between 0 and 1e12");
    }
    return v.doubleValue();
  }

  private static SourceKind sourceKind(String source) {
    if (!source.startsWith("/") || source.length() > 256) {
      throw new EventException("source", "must look like /<kind>/<name>, e.g. /telecom/sc-telecom");
    }
    int slash = source.indexOf('/', 1);
    if (slash < 0 || slash == source.length() - 1) {
      throw new EventException("source", "must look like /<kind>/<name>, e.g. /telecom/sc-telecom");
    }
    SourceKind kind = SourceKind.fromWire(source.substring(1, slash));
    if (kind == null) {
      throw new EventException(
          "source",
          "unknown institution kind '" + clip(source.substring(1, slash))
              + "' (telecom, gov, device-vendor, payment, bank, lender, merchant, antifraud, handset)");
    }
    return kind;
  }

  private static String text(JsonFields n, int field, boolean required) {
    Object v = n.get(field);
    if (v == null) {
      if (required) {
        throw new EventException(n.names.field(field), "is required");
      }
      return null;
    }
    if (!(v instanceof String value)) {
      throw new EventException(n.names.field(field), "must be a string");
    }
    if (value.length() > MAX_FIELD && !(n.names == DATA && field == TEXT)) { // a message text has its own limit
      throw new EventException(n.names.field(field), "is longer than " + MAX_FIELD + " characters");
    }
    if (hasUnpairedSurrogate(value)) {
      throw new EventException(n.names.field(field), "is not valid Unicode text: it has an unpaired surrogate (a lone \\uD800-\\uDFFF escape)");
    }
    return value;
  }

  /**
   * A JSON escape can produce half a surrogate pair (RFC 8259 allows it; I-JSON, RFC 7493, does not). Such a string
   * has no UTF-8 form: stored, it would turn into '?', so two different event ids would share one retry key and a
   * recovered state would differ from the replayed one.
   */
  static boolean hasUnpairedSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }

  private static Boolean bool(JsonFields d, int field) {
    Object v = d.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw new EventException(d.names.field(field), "must be true or false");
    }
    return b;
  }

  private static List<String> list(JsonFields d, int field, Set<String> allowed) {
    Object v = d.get(field);
    if (v == null) {
      return List.of();
    }
    String name = d.names.field(field);
    if (!(v instanceof List<?> items)) {
      throw new EventException(name, "must be an array of strings");
    }
    List<String> out = new ArrayList<>(items.size());
    for (Object e : items) {
      if (!(e instanceof String s)) {
        throw new EventException(name, "must be an array of strings");
      }
      out.add(oneOf(name, s, allowed));
    }
    return List.copyOf(out);
  }

  private static String oneOf(String field, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new EventException(field, "'" + clip(value) + "' is not one of " + new java.util.TreeSet<>(allowed));
    }
    return value;
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
