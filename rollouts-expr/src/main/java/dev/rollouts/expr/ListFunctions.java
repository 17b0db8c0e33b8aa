package dev.rollouts.expr;

import static dev.rollouts.expr.Builtins.define;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * expr's built-ins over lists and maps: {@code len max min mean median first last get take keys
 * values reverse uniq concat sort join}. {@code max}, {@code min}, {@code mean} and {@code median}
 * take numbers or lists of numbers (nested lists are flattened), as expr 1.17's do. {@code keys}
 * and {@code values} list a map in key order (Go's order is random; sorted is one of its orders).
 */
final class ListFunctions {
  private ListFunctions() {}

  static void register() {
    define("len", 1, 1, a -> Access.length(a[0]));
    define("max", 1, Integer.MAX_VALUE, a -> extreme("max", a, ">"));
    define("min", 1, Integer.MAX_VALUE, a -> extreme("min", a, "<"));
    define("mean", 1, Integer.MAX_VALUE, ListFunctions::mean);
    define("median", 1, Integer.MAX_VALUE, ListFunctions::median);
    define("first", 1, 1, a -> end("first", a[0], true));
    define("last", 1, 1, a -> end("last", a[0], false));
    define("get", 2, 2, a -> get(a[0], a[1]));
    define("take", 2, 2, ListFunctions::take);
    define("keys", 1, 1, a -> entries("keys", a[0], true));
    define("values", 1, 1, a -> entries("values", a[0], false));
    define("reverse", 1, 1, ListFunctions::reverse);
    define("uniq", 1, 1, ListFunctions::uniq);
    define("concat", 1, Integer.MAX_VALUE, ListFunctions::concat);
    define("sort", 1, 2, ListFunctions::sort);
    define("join", 1, 2, ListFunctions::join);
  }

  private static Object extreme(String name, Object[] args, String better) {
    if (args.length == 1 && !(args[0] instanceof List) && !Values.isNumber(args[0])) {
      return args[0];
    }
    List<Object> numbers = new ArrayList<>();
    for (Object arg : args) {
      flatten(name, arg, numbers, 0);
    }
    Object best = null;
    for (Object n : numbers) {
      if (best == null || Operators.compare(better, n, best)) {
        best = n;
      }
    }
    return best;
  }

  private static void flatten(String name, Object v, List<Object> out, int depth) {
    if (depth > Parser.MAX_DEPTH) {
      throw new ExpressionEvaluationException("max depth exceeded");
    }
    v = Values.normalize(v);
    if (Values.isNumber(v)) {
      out.add(v);
    } else if (v instanceof List<?> list) {
      for (Object item : list) {
        flatten(name, item, out, depth + 1);
      }
    } else {
      throw Builtins.invalidArgument(name, v);
    }
  }

  private static Object mean(Object[] args) {
    List<Object> numbers = new ArrayList<>();
    for (Object arg : args) {
      flatten("mean", arg, numbers, 0);
    }
    if (numbers.isEmpty()) {
      return 0.0;
    }
    double total = 0;
    for (Object n : numbers) {
      total += Operators.toDouble(n);
    }
    return total / numbers.size();
  }

  private static Object median(Object[] args) {
    List<Object> numbers = new ArrayList<>();
    for (Object arg : args) {
      flatten("median", arg, numbers, 0);
    }
    if (numbers.isEmpty()) {
      return 0.0;
    }
    double[] sorted = numbers.stream().mapToDouble(Operators::toDouble).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Object end(String name, Object v, boolean first) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> list)) {
      throw new ExpressionEvaluationException(
          "cannot get " + name + " element from " + Values.typeName(v));
    }
    return list.isEmpty() ? null : Values.normalize(list.get(first ? 0 : list.size() - 1));
  }

  /** {@code get(v, k)}: like {@code v[k]}, but nil instead of any error. */
  private static Object get(Object v, Object key) {
    try {
      return Access.fetch(v, key, false);
    } catch (ExpressionEvaluationException e) {
      return null;
    }
  }

  private static Object take(Object[] a) {
    if (!(a[0] instanceof List<?> list)) {
      throw new ExpressionEvaluationException("cannot take from " + Values.typeName(a[0]));
    }
    if (!(a[1] instanceof Long n)) {
      throw new ExpressionEvaluationException("cannot take " + Values.typeName(a[1]) + " elements");
    }
    return Collections.unmodifiableList(
        list.subList(0, (int) Math.max(0, Math.min(n, list.size()))));
  }

  private static Object entries(String name, Object v, boolean keys) {
    if (!(v instanceof Map<?, ?> map)) {
      throw new ExpressionEvaluationException("cannot get " + name + " from " + Values.typeName(v));
    }
    List<Object> out = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
      out.add(keys ? e.getKey() : Values.normalize(e.getValue()));
    }
    return Collections.unmodifiableList(out);
  }

  private static Object reverse(Object[] a) {
    List<Object> out = new ArrayList<>(Builtins.list("reverse", a[0]));
    Collections.reverse(out);
    return Collections.unmodifiableList(out);
  }

  private static Object uniq(Object[] a) {
    List<Object> out = new ArrayList<>();
    for (Object item : Builtins.list("uniq", a[0])) {
      Object v = Values.normalize(item);
      if (out.stream().noneMatch(seen -> Operators.equal(seen, v))) {
        out.add(v);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Object concat(Object[] a) {
    List<Object> out = new ArrayList<>();
    for (Object arg : a) {
      out.addAll(Builtins.list("concat", arg));
    }
    return Collections.unmodifiableList(out);
  }

  private static Object sort(Object[] a) {
    List<Object> out = new ArrayList<>();
    for (Object item : Builtins.list("sort", a[0])) {
      out.add(Values.normalize(item));
    }
    boolean desc = descending("sort", a.length > 1 ? a[1] : "asc");
    out.sort((x, y) -> order(x, y, desc));
    return Collections.unmodifiableList(out);
  }

  static boolean descending(String function, Object order) {
    if ("asc".equals(order)) {
      return false;
    } else if ("desc".equals(order)) {
      return true;
    }
    throw new ExpressionEvaluationException(
        "unknown order, use asc or desc (got " + Values.format(order) + ")");
  }

  /** Orders two numbers or two strings; anything else cannot be sorted. */
  static int order(Object x, Object y, boolean desc) {
    int c = Operators.compare("<", x, y) ? -1 : Operators.compare(">", x, y) ? 1 : 0;
    return desc ? -c : c;
  }

  private static Object join(Object[] a) {
    String glue = a.length == 2 ? Builtins.string("join", a[1]) : "";
    StringBuilder out = new StringBuilder();
    List<?> items = Builtins.list("join", a[0]);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(glue);
      }
      out.append(Builtins.string("join", items.get(i)));
    }
    return out.toString();
  }
}
