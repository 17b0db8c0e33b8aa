package dev.rollouts.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Kubernetes' label selector syntax ({@code labels.Parse}): {@code k=v}, {@code k==v}, {@code
 * k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k} and {@code !k}, joined by commas.
 */
final class LabelSelector {

  private final List<Predicate<Map<String, String>>> requirements;

  private LabelSelector(List<Predicate<Map<String, String>>> requirements) {
    this.requirements = requirements;
  }

  static LabelSelector parse(String selector) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String part : splitTopLevel(selector == null ? "" : selector)) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      requirements.add(requirement(p, selector));
    }
    return new LabelSelector(List.copyOf(requirements));
  }

  boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.test(labels));
  }

  private static Predicate<Map<String, String>> requirement(String p, String selector) {
    java.util.regex.Matcher set =
        java.util.regex.Pattern.compile("^([\\w./-]+)\\s+(in|notin)\\s*\\(([^)]*)\\)$").matcher(p);
    if (set.matches()) {
      String key = set.group(1);
      Set<String> values = Set.copyOf(splitValues(set.group(3)));
      return set.group(2).equals("in")
          ? labels -> labels.containsKey(key) && values.contains(labels.get(key))
          : labels -> !labels.containsKey(key) || !values.contains(labels.get(key));
    }
    int ne = p.indexOf("!=");
    if (ne > 0) {
      String key = p.substring(0, ne).strip();
      String value = p.substring(ne + 2).strip();
      return labels -> !value.equals(labels.get(key));
    }
    int eq = p.indexOf('=');
    if (eq > 0) {
      String key = p.substring(0, eq).strip();
      String value = p.substring(p.startsWith("==", eq) ? eq + 2 : eq + 1).strip();
      return labels -> value.equals(labels.get(key));
    }
    if (p.startsWith("!") && p.substring(1).strip().matches("[\\w./-]+")) {
      String key = p.substring(1).strip();
      return labels -> !labels.containsKey(key);
    }
    if (p.matches("[\\w./-]+")) {
      return labels -> labels.containsKey(p);
    }
    throw new NotificationConfigException(
        "unable to parse requirement: \"" + p + "\" in selector \"" + selector + "\"");
  }

  private static List<String> splitValues(String values) {
    List<String> out = new ArrayList<>();
    for (String v : values.split(",")) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
