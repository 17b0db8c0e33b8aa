package dev.rollouts.notifications.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reading a service's YAML settings. */
final class Settings {

  private Settings() {}

  static String string(Map<String, Object> settings, String key) {
    Object v = settings.get(key);
    return v == null ? "" : String.valueOf(v);
  }

  static boolean bool(Map<String, Object> settings, String key) {
    Object v = settings.get(key);
    return Boolean.TRUE.equals(v) || "true".equals(v);
  }

  static int integer(Map<String, Object> settings, String key, int fallback) {
    Object v = settings.get(key);
    if (v instanceof Number n) {
      return n.intValue();
    }
    try {
      return v == null ? fallback : Integer.parseInt(v.toString());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> settings, String key) {
    return settings.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> settings, String key) {
    return settings.get(key) instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** A Go duration setting such as {@code 1s} or {@code 500ms}. */
  static Duration duration(Map<String, Object> settings, String key, Duration fallback) {
    String v = string(settings, key);
    if (v.isEmpty()) {
      return fallback;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)(ms|s|m|h)$").matcher(v);
    if (!m.matches()) {
      return fallback;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }
}
