package dev.rollouts.expr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operators on values, with Go's and expr-lang's number rules (expr {@code vm/runtime}):
 *
 * <ul>
 *   <li>int op int is an int for {@code + - * %}, wrapping on overflow as Go's int64 does ({@code
 *       9223372036854775807 + 1 == -9223372036854775808});
 *   <li>any float makes {@code + - *} a float; {@code /} and {@code **} are always floats ({@code 7
 *       / 2 == 3.5}, {@code 1 / 0 == +Inf}); {@code %} takes ints only, and {@code x % 0} is an
 *       error ("integer divide by zero");
 *   <li>ints and floats compare by value ({@code 1 == 1.0}); NaN is unequal to everything and every
 *       ordering with NaN is false;
 *   <li>{@code ==} between values of different kinds is false ({@code 1 == "1"}); ordering them is
 *       an error ({@code invalid operation: < (mismatched types <nil> and float64)}).
 * </ul>
 */
final class Operators {
  private Operators() {}

  static Object add(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x + y;
    } else if (Values.isNumber(a) && Values.isNumber(b)) {
      return toDouble(a) + toDouble(b);
    } else if (a instanceof String x && b instanceof String y) {
      return x.concat(y);
    } else if (a instanceof Instant t && b instanceof Duration d) {
      return t.plus(d);
    } else if (a instanceof Duration d && b instanceof Instant t) {
      return t.plus(d);
    } else if (a instanceof Duration x && b instanceof Duration y) {
      return x.plus(y);
    }
    throw mismatched("+", a, b);
  }

  static Object subtract(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x - y;
    } else if (Values.isNumber(a) && Values.isNumber(b)) {
      return toDouble(a) - toDouble(b);
    } else if (a instanceof Instant x && b instanceof Instant y) {
      return Duration.between(y, x);
    } else if (a instanceof Instant t && b instanceof Duration d) {
      return t.minus(d);
    } else if (a instanceof Duration x && b instanceof Duration y) {
      return x.minus(y);
    }
    throw mismatched("-", a, b);
  }

  static Object multiply(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x * y;
    } else if (Values.isNumber(a) && Values.isNumber(b)) {
      return toDouble(a) * toDouble(b);
    }
    throw mismatched("*", a, b);
  }

  static Object divide(Object a, Object b) {
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return toDouble(a) / toDouble(b);
    }
    throw mismatched("/", a, b);
  }

  static Object modulo(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw new ExpressionEvaluationException("runtime error: integer divide by zero");
      }
      return x % y;
    }
    throw mismatched("%", a, b);
  }

  /** Go's {@code math.Pow}, whose special cases differ from Java's for a base of 1 or -1. */
  static Object power(String op, Object a, Object b) {
    if (Values.isNumber(a) && Values.isNumber(b)) {
      double x = toDouble(a);
      double y = toDouble(b);
      if (x == 1 || (x == -1 && Double.isInfinite(y))) {
        return 1.0;
      }
      return Math.pow(x, y);
    }
    throw mismatched(op, a, b);
  }

  static Object negate(Object a) {
    if (a instanceof Long x) {
      return -x;
    } else if (a instanceof Double x) {
      return -x;
    }
    throw new ExpressionEvaluationException(
        "invalid operation: - (mismatched type " + Values.typeName(a) + ")");
  }

  /** {@code <}, {@code <=}, {@code >}, {@code >=} on two numbers or two strings. */
  static boolean compare(String op, Object a, Object b) {
    int c;
    if (a instanceof Long x && b instanceof Long y) {
      c = Long.compare(x, y);
    } else if (Values.isNumber(a) && Values.isNumber(b)) {
      double x = toDouble(a);
      double y = toDouble(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return false;
      }
      c = x < y ? -1 : x > y ? 1 : 0;
    } else if (a instanceof String x && b instanceof String y) {
      c = compareStrings(x, y);
    } else if (a instanceof Instant x && b instanceof Instant y) {
      c = x.compareTo(y);
    } else if (a instanceof Duration x && b instanceof Duration y) {
      c = x.compareTo(y);
    } else {
      throw mismatched(op, a, b);
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  /** Go compares strings byte by byte in UTF-8, which is code-point order. */
  static int compareStrings(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  /**
   * expr's {@code ==}: numbers by value across int and float, lists element by element with the
   * same rule, maps by deep equality, everything else by kind and value; values of different kinds
   * are unequal, and nil equals only nil.
   */
  static boolean equal(Object a, Object b) {
    a = Values.normalize(a);
    b = Values.normalize(b);
    if (a instanceof Long x && b instanceof Long y) {
      return x.longValue() == y.longValue();
    } else if (Values.isNumber(a) && Values.isNumber(b)) {
      return toDouble(a) == toDouble(b);
    } else if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return deepEqual(x, y);
    } else if (a == null || b == null) {
      return a == b;
    }
    return a.equals(b);
  }

  /** Go's {@code reflect.DeepEqual} on two values: kinds must match exactly (1 is not 1.0). */
  private static boolean deepEqual(Object a, Object b) {
    a = Values.normalize(a);
    b = Values.normalize(b);
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    } else if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!deepEqual(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !deepEqual(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    } else if (a == null || b == null) {
      return a == b;
    }
    return a.equals(b);
  }

  /** {@code needle in haystack}: an element of a list (by {@code ==}), a key of a map. */
  static boolean in(Object needle, Object haystack) {
    if (haystack == null) {
      return false;
    } else if (haystack instanceof List<?> list) {
      for (Object item : list) {
        if (equal(item, needle)) {
          return true;
        }
      }
      return false;
    } else if (haystack instanceof Map<?, ?> map) {
      if (!(needle instanceof String)) {
        throw new ExpressionEvaluationException(
            "cannot use " + Values.typeName(needle) + " as a key of " + Values.typeName(map));
      }
      return map.containsKey(needle);
    }
    throw new ExpressionEvaluationException(
        "operator \"in\" not defined on " + Values.typeName(haystack));
  }

  static double toDouble(Object number) {
    return number instanceof Long l ? (double) l : (Double) number;
  }

  static ExpressionEvaluationException mismatched(String op, Object a, Object b) {
    return new ExpressionEvaluationException(
        "invalid operation: "
            + op
            + " (mismatched types "
            + Values.typeName(a)
            + " and "
            + Values.typeName(b)
            + ")");
  }
}
