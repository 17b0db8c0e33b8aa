package dev.rollouts.expr;

import java.util.List;
import java.util.Map;

/**
 * How expression values look when printed, as Go prints them. Use it to put a value in a message
 * the way Argo would ({@code result[0] = 0.5 did not satisfy ...}).
 */
public final class Values {
  private Values() {}

  /**
   * Go's {@code fmt} {@code %v} rendering of an expression value: {@code 0.5} → {@code "0.5"},
   * {@code 1e21} → {@code "1e+21"}, {@code NaN} → {@code "NaN"}, {@code +Inf}, {@code [1 2]} for a
   * list, {@code map[a:1 b:2]} for a map (keys sorted, as Go's fmt sorts them), {@code <nil>} for
   * null, strings as they are.
   */
  public static String format(Object value) {
    return String.valueOf(value);
  }

  /** The Go type name expr-lang uses for a value in its messages: int, float64, string, bool, … */
  static String typeName(Object value) {
    if (value == null) {
      return "<nil>";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof Long || value instanceof Integer) {
      return "int";
    } else if (value instanceof Double || value instanceof Float) {
      return "float64";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof List) {
      return "[]interface {}";
    } else if (value instanceof Map) {
      return "map[string]interface {}";
    }
    return value.getClass().getName();
  }
}
