package dev.chainbreaker.core.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CloudEvents (JSON structured mode) into validated {@link Event}s. Every rejection names the
 * field ({@code data.amount}, {@code subject}, …). Sensitive identifiers are hashed and masked here,
 * at the boundary, so nothing downstream ever sees them raw.
 */
public final class EventCodec {
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
    return read(tree(json));
  }

  /** Parses a batch (JSON array) or a single event (JSON object). */
  public List<Event> parseBatch(String json) {
    JsonNode root = tree(json);
    if (!root.isArray()) {
      return List.of(read(root));
    }
    List<Event> out = new ArrayList<>(root.size());
    int i = 0;
    for (JsonNode n : root.values()) {
      try {
        out.add(read(n));
      } catch (EventException e) {
        throw new EventException("[" + i + "]." + e.field(), e.detail());
      }
      i++;
    }
    return out;
  }

  /** A JSON tree from text; malformed JSON is an error on the whole body. */
  public static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      throw new EventException("body", "malformed JSON: " + e.getOriginalMessage());
    }
  }

  /** Validates one event already read as a JSON tree. */
  public Event read(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new EventException("event", "must be a JSON object");
    }
    String spec = text(n, "specversion", true);
    if (!"1.0".equals(spec)) {
      throw new EventException("specversion", "must be \"1.0\"");
    }
    String id = text(n, "id", true);
    if (id.isEmpty() || id.length() > 256) {
      throw new EventException("id", "must be 1 to 256 characters");
    }
    String source = text(n, "source", true);
    SourceKind kind = sourceKind(source);
    String typeName = text(n, "type", true);
    EventType type = EventType.fromWire(typeName);
    if (type == null) {
      throw new EventException("type", "unknown event type '" + clip(typeName) + "'");
    }
    OffsetDateTime time;
    String timeText = text(n, "time", true);
    try {
      time = EventTime.parse(timeText);
    } catch (DateTimeParseException e) {
      throw new EventException("time", "must be RFC 3339 with an offset, e.g. 2020-09-04T20:51:07+08:00");
    }
    String subject;
    try {
      subject = phones.normalise(text(n, "subject", true));
    } catch (IllegalArgumentException e) {
      throw new EventException("subject", e.getMessage());
    }
    JsonNode ct = n.get("datacontenttype");
    if (ct != null && !ct.isNull() && !(ct.isString() && ct.stringValue().startsWith("application/json"))) {
      throw new EventException("datacontenttype", "must be application/json");
    }
    JsonNode data = n.get("data");
    if (data == null || data.isNull()) {
      data = JSON.createObjectNode();
    } else if (!data.isObject()) {
      throw new EventException("data", "must be a JSON object");
    }
    for (String f : type.requiredFields()) {
      JsonNode v = data.get(f);
      if (v == null || v.isNull()) {
        throw new EventException("data." + f, "is required for " + type.wire());
      }
    }
    EventData d = readData(type, source, data);
    return new Event(id, source, kind, type, time.toInstant().toEpochMilli(), time.getOffset().getTotalSeconds(), subject, d);
  }

  private EventData readData(EventType type, String source, JsonNode d) {
    String channel = text(d, "channel", false);
    if (channel != null) {
      Set<String> allowed = type == EventType.MESSAGE_RECEIVED ? MESSAGE_CHANNELS : CHANNELS;
      oneOf("data.channel", channel, allowed);
    }
    String verification = oneOf("data.verification", text(d, "verification", false), VERIFICATIONS);
    String actor = oneOf("data.actor", text(d, "actor", false), ACTORS);
    String accountRaw = text(d, "account", false);
    Protected account = accountRaw == null ? null : sensitive.account(source, accountRaw);
    double amount = Double.NaN;
    JsonNode a = d.get("amount");
    if (a != null && !a.isNull()) {
      amount = amount(a);
    }
    String currency = text(d, "currency", false);
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      throw new EventException("data.currency", "must be an ISO 4217 code such as CNY");
    }
    Protected card = cardOf(d, "card");
    Protected disburseTo = cardOf(d, "disburseTo");
    String idRaw = text(d, "idNumber", false);
    Protected idNumber = null;
    if (idRaw != null) {
      if (idRaw.length() < 6 || idRaw.length() > 32) {
        throw new EventException("data.idNumber", "is not an identity number");
      }
      idNumber = sensitive.idNumber(idRaw);
    }
    String text = text(d, "text", false);
    if (text != null && text.length() > MAX_TEXT) {
      throw new EventException("data.text", "is longer than " + MAX_TEXT + " characters");
    }
    return new EventData(
        channel,
        verification,
        actor,
        account,
        text(d, "deviceId", false),
        text(d, "deviceModel", false),
        bool(d, "newDevice"),
        amount,
        currency,
        card,
        idNumber,
        disburseTo,
        oneOf("data.category", text(d, "category", false), CATEGORIES),
        text(d, "counterparty", false),
        oneOf("data.purpose", text(d, "purpose", false), PURPOSES),
        text(d, "senderNumber", false),
        oneOf("data.realNameVerification", text(d, "realNameVerification", false), REAL_NAME),
        list(d, "fields", FIELDS),
        list(d, "checks", CHECKS),
        Boolean.TRUE.equals(bool(d, "quickBind")),
        oneOf("data.cardType", text(d, "cardType", false), CARD_TYPES),
        oneOf("data.kind", text(d, "kind", false), FORWARDING),
        text(d, "target", false),
        text(d, "imei", false),
        text(d, "previousImei", false),
        text(d, "iccid", false),
        text(d, "newPhone", false),
        text(d, "to", false),
        text(d, "sender", false),
        text,
        text(d, "reason", false),
        text(d, "reporter", false));
  }

  private Protected cardOf(JsonNode d, String field) {
    String raw = text(d, field, false);
    if (raw == null) {
      return null;
    }
    String digits = raw.replace(" ", "").replace("-", "");
    if (!CARD_DIGITS.matcher(digits).matches()) {
      throw new EventException("data." + field, "must be a card number of 12 to 19 digits");
    }
    return sensitive.card(digits);
  }

  private static double amount(JsonNode a) {
    BigDecimal v;
    try {
      if (a.isString()) {
        v = new BigDecimal(a.stringValue().strip());
      } else if (a.isNumber()) {
        v = a.decimalValue();
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

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new EventException(field, "is required");
      }
      return null;
    }
    if (!v.isString()) {
      throw new EventException(prefix(n, field), "must be a string");
    }
    String value = v.stringValue();
    if (value.length() > MAX_FIELD && !field.equals("text")) {
      throw new EventException(prefix(n, field), "is longer than " + MAX_FIELD + " characters");
    }
    if (hasUnpairedSurrogate(value)) {
      throw new EventException(prefix(n, field), "is not valid Unicode text: it has an unpaired surrogate (a lone \\uD800-\\uDFFF escape)");
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

  private static String prefix(JsonNode n, String field) {
    // Envelope fields sit next to "specversion"; everything else is inside data.
    return n.has("specversion") ? field : "data." + field;
  }

  private static Boolean bool(JsonNode d, String field) {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw new EventException("data." + field, "must be true or false");
    }
    return v.booleanValue();
  }

  private static List<String> list(JsonNode d, String field, Set<String> allowed) {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new EventException("data." + field, "must be an array of strings");
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode e : v.values()) {
      if (!e.isString()) {
        throw new EventException("data." + field, "must be an array of strings");
      }
      out.add(oneOf("data." + field, e.stringValue(), allowed));
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
