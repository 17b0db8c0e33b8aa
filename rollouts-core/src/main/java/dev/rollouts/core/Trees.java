package dev.rollouts.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deeply immutable JSON-like trees: the form in which the engine carries manifest bodies and
 * configuration it does not interpret (a router's configuration, an analysis step).
 *
 * <p>A tree is a {@code Map<String, Object>} whose values are trees, lists of values, {@link
 * String}, {@link Boolean} or {@link Number}. JSON {@code null}s are dropped; key order is kept.
 */
public final class Trees {

  private Trees() {}

  /**
   * A deeply immutable copy of {@code map}.
   *
   * @throws IllegalArgumentException if a value is not a map, list, string, boolean or number
   */
  public static Map<String, Object> copyOf(Map<String, ?> map) {
    ImmutableMap.Builder<String, Object> copy = ImmutableMap.builderWithExpectedSize(map.size());
    map.forEach(
        (key, value) -> {
          if (value != null) {
            copy.put(key, copyValue(value));
          }
        });
    return copy.buildOrThrow();
  }

  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> typed = (Map<String, ?>) map;
      return copyOf(typed);
    }
    if (value instanceof List<?> list) {
      ImmutableList.Builder<Object> copy = ImmutableList.builderWithExpectedSize(list.size());
      list.stream().filter(v -> v != null).forEach(v -> copy.add(copyValue(v)));
      return copy.build();
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    throw new IllegalArgumentException(
        "a tree holds maps, lists, strings, booleans and numbers, not " + value.getClass());
  }

  /** The map at {@code key}, if there is one. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> map(Map<String, ?> tree, String key) {
    return tree.get(key) instanceof Map<?, ?> m
        ? Optional.of((Map<String, Object>) m)
        : Optional.empty();
  }

  /** The string at {@code key}, if there is one. */
  public static Optional<String> string(Map<String, ?> tree, String key) {
    return tree.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** The list at {@code key}, or an empty list. */
  public static List<Object> list(Map<String, ?> tree, String key) {
    return tree.get(key) instanceof List<?> l ? List.copyOf(l) : List.of();
  }
}
