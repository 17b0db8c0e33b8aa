package dev.rollouts.kubernetes.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value in a JSON-like tree, with the object it belongs to and its path in that object, so that
 * every reading error names both: {@code Rollout default/web: spec.replicas: must be an integer,
 * was "three"}.
 *
 * <p>An absent value and a JSON {@code null} are the same: absent. Reading an absent value gives an
 * empty {@link Optional}, an empty map or an empty list; reading a present value of the wrong type
 * throws {@link ManifestException}.
 */
final class Node {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String object;
  private final String path;
  private final Object value;

  private Node(String object, String path, Object value) {
    this.object = object;
    this.path = path;
    this.value = value;
  }

  /** The tree of {@code object} at {@code path} (empty for the object itself). */
  static Node of(String object, String path, Object value) {
    return new Node(object, path, value);
  }

  String object() {
    return object;
  }

  String path() {
    return path;
  }

  boolean isPresent() {
    return value != null;
  }

  /** The value at {@code key} of this object; absent if this node is absent. */
  Node get(String key) {
    Object child = mapOrEmpty().get(key);
    String childPath = PLAIN_KEY.matcher(key).matches() ? key : "[\"" + key + "\"]";
    String joined =
        path.isEmpty() || childPath.startsWith("[") ? path + childPath : path + "." + childPath;
    return new Node(object, joined, child);
  }

  /** The items of this list, each with its index in the path; none if absent. */
  List<Node> items() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error("must be a list, was " + describe(value));
    }
    List<Node> items = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      items.add(new Node(object, path + "[" + i + "]", list.get(i)));
    }
    return items;
  }

  /** This object's entries, in order; empty if absent. */
  Map<String, Object> mapOrEmpty() {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error("must be an object, was " + describe(value));
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    map.forEach((k, v) -> entries.put(String.valueOf(k), v));
    return entries;
  }

  /** This object, if present. */
  Optional<Map<String, Object>> map() {
    return value == null ? Optional.empty() : Optional.of(mapOrEmpty());
  }

  Optional<String> string() {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    throw error("must be a string, was " + describe(value));
  }

  Optional<Boolean> bool() {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    throw error("must be true or false, was " + describe(value));
  }

  Optional<Integer> integer() {
    return whole()
        .map(
            n -> {
              if (n.bitLength() > 31) {
                throw error(
                    "must be an integer between -2147483648 and 2147483647, was "
                        + describe(value));
              }
              return n.intValue();
            });
  }

  Optional<Long> longInteger() {
    return whole()
        .map(
            n -> {
              if (n.bitLength() > 63) {
                throw error("must be a 64-bit integer, was " + describe(value));
              }
              return n.longValue();
            });
  }

  /** An RFC 3339 time, as {@code 2026-01-01T00:00:00Z}. */
  Optional<Instant> time() {
    return string().map(this::parseTime);
  }

  /** Parses {@code text}, a value of this node, as an RFC 3339 time. */
  Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw error("must be an RFC 3339 time like \"2026-01-01T00:00:00Z\", was " + describe(text));
    }
  }

  /** A map of strings to strings ({@code labels}, {@code matchLabels}); empty if absent. */
  Map<String, String> stringMap() {
    Map<String, String> strings = new LinkedHashMap<>();
    mapOrEmpty().keySet().forEach(key -> get(key).string().ifPresent(s -> strings.put(key, s)));
    return strings;
  }

  /** A list of strings; empty if absent. */
  List<String> strings() {
    return items().stream().map(item -> item.string().orElse("")).toList();
  }

  /** The value, for the caller to interpret. */
  Object raw() {
    return value;
  }

  /** A {@link ManifestException} naming this node's object and path. */
  ManifestException error(String problem) {
    return new ManifestException(object, path, problem);
  }

  /** How a value is shown after "was": strings quoted, objects and lists by kind. */
  static String describe(Object value) {
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return String.valueOf(value);
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private Optional<BigInteger> whole() {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return Optional.of(BigInteger.valueOf(((Number) value).longValue()));
    }
    if (value instanceof BigInteger big) {
      return Optional.of(big);
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      try {
        return Optional.of(new BigDecimal(value.toString()).toBigIntegerExact());
      } catch (ArithmeticException | NumberFormatException e) {
        throw error("must be an integer, was " + describe(value));
      }
    }
    throw error("must be an integer, was " + describe(value));
  }
}
