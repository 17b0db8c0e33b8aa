package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed label selector ({@code app=web,tier!=db,env in (a,b),!legacy}) or field selector ({@code
 * metadata.name=web,status.phase!=Running}), as the API server accepts them in {@code
 * labelSelector} and {@code fieldSelector}.
 */
final class Selector {

  private enum Op {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    NOT_EXISTS
  }

  private record Requirement(String key, Op op, Set<String> values) {}

  static final Selector EVERYTHING = new Selector(List.of(), false);

  private final List<Requirement> requirements;
  private final boolean fields;

  private Selector(List<Requirement> requirements, boolean fields) {
    this.requirements = requirements;
    this.fields = fields;
  }

  static Selector labels(String text) {
    return parse(text, false);
  }

  static Selector fields(String text) {
    return parse(text, true);
  }

  private static Selector parse(String text, boolean fields) {
    if (text == null || text.isBlank()) {
      return new Selector(List.of(), fields);
    }
    List<Requirement> reqs = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      reqs.add(requirement(p));
    }
    return new Selector(List.copyOf(reqs), fields);
  }

  private static Requirement requirement(String p) {
    String lower = p.replaceAll("\\s+", " ");
    int notIn = lower.indexOf(" notin ");
    int in = lower.indexOf(" in ");
    if (notIn > 0) {
      return new Requirement(lower.substring(0, notIn).trim(), Op.NOT_IN, values(lower, notIn));
    }
    if (in > 0) {
      return new Requirement(lower.substring(0, in).trim(), Op.IN, values(lower, in));
    }
    int ne = p.indexOf("!=");
    if (ne > 0) {
      return new Requirement(
          p.substring(0, ne).trim(), Op.NOT_EQUALS, Set.of(p.substring(ne + 2).trim()));
    }
    int eq = p.indexOf('=');
    if (eq > 0) {
      String value = p.substring(p.startsWith("=", eq + 1) ? eq + 2 : eq + 1).trim();
      return new Requirement(p.substring(0, eq).trim(), Op.EQUALS, Set.of(value));
    }
    if (p.startsWith("!")) {
      return new Requirement(p.substring(1).trim(), Op.NOT_EXISTS, Set.of());
    }
    return new Requirement(p, Op.EXISTS, Set.of());
  }

  private static Set<String> values(String text, int at) {
    int open = text.indexOf('(', at);
    int close = text.indexOf(')', open);
    if (open < 0 || close < 0) {
      throw ApiException.badRequest("unable to parse requirement: " + text);
    }
    Set<String> out = new java.util.LinkedHashSet<>();
    for (String v : text.substring(open + 1, close).split(",")) {
      out.add(v.trim());
    }
    return out;
  }

  /** Splits on commas outside parentheses. */
  private static List<String> splitTopLevel(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** An equality requirement an index can answer: {@code key=value}. */
  Optional<String> indexablePair() {
    return requirements.stream()
        .filter(r -> r.op == Op.EQUALS)
        .findFirst()
        .map(r -> r.key + "=" + r.values.iterator().next());
  }

  boolean matches(JsonNode object) {
    for (Requirement r : requirements) {
      Optional<String> value = fields ? field(object, r.key) : label(object, r.key);
      boolean ok =
          switch (r.op) {
            case EQUALS, IN -> value.isPresent() && r.values.contains(value.get());
            case NOT_EQUALS, NOT_IN -> value.isEmpty() || !r.values.contains(value.get());
            case EXISTS -> value.isPresent();
            case NOT_EXISTS -> value.isEmpty();
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> label(JsonNode object, String key) {
    JsonNode v = object.path("metadata").path("labels").get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }

  /** A field selector's value: a dotted path; absent fields read as the empty string. */
  private static Optional<String> field(JsonNode object, String path) {
    JsonNode node = object;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return Optional.of(node.isMissingNode() || node.isNull() ? "" : node.asText());
  }
}
