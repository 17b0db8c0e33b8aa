package dev.rollouts.expr;

import dev.rollouts.expr.Code.Scope;
import dev.rollouts.expr.Node.Call;
import dev.rollouts.expr.Node.Predicate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-ins that take a predicate: {@code all any none one filter map count sum find findIndex
 * findLast findLastIndex groupBy sortBy reduce}. Inside the predicate {@code #} is the element,
 * {@code #index} its index, {@code #acc} the accumulator of {@code reduce}, and {@code .name} is
 * {@code #.name}. {@code all}, {@code none}, {@code any} and {@code one} stop at the first element
 * that decides them.
 */
final class Predicates {
  /** A compiled predicate body and the first of its three slots (element, index, acc). */
  record Closure(Code body, int base) {
    Object call(Scope s, Object element, int index) {
      s.slots[base] = element;
      s.slots[base + 1] = (long) index;
      return body.run(s);
    }

    boolean test(Scope s, Object element, int index) {
      Object v = call(s, element, index);
      if (v instanceof Boolean b) {
        return b;
      }
      throw new ExpressionEvaluationException(
          "predicate should return boolean (got " + Values.typeName(v) + ")");
    }
  }

  private Predicates() {}

  static Code compile(Compiler compiler, Call call) {
    String name = call.name();
    Code array = compiler.compile(call.args().get(0)).code();
    Closure fn =
        call.args().size() > 1
            ? compiler.predicate((Predicate) call.args().get(1))
            : identity(compiler);
    Code extra = call.args().size() > 2 ? compiler.compile(call.args().get(2)).code() : null;
    return s -> {
      List<?> items = Builtins.list(name, array.run(s));
      return switch (name) {
        case "all" -> quantify(s, items, fn, false, true);
        case "none" -> quantify(s, items, fn, true, true);
        case "any" -> quantify(s, items, fn, true, false);
        case "one" -> one(s, items, fn);
        case "filter" -> filter(s, items, fn);
        case "map" -> map(s, items, fn);
        case "count" -> count(s, items, fn);
        case "sum" -> sum(s, items, fn);
        case "find" -> find(s, items, fn, false, false);
        case "findIndex" -> find(s, items, fn, false, true);
        case "findLast" -> find(s, items, fn, true, false);
        case "findLastIndex" -> find(s, items, fn, true, true);
        case "groupBy" -> groupBy(s, items, fn);
        case "sortBy" -> sortBy(s, items, fn, extra == null ? "asc" : extra.run(s));
        default -> reduce(s, items, fn, extra, extra == null ? null : extra.run(s));
      };
    };
  }

  /** {@code count(xs)} and {@code sum(xs)} without a predicate use the element itself. */
  private static Closure identity(Compiler compiler) {
    Predicate self = new Predicate(new Node.Pointer("", 0), 0);
    return compiler.predicate(self);
  }

  /** all: stop at the first false; none: stop at the first true; any: stop at the first true. */
  private static boolean quantify(
      Scope s, List<?> items, Closure fn, boolean stopOn, boolean negate) {
    for (int i = 0; i < items.size(); i++) {
      if (fn.test(s, Values.normalize(items.get(i)), i) == stopOn) {
        return !negate;
      }
    }
    return negate;
  }

  private static boolean one(Scope s, List<?> items, Closure fn) {
    int matches = 0;
    for (int i = 0; i < items.size(); i++) {
      if (fn.test(s, Values.normalize(items.get(i)), i) && ++matches > 1) {
        return false;
      }
    }
    return matches == 1;
  }

  private static List<Object> filter(Scope s, List<?> items, Closure fn) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = Values.normalize(items.get(i));
      if (fn.test(s, item, i)) {
        out.add(item);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Object> map(Scope s, List<?> items, Closure fn) {
    List<Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(fn.call(s, Values.normalize(items.get(i)), i));
    }
    return Collections.unmodifiableList(out);
  }

  private static long count(Scope s, List<?> items, Closure fn) {
    long n = 0;
    for (int i = 0; i < items.size(); i++) {
      if (fn.test(s, Values.normalize(items.get(i)), i)) {
        n++;
      }
    }
    return n;
  }

  /** expr starts the sum at int 0 and adds with {@code +}: all ints give an int. */
  private static Object sum(Scope s, List<?> items, Closure fn) {
    Object acc = 0L;
    for (int i = 0; i < items.size(); i++) {
      Object v = fn.call(s, Values.normalize(items.get(i)), i);
      if (!Values.isNumber(v)) {
        throw Builtins.invalidArgument("sum", v);
      }
      acc = Operators.add(acc, v);
    }
    return acc;
  }

  private static Object find(Scope s, List<?> items, Closure fn, boolean last, boolean index) {
    for (int k = 0; k < items.size(); k++) {
      int i = last ? items.size() - 1 - k : k;
      Object item = Values.normalize(items.get(i));
      if (fn.test(s, item, i)) {
        return index ? (Object) (long) i : item;
      }
    }
    return index ? (Object) (-1L) : null;
  }

  /** Groups by the predicate's value, as a map keyed by that value printed with {@code %v}. */
  private static Map<String, Object> groupBy(Scope s, List<?> items, Closure fn) {
    Map<String, List<Object>> groups = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = Values.normalize(items.get(i));
      String key = Values.format(fn.call(s, item, i));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, Collections.unmodifiableList(v)));
    return Collections.unmodifiableMap(out);
  }

  private static List<Object> sortBy(Scope s, List<?> items, Closure fn, Object order) {
    List<Object[]> keyed = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = Values.normalize(items.get(i));
      keyed.add(new Object[] {fn.call(s, item, i), item});
    }
    boolean desc = ListFunctions.descending("sortBy", order);
    keyed.sort((a, b) -> ListFunctions.order(a[0], b[0], desc));
    List<Object> out = new ArrayList<>(keyed.size());
    keyed.forEach(pair -> out.add(pair[1]));
    return Collections.unmodifiableList(out);
  }

  private static Object reduce(Scope s, List<?> items, Closure fn, Code init, Object initial) {
    int start = 0;
    Object acc = initial;
    if (init == null) {
      if (items.isEmpty()) {
        throw new ExpressionEvaluationException("reduce of empty array with no initial value");
      }
      acc = Values.normalize(items.get(0));
      start = 1;
    }
    for (int i = start; i < items.size(); i++) {
      s.slots[fn.base() + 2] = acc;
      acc = fn.call(s, Values.normalize(items.get(i)), i);
    }
    return acc;
  }
}
