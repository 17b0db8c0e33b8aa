package dev.rollouts.expr;

import static dev.rollouts.expr.Builtins.define;
import static dev.rollouts.expr.Builtins.integer;
import static dev.rollouts.expr.Builtins.string;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * expr's less common built-ins: the {@code bit*} operations on ints (with Go's shifts: a count of
 * 64 or more shifts everything out, a negative count is an error), {@code toPairs} / {@code
 * fromPairs}, {@code flatten} and {@code splitAfter}.
 */
final class MoreFunctions {
  private MoreFunctions() {}

  static void register() {
    define("bitand", 2, 2, a -> integer("bitand", a[0]) & integer("bitand", a[1]));
    define("bitor", 2, 2, a -> integer("bitor", a[0]) | integer("bitor", a[1]));
    define("bitxor", 2, 2, a -> integer("bitxor", a[0]) ^ integer("bitxor", a[1]));
    define("bitnand", 2, 2, a -> integer("bitnand", a[0]) & ~integer("bitnand", a[1]));
    define("bitnot", 1, 1, a -> ~integer("bitnot", a[0]));
    define("bitshl", 2, 2, a -> shift("bitshl", a));
    define("bitshr", 2, 2, a -> shift("bitshr", a));
    define("bitushr", 2, 2, a -> shift("bitushr", a));
    define("toPairs", 1, 1, a -> toPairs(a[0]));
    define("fromPairs", 1, 1, a -> fromPairs(a[0]));
    define("flatten", 1, 1, a -> flatten(a[0]));
    define("splitAfter", 2, 3, MoreFunctions::splitAfter);
  }

  private static long shift(String name, Object[] a) {
    long x = integer(name, a[0]);
    long n = integer(name, a[1]);
    if (n < 0) {
      throw new ExpressionEvaluationException(
          "invalid operation: negative shift count " + n + " (type int)");
    }
    if (n >= 64) {
      return name.equals("bitshr") && x < 0 ? -1 : 0;
    }
    return switch (name) {
      case "bitshl" -> x << n;
      case "bitshr" -> x >> n;
      default -> x >>> n;
    };
  }

  private static Object toPairs(Object v) {
    if (!(v instanceof Map<?, ?> map)) {
      throw new ExpressionEvaluationException(
          "cannot transform " + Values.typeName(v) + " to pairs");
    }
    List<Object> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
      out.add(
          Collections.unmodifiableList(
              java.util.Arrays.asList(e.getKey(), Values.normalize(e.getValue()))));
    }
    return Collections.unmodifiableList(out);
  }

  private static Object fromPairs(Object v) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object pair : Builtins.list("fromPairs", v)) {
      if (!(pair instanceof List<?> kv) || kv.size() != 2) {
        throw new ExpressionEvaluationException("invalid pair " + Values.format(pair));
      }
      if (!(kv.get(0) instanceof String key)) {
        throw new ExpressionEvaluationException(
            "cannot use " + Values.typeName(kv.get(0)) + " as a map key");
      }
      out.put(key, Values.normalize(kv.get(1)));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object flatten(Object v) {
    List<Object> out = new ArrayList<>();
    flatten(Builtins.list("flatten", v), out, 0);
    return Collections.unmodifiableList(out);
  }

  private static void flatten(List<?> list, List<Object> out, int depth) {
    if (depth > Parser.MAX_DEPTH) {
      throw new ExpressionEvaluationException("max depth exceeded");
    }
    for (Object item : list) {
      if (item instanceof List<?> inner) {
        flatten(inner, out, depth + 1);
      } else {
        out.add(Values.normalize(item));
      }
    }
  }

  /**
   * Go's {@code strings.SplitAfter} / {@code SplitAfterN}: like split, each part keeping its
   * separator; with {@code n}, at most n parts (n = 0: none, n < 0: all).
   */
  private static Object splitAfter(Object[] a) {
    String s = string("splitAfter", a[0]);
    String sep = string("splitAfter", a[1]);
    long n = a.length == 3 ? integer("splitAfter", a[2]) : -1;
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return List.of();
    }
    if (sep.isEmpty()) {
      int i = 0;
      while (i < s.length() && (n < 0 || out.size() < n - 1)) {
        int cp = s.codePointAt(i);
        out.add(new String(Character.toChars(cp)));
        i += Character.charCount(cp);
      }
      if (i < s.length()) {
        out.add(s.substring(i));
      }
      return Collections.unmodifiableList(out);
    }
    int from = 0;
    int at;
    while ((n < 0 || out.size() < n - 1) && (at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at + sep.length()));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return Collections.unmodifiableList(out);
  }
}
