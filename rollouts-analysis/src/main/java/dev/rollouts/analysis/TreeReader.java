package dev.rollouts.analysis;

import dev.rollouts.analysis.spec.IntOrString;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** Typed reads from a JSON-like tree, with errors that name the field's path. */
final class TreeReader {

  private TreeReader() {}

  static Optional<String> string(Map<String, ?> tree, String key, String path) {
    Object value = tree.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    throw wrong(path + "." + key, "a string", value);
  }

  static String requiredString(Map<String, ?> tree, String key, String path) {
    return string(tree, key, path)
        .orElseThrow(() -> new IllegalArgumentException(path + "." + key + ": required"));
  }

  static Optional<Integer> integer(Map<String, ?> tree, String key, String path) {
    Object value = tree.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.intValue());
    }
    throw wrong(path + "." + key, "an integer", value);
  }

  static boolean bool(Map<String, ?> tree, String key, String path) {
    Object value = tree.get(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrong(path + "." + key, "true or false", value);
  }

  static Optional<IntOrString> intOrString(Map<String, ?> tree, String key, String path) {
    Object value = tree.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(IntOrString.of(s));
    }
    return integer(tree, key, path).map(IntOrString::of);
  }

  static Optional<Instant> time(Map<String, ?> tree, String key, String path) {
    return string(tree, key, path)
        .map(
            s -> {
              try {
                return Instant.parse(s);
              } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                    path + "." + key + ": expected an RFC 3339 time, got \"" + s + "\"");
              }
            });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, ?> tree, String key, String path) {
    Object value = tree.get(key);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw wrong(path + "." + key, "an object", value);
  }

  static Map<String, String> stringMap(Map<String, ?> tree, String key, String path) {
    Map<String, String> result = new LinkedHashMap<>();
    map(tree, key, path).forEach((k, v) -> result.put(k, String.valueOf(v)));
    return result;
  }

  /** Each element of the list at {@code key}, read as an object by {@code read(element, path)}. */
  @SuppressWarnings("unchecked")
  static <T> List<T> list(
      Map<String, ?> tree,
      String key,
      String path,
      BiFunction<Map<String, Object>, String, T> read) {
    Object value = tree.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw wrong(path + "." + key, "a list", value);
    }
    java.util.ArrayList<T> result = new java.util.ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String at = path + "." + key + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> element)) {
        throw wrong(at, "an object", list.get(i));
      }
      result.add(read.apply((Map<String, Object>) element, at));
    }
    return result;
  }

  /** The entries of {@code tree} whose keys are not in {@code known}. */
  static Map<String, Object> extra(Map<String, ?> tree, Set<String> known) {
    Map<String, Object> extra = new LinkedHashMap<>();
    tree.forEach(
        (k, v) -> {
          if (!known.contains(k) && v != null) {
            extra.put(k, v);
          }
        });
    return extra;
  }

  private static IllegalArgumentException wrong(String path, String expected, Object value) {
    return new IllegalArgumentException(
        path + ": expected " + expected + ", got " + describe(value));
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return String.valueOf(value);
  }
}
