package dev.rollouts.cli.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient reading of a JSON tree (maps, lists, strings, numbers, booleans) as fabric8 holds the
 * {@code spec} and {@code status} of a Rollout. A missing field, or one of the wrong type, reads as
 * absent: a view never fails on an odd object, it shows less.
 */
public final class Tree {

  private Tree() {}

  /** The value at {@code path} below {@code root}, if every step is an object that has it. */
  public static Optional<Object> at(Object root, String... path) {
    Object node = root;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      node = map.get(key);
    }
    return Optional.ofNullable(node);
  }

  /** The object at {@code path}, if it is one. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> object(Object root, String... path) {
    return at(root, path).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m);
  }

  /** The list at {@code path}; empty if absent or not a list. */
  public static List<?> list(Object root, String... path) {
    return at(root, path).filter(List.class::isInstance).map(l -> (List<?>) l).orElse(List.of());
  }

  /** The non-empty string at {@code path}. */
  public static Optional<String> string(Object root, String... path) {
    return at(root, path)
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .filter(s -> !s.isEmpty());
  }

  /** The integer at {@code path}: a JSON number, or a string of digits. */
  public static Optional<Integer> integer(Object root, String... path) {
    return at(root, path).flatMap(Tree::toInteger);
  }

  /** Whether the value at {@code path} is {@code true}. */
  public static boolean isTrue(Object root, String... path) {
    return at(root, path).map(Boolean.TRUE::equals).orElse(false);
  }

  private static Optional<Integer> toInteger(Object value) {
    if (value instanceof Number n) {
      return Optional.of(n.intValue());
    }
    if (value instanceof String s) {
      try {
        return Optional.of(Integer.parseInt(s.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
