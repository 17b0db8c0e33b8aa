package dev.rollouts.metrics.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a provider's configuration map, with messages that name the field. */
public final class ProviderConfig {

  private ProviderConfig() {}

  /** The string at {@code key}, if it is a non-empty string. */
  public static Optional<String> string(Map<String, ?> config, String key) {
    return config.get(key) instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  /** The boolean at {@code key}, false if absent. */
  public static boolean bool(Map<String, ?> config, String key) {
    return config.get(key) instanceof Boolean b && b;
  }

  /**
   * The integer at {@code key}, if any.
   *
   * @throws IllegalArgumentException if it is not an integer
   */
  public static Optional<Long> integer(Map<String, ?> config, String key) {
    Object value = config.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.longValue());
    }
    throw new IllegalArgumentException(key + ": expected an integer, got " + value);
  }

  /** The map at {@code key}, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, ?> config, String key) {
    return config.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The strings of the list at {@code key}. */
  public static List<String> strings(Map<String, ?> config, String key) {
    return config.get(key) instanceof List<?> l
        ? l.stream().map(String::valueOf).toList()
        : List.of();
  }
}
