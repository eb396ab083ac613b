package dev.chainbreaker.core.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One JSON object's values for a fixed set of names, read from a streaming parser in one pass;
 * every other name is skipped. {@link EventCodec} validates what it holds.
 *
 * <p>Why not a JSON tree: a tree keeps every member of every object in a map of nodes, about 2 KB
 * of short-lived objects per event, the largest share of the server's allocation under load
 * (LOAD.md). The codec needs only a few dozen known names, so each object is a small array.
 *
 * <p>A value is held as a {@link String}, a {@link Boolean}, a {@link java.math.BigDecimal} (any
 * number), a {@code List} (an array: its strings, {@link #OTHER} for anything else), a nested
 * {@code JsonFields} where the names say so ({@code data}), {@link #OTHER} (an object, or an array
 * where none is expected) or null (absent or JSON null).
 *
 * <p>A name the codec reads may appear only once per object. JSON leaves duplicates to the parser, and
 * parsers differ (Jackson's tree keeps the last, many keep the first): a gateway that checked
 * {@code "subject"} by the first of two would pass an event this codec applies to another phone.
 */
final class JsonFields {
  /** A value of a kind the codec never accepts for that name: the rejection names the field. */
  static final Object OTHER = new Object() {
    @Override
    public String toString() {
      return "OTHER";
    }
  };

  /** The names one kind of object is read for, and which of them hold a nested object. */
  static final class Names {
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();
    private final String prefix;
    private final Names[] nested;

    Names(String prefix, String... names) {
      this.prefix = prefix;
      this.names = names.clone();
      this.nested = new Names[names.length];
      for (int i = 0; i < names.length; i++) {
        if (index.put(names[i], i) != null) {
          throw new IllegalArgumentException("duplicate name " + names[i]);
        }
      }
    }

    /** Reads the value under {@code name} as an object of {@code inner}'s names. */
    Names nest(String name, Names inner) {
      nested[indexOf(name)] = inner;
      return this;
    }

    int indexOf(String name) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }

    int size() {
      return names.length;
    }

    /** The field as a rejection names it: {@code data.amount}, {@code subject}. */
    String field(int i) {
      return prefix + names[i];
    }
  }

  final Names names;
  private final Object[] values;

  private JsonFields(Names names) {
    this.names = names;
    this.values = new Object[names.size()];
  }

  /** An object with none of the names: what an absent {@code data} reads as. */
  static JsonFields empty(Names names) {
    return new JsonFields(names);
  }

  Object get(int i) {
    return values[i];
  }

  /** The value under a name, or null when the names do not include it. */
  Object get(String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : values[i];
  }

  /** Reads the object whose {@code START_OBJECT} the parser is on, up to and including its end. */
  static JsonFields read(JsonParser p, Names names) {
    JsonFields out = new JsonFields(names);
    boolean[] seen = new boolean[names.size()]; // values[i] cannot tell: a JSON null is held as null
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken t = p.nextToken();
      int i = names.indexOf(name);
      if (i < 0) {
        p.skipChildren(); // an extension attribute or a field the codec does not read
        continue;
      }
      if (seen[i]) {
        throw new EventException(names.field(i), "appears twice in one object; send each field once");
      }
      seen[i] = true;
      Names inner = names.nested[i];
      out.values[i] = inner != null && t == JsonToken.START_OBJECT ? read(p, inner) : value(p, t);
    }
    return out;
  }

  /** A value whose first token is {@code t}; containers are consumed to their end. */
  static Object value(JsonParser p, JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> p.getString();
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case START_ARRAY -> array(p);
      default -> {
        p.skipChildren();
        yield OTHER;
      }
    };
  }

  /**
   * The next token inside an open array. Jackson reports an input that ends there as malformed; the
   * check keeps a loop over the array from spinning should a parser ever return null instead.
   */
  static JsonToken next(JsonParser p) {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new EventException("body", "malformed JSON: the input ends inside an array");
    }
    return t;
  }

  private static List<Object> array(JsonParser p) {
    List<Object> out = new ArrayList<>(4);
    JsonToken t;
    while ((t = next(p)) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        out.add(p.getString());
      } else {
        p.skipChildren();
        out.add(OTHER);
      }
    }
    return out;
  }
}
