package dev.rollouts.metrics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' JSONPath ({@code k8s.io/client-go/util/jsonpath}) a web metric's {@code
 * jsonPath} uses, over JSON decoded to maps, lists, strings, doubles, booleans and nulls: a
 * template in braces ({@code {$.data.ok}}, {@code {.items[0].value}}), with {@code $}, {@code
 * .field}, {@code ['field']}, {@code [n]} (negative from the end), {@code [*]}, {@code .*} and
 * {@code ..field}. Text outside braces is literal, as in Kubernetes. Filters and ranges are not
 * supported and are reported as such.
 */
final class JsonPath {

  private final String template;

  private JsonPath(String template) {
    this.template = template;
  }

  static JsonPath parse(String template) {
    return new JsonPath(template.isEmpty() ? "{$}" : template);
  }

  /**
   * Every match, in document order.
   *
   * @throws IllegalArgumentException with Kubernetes' wording: {@code x is not found}, {@code array
   *     index out of bounds: index 3, length 2}
   */
  List<Object> find(Object root) {
    List<Object> results = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        results.add(template.substring(i));
        break;
      }
      if (open > i) {
        results.add(template.substring(i, open));
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed action");
      }
      results.addAll(evaluate(template.substring(open + 1, close).strip(), root));
      i = close + 1;
    }
    return results;
  }

  private static List<Object> evaluate(String path, Object root) {
    if (path.startsWith("range") || path.startsWith("end") || path.contains("?(")) {
      throw new IllegalArgumentException("unsupported JSONPath expression: " + path);
    }
    String rest = path.startsWith("$") ? path.substring(1) : path;
    List<Object> current = List.of(root);
    int i = 0;
    while (i < rest.length()) {
      char c = rest.charAt(i);
      if (rest.startsWith("..", i)) {
        int end = nameEnd(rest, i + 2);
        String name = rest.substring(i + 2, end);
        List<Object> next = new ArrayList<>();
        current.forEach(v -> descend(v, name, next));
        current = next;
        i = end;
      } else if (c == '.') {
        int end = nameEnd(rest, i + 1);
        String name = rest.substring(i + 1, end);
        current = name.equals("*") ? all(current) : field(current, name);
        i = end;
      } else if (c == '[') {
        int end = rest.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated array");
        }
        String inside = rest.substring(i + 1, end).strip();
        if (inside.equals("*")) {
          current = all(current);
        } else if (inside.startsWith("'") || inside.startsWith("\"")) {
          current = field(current, inside.substring(1, inside.length() - 1));
        } else if (inside.contains(":") || inside.contains(",")) {
          throw new IllegalArgumentException("unsupported JSONPath expression: [" + inside + "]");
        } else {
          current = index(current, Integer.parseInt(inside));
        }
        i = end + 1;
      } else {
        throw new IllegalArgumentException("unrecognized character in action: " + c);
      }
    }
    return current;
  }

  private static int nameEnd(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
      i++;
    }
    return i;
  }

  private static List<Object> field(List<Object> values, String name) {
    List<Object> next = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof Map<?, ?> m && m.containsKey(name)) {
        next.add(m.get(name));
      } else {
        throw new IllegalArgumentException(name + " is not found");
      }
    }
    return next;
  }

  private static List<Object> index(List<Object> values, int index) {
    List<Object> next = new ArrayList<>();
    for (Object v : values) {
      if (!(v instanceof List<?> list)) {
        throw new IllegalArgumentException("not an array: " + index);
      }
      int at = index < 0 ? list.size() + index : index;
      if (at < 0 || at >= list.size()) {
        throw new IllegalArgumentException(
            "array index out of bounds: index " + index + ", length " + list.size());
      }
      next.add(list.get(at));
    }
    return next;
  }

  private static List<Object> all(List<Object> values) {
    List<Object> next = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof List<?> list) {
        next.addAll(list);
      } else if (v instanceof Map<?, ?> m) {
        next.addAll(m.values());
      }
    }
    return next;
  }

  private static void descend(Object value, String name, List<Object> out) {
    if (value instanceof Map<?, ?> m) {
      if (m.containsKey(name)) {
        out.add(m.get(name));
      }
      m.values().forEach(v -> descend(v, name, out));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> descend(v, name, out));
    }
  }
}
