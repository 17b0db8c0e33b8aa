package dev.rollouts.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How expression values look when printed, as Go prints them. Use it to put a value in a message
 * the way Argo would ({@code result[0] = 0.5 did not satisfy ...}).
 */
public final class Values {
  private Values() {}

  /**
   * Go's {@code fmt} {@code %v} rendering of an expression value: {@code 0.5} → {@code "0.5"},
   * {@code 2.0} → {@code "2"}, {@code 100000.0} → {@code "100000"}, {@code 1234567.0} → {@code
   * "1.234567e+06"}, {@code NaN}, {@code +Inf}, {@code -Inf}; a list as {@code [1 2]}, a map as
   * {@code map[a:1 b:2]} (keys sorted, as Go's fmt sorts them), null as {@code <nil>}, strings as
   * they are, a time as {@code 2023-08-13 23:00:00 +0000 UTC}, a duration as {@code 1h30m0s}.
   * Integer, Short, Byte and Float print as Long and Double do.
   */
  public static String format(Object value) {
    StringBuilder out = new StringBuilder();
    format(value, out);
    return out.toString();
  }

  private static void format(Object value, StringBuilder out) {
    Object v = normalize(value);
    if (v == null) {
      out.append("<nil>");
    } else if (v instanceof Double d) {
      out.append(formatFloat(d));
    } else if (v instanceof Instant t) {
      out.append(GoTimes.format(t));
    } else if (v instanceof Duration d) {
      out.append(GoDurations.format(d));
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        format(list.get(i), out);
      }
      out.append(']');
    } else if (v instanceof Map<?, ?> map) {
      out.append("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        out.append(e.getKey()).append(':');
        format(e.getValue(), out);
      }
      out.append(']');
    } else {
      out.append(v);
    }
  }

  /**
   * Go's {@code strconv.FormatFloat(d, 'g', -1, 64)}, which {@code %v} uses: the shortest digits
   * that read back as {@code d}, in exponent form when the decimal exponent is below -4 or at least
   * 6 ({@code 100000}, {@code 1e+06}, {@code 1.5e-05}).
   */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    } else if (d == 0) {
      return (1 / d) < 0 ? "-0" : "0";
    }
    BigDecimal shortest = shortest(d);
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder out = new StringBuilder();
    if (d < 0) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    } else {
      out.append(shortest.abs().toPlainString());
    }
    return out.toString();
  }

  /** The decimal with the fewest significant digits that converts back to {@code d}. */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** The Go type name expr-lang uses for a value in its messages: int, float64, string, bool, … */
  static String typeName(Object value) {
    Object v = normalize(value);
    if (v == null) {
      return "<nil>";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof Long) {
      return "int";
    } else if (v instanceof Double) {
      return "float64";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof List) {
      return "[]interface {}";
    } else if (v instanceof Map) {
      return "map[string]interface {}";
    } else if (v instanceof Instant) {
      return "time.Time";
    } else if (v instanceof Duration) {
      return "time.Duration";
    }
    return v.getClass().getName();
  }

  /**
   * The value as the evaluator works with it: Integer, Short and Byte become Long, Float becomes
   * Double; everything else is returned as it is (containers are normalised when read from).
   */
  static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    } else if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /**
   * The value as {@link Expression#evaluate} returns it: normalised all the way down, containers
   * unmodifiable.
   *
   * @throws ExpressionEvaluationException for a value of a type the language does not have
   */
  static Object export(Object value) {
    Object v = normalize(value);
    if (v == null
        || v instanceof Boolean
        || v instanceof Long
        || v instanceof Double
        || v instanceof String
        || v instanceof Instant
        || v instanceof Duration) {
      return v;
    } else if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(export(item));
      }
      return Collections.unmodifiableList(out);
    } else if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), export(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    throw unsupported(v);
  }

  static ExpressionEvaluationException unsupported(Object value) {
    return new ExpressionEvaluationException(
        "unsupported value of type " + value.getClass().getName());
  }

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double;
  }
}
