package dev.rollouts.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON byte for byte as Go's {@code json.Marshal} writes a typed Go value, given the Go
 * struct layout as a {@link Shape}.
 *
 * <p>A value is a JSON-like tree ({@link Map}, {@link List}, {@link String}, {@link Boolean},
 * {@link Number}); the shape says how Go would have decoded and re-encoded it:
 *
 * <ul>
 *   <li>struct fields come out in declaration order, whatever the tree's key order; keys the struct
 *       does not declare are dropped, as Go's decoder drops them;
 *   <li>map keys come out sorted by their UTF-8 bytes;
 *   <li>a field is written or left out by Go's {@code omitempty} rules (see {@link Field});
 *   <li>strings are escaped as Go 1.22+ escapes them with HTML escaping on: {@code <}, {@code >}
 *       and {@code &} become {@code \u003c}, {@code \u003e}, {@code \u0026};
 *   <li>integers (also a {@code 2.0} read from YAML) are written without a fraction.
 * </ul>
 *
 * <p>A value that does not fit its shape (a string where Go wants a struct) cannot have come from a
 * Rollout the API server accepted; it is written as plain JSON, with sorted keys, so that the
 * output stays deterministic.
 *
 * <p>Example: {@code marshal(Map.of("b", 1, "a", "<"), struct(omitEmpty("a", STRING), pointer("b",
 * INT)))} is {@code {"a":"\u003c","b":1}}.
 */
final class GoJson {

  private GoJson() {}

  /** A Go type, as far as JSON encoding is concerned. */
  sealed interface Shape permits Scalar, SliceOf, MapOf, Struct {}

  /** Go scalar types: {@code string}, the integer types, {@code bool}, and k8s IntOrString. */
  enum Scalar implements Shape {
    STRING,
    INT,
    BOOL,
    /** {@code intstr.IntOrString}: a number stays a number, a string stays a string. */
    INT_OR_STRING
  }

  /** A Go slice {@code []element}; nil is {@code null}. */
  record SliceOf(Shape element) implements Shape {}

  /** A Go {@code map[string]value}; nil is {@code null}; keys are written sorted. */
  record MapOf(Shape value) implements Shape {}

  /** A Go struct; fields in declaration order. */
  record Struct(List<Field> fields) implements Shape {
    Struct {
      fields = List.copyOf(fields);
    }
  }

  /**
   * One struct field: its JSON name, its type, whether the Go field is a pointer and whether its
   * tag says {@code omitempty}.
   *
   * <p>Go's rules, for a field missing from the tree: a pointer, slice or map is {@code null}
   * unless omitempty leaves it out; any other type is its zero value ({@code ""}, {@code 0}, {@code
   * false}, or a struct of zero fields) unless omitempty leaves it out. Omitempty never leaves out
   * a non-pointer struct, and never a pointer that is set, even to a zero value.
   */
  record Field(String name, Shape shape, boolean pointer, boolean omitEmpty) {}

  /** {@code Name *T `json:"name,omitempty"`}: left out only when missing. */
  static Field pointer(String name, Shape shape) {
    return new Field(name, shape, true, true);
  }

  /** {@code Name *T `json:"name"`}: {@code null} when missing. */
  static Field nullable(String name, Shape shape) {
    return new Field(name, shape, true, false);
  }

  /** {@code Name T `json:"name,omitempty"`}: left out when missing or Go-empty. */
  static Field omitEmpty(String name, Shape shape) {
    return new Field(name, shape, false, true);
  }

  /** {@code Name T `json:"name"`}: always written, the zero value when missing. */
  static Field always(String name, Shape shape) {
    return new Field(name, shape, false, false);
  }

  /** A struct of these fields, in declaration order. */
  static Struct struct(Field... fields) {
    return new Struct(Arrays.asList(fields));
  }

