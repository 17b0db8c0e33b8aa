package dev.rollouts.notifications.template;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Go's view of template values: the invalid value, truth, and the argument conversions. */
final class Values {

  /** Go's invalid {@code reflect.Value}: what a missing map key evaluates to. */
  static final Object MISSING =
      new Object() {
        @Override
        public String toString() {
          return "<no value>";
        }
      };

  private Values() {}

  /**
   * Go's {@code truth}: false, 0, nil, an empty string, list or map, and the missing value are
   * false; everything else is true.
   */
  static boolean isTrue(Object value) {
    if (value == null || value == MISSING) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Long l) {
      return l != 0;
    }
    if (value instanceof Integer i) {
      return i != 0;
    }
    if (value instanceof Double d) {
      return d != 0;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof byte[] b) {
      return b.length > 0;
    }
    if (value instanceof GoDuration d) {
      return d.nanos() != 0;
    }
    return true;
  }

  /** An argument passed to an {@code interface{}} parameter: the missing value becomes nil. */
  static Object plain(Object value) {
    if (value == MISSING) {
      return null;
    }
    if (value instanceof Integer i) {
      return (long) i;
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /** An argument to a {@code string} parameter. */
  static String string(Object value) {
    Object v = plain(value);
    if (v instanceof String s) {
      return s;
    }
    throw new ArgumentException(
        v == null ? "invalid value; expected string" : wrongType(v, "string"));
  }

  /** An argument to an {@code int} parameter. */
  static long integer(Object value) {
    Object v = plain(value);
    if (v instanceof Long l) {
      return l;
    }
    throw new ArgumentException(v == null ? "invalid value; expected int" : wrongType(v, "int"));
  }

  /** An argument to a {@code []interface{}} parameter. */
  static List<?> list(Object value) {
    Object v = plain(value);
    if (v instanceof List<?> l) {
      return l;
    }
    if (v == null) {
      return List.of();
    }
    throw new ArgumentException(wrongType(v, "[]interface {}"));
  }

  /** An argument to a {@code map[string]interface{}} parameter. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    Object v = plain(value);
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    if (v == null) {
      return Map.of();
    }
    throw new ArgumentException(wrongType(v, "map[string]interface {}"));
  }

  static String wrongType(Object value, String expected) {
    return "wrong type for value; expected " + expected + "; got " + Printer.typeName(value);
  }

  /** A bad argument: Go reports it without the {@code error calling} prefix. */
  static final class ArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ArgumentException(String message) {
      super(message);
    }
  }
}
