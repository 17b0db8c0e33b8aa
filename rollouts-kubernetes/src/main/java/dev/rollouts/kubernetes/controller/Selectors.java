package dev.rollouts.kubernetes.controller;

import java.util.List;
import java.util.Map;

/**
 * Label selectors as trees ({@code matchLabels}, {@code matchExpressions}), matched in code: the
 * in-process test server ignores {@code in} and {@code notin} in a selector, and an informer serves
 * from its cache anyway.
 */
final class Selectors {

  private Selectors() {}

  /**
   * Whether {@code selector} (a {@code LabelSelector} tree) selects {@code labels}; an empty or
   * absent selector selects nothing.
   */
  static boolean matches(Object selector, Map<String, String> labels) {
    if (!(selector instanceof Map<?, ?> s) || s.isEmpty()) {
      return false;
    }
    if (s.get("matchLabels") instanceof Map<?, ?> matchLabels) {
      for (Map.Entry<?, ?> e : matchLabels.entrySet()) {
        if (!String.valueOf(e.getValue()).equals(labels.get(String.valueOf(e.getKey())))) {
          return false;
        }
      }
    }
    if (s.get("matchExpressions") instanceof List<?> expressions) {
      for (Object expression : expressions) {
        if (!(expression instanceof Map<?, ?> r) || !requirement(r, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean requirement(Map<?, ?> r, Map<String, String> labels) {
    String actual = labels.get(String.valueOf(r.get("key")));
    List<?> values = r.get("values") instanceof List<?> l ? l : List.of();
    return switch (String.valueOf(r.get("operator"))) {
      case "In" -> actual != null && values.contains(actual);
      case "NotIn" -> actual == null || !values.contains(actual);
      case "Exists" -> actual != null;
      case "DoesNotExist" -> actual == null;
      default -> false;
    };
  }
}