  /** {@code json.Marshal} of {@code value} read into a Go value of this shape. */
  static String marshal(Object value, Shape shape) {
    StringBuilder out = new StringBuilder();
    write(out, value, shape);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, Shape shape) {
    if (shape instanceof Struct struct && value instanceof Map<?, ?> map) {
      writeStruct(out, map, struct);
    } else if (shape instanceof SliceOf slice && value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(out, list.get(i), slice.element());
      }
      out.append(']');
    } else if (shape instanceof MapOf mapOf && value instanceof Map<?, ?> map) {
      writeMap(out, map, mapOf.value());
    } else {
      writePlain(out, value);
    }
  }

  private static void writeStruct(StringBuilder out, Map<?, ?> map, Struct struct) {
    out.append('{');
    boolean first = true;
    for (Field field : struct.fields()) {
      Object value = map.get(field.name());
      if (field.omitEmpty() && (field.pointer() ? value == null : isEmpty(value, field))) {
        continue;
      }
      out.append(first ? "" : ",");
      first = false;
      appendString(out, field.name());
      out.append(':');
      if (value != null) {
        write(out, value, field.shape());
      } else if (field.pointer()) {
        out.append("null");
      } else {
        writeZero(out, field.shape());
      }
    }
    out.append('}');
  }

  /** Go's {@code isEmptyValue} of a non-pointer field: never true for a struct. */
  private static boolean isEmpty(Object value, Field field) {
    if (field.shape() instanceof Struct) {
      return false;
    }
    if (value == null) {
      return true;
    }
    if (value instanceof String s) {
      return s.isEmpty();
    }
    if (value instanceof Boolean b) {
      return !b;
    }
    if (value instanceof Number n) {
      return isZero(n);
    }
    if (value instanceof List<?> l) {
      return l.isEmpty();
    }
    return value instanceof Map<?, ?> m && m.isEmpty();
  }

  private static void writeZero(StringBuilder out, Shape shape) {
    if (shape instanceof Struct struct) {
      writeStruct(out, Map.of(), struct);
    } else if (shape == Scalar.STRING) {
      out.append("\"\"");
    } else if (shape == Scalar.BOOL) {
      out.append("false");
    } else if (shape == Scalar.INT || shape == Scalar.INT_OR_STRING) {
      out.append('0');
    } else {
      out.append("null");
    }
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, Shape valueShape) {
    out.append('{');
    boolean first = true;
    for (Object key : sortedKeys(map)) {
      out.append(first ? "" : ",");
      first = false;
      appendString(out, key.toString());
      out.append(':');
      write(out, map.get(key), valueShape);
    }
    out.append('}');
  }

  private static List<?> sortedKeys(Map<?, ?> map) {
    Comparator<Object> utf8 =
        (a, b) ->
            Arrays.compareUnsigned(
                a.toString().getBytes(StandardCharsets.UTF_8),
                b.toString().getBytes(StandardCharsets.UTF_8));
    return map.keySet().stream().sorted(utf8).toList();
  }

  /** A value outside its shape: plain JSON, maps with sorted keys. */
  private static void writePlain(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Number n) {
      out.append(number(n));
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, map, Scalar.STRING);
    } else if (value instanceof List<?> list) {
      write(out, list, new SliceOf(Scalar.STRING));
    } else {
      appendString(out, value.toString());
    }
  }

  private static boolean isZero(Number n) {
    return asDecimal(n).signum() == 0;
  }

  /** An integral number without a fraction ({@code 2.0} is {@code 2}); others in plain form. */
  static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return n.toString();
    }
    if (n instanceof BigInteger) {
      return n.toString();
    }
    if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
      return "null";
    }
    BigDecimal decimal = asDecimal(n).stripTrailingZeros();
    return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
  }

  private static BigDecimal asDecimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : BigDecimal.ONE;
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * Appends {@code s} as a JSON string the way Go 1.22+ {@code json.Marshal} writes it: {@code "},
   * {@code \}, {@code \b}, {@code \f}, {@code \n}, {@code \r}, {@code \t} as two-character escapes;
   * other controls, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as lowercase {@code \}{@code
   * u00XX}; a lone surrogate (invalid UTF-8 in Go) as {@code \}{@code ufffd}; everything else,
   * {@code /} and non-ASCII included, as is.
   */
  static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> appendUnicodeEscape(out, c);
        default -> {
          if (c < 0x20) {
            appendUnicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
