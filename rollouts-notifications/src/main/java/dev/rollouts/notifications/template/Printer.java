package dev.rollouts.notifications.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code fmt} for template values: {@code %v} ({@code <nil>}, {@code true}, {@code 5}, {@code
 * 2.5}, {@code 1e+06}, {@code [a b]}, {@code map[k1:v1 k2:v2]} with sorted keys, {@code []byte} as
 * {@code [104 105]}), and {@code Sprint}/{@code Sprintln}.
 */
final class Printer {

  private Printer() {}

  static String formatV(Object value) {
    StringBuilder out = new StringBuilder();
    appendV(out, value);
    return out.toString();
  }

  static void appendV(StringBuilder out, Object value) {
    if (value == null) {
      out.append("<nil>");
    } else if (value instanceof String s) {
      out.append(s);
    } else if (value instanceof Double d) {
      out.append(GoFloats.formatShortest(d));
    } else if (value instanceof Float f) {
      out.append(GoFloats.formatShortest(f.doubleValue()));
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        appendV(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        out.append(e.getKey()).append(':');
        appendV(out, e.getValue());
      }
      out.append(']');
    } else if (value instanceof byte[] bytes) {
      out.append('[');
      for (int i = 0; i < bytes.length; i++) {
        if (i > 0) {
          out.append(' ');
        }
        out.append(bytes[i] & 0xff);
      }
      out.append(']');
    } else if (value == Values.MISSING) {
      out.append("<no value>");
    } else if (value instanceof GoFunction) {
      out.append("0x1");
    } else {
      out.append(value);
    }
  }

  /** A map's entries in Go's print order: keys sorted. */
  static TreeMap<String, Object> sorted(Map<?, ?> map) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    return sorted;
  }

  /** Go's type name of a value, as {@code %!d(float64=5)} and error messages show it. */
  static String typeName(Object value) {
    if (value == null || value == Values.MISSING) {
      return "<nil>";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long || value instanceof Integer) {
      return "int";
    }
    if (value instanceof Double || value instanceof Float) {
      return "float64";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof List) {
      return "[]interface {}";
    }
    if (value instanceof Map) {
      return "map[string]interface {}";
    }
    if (value instanceof byte[]) {
      return "[]uint8";
    }
    if (value instanceof GoTime) {
      return "time.Time";
    }
    if (value instanceof GoDuration) {
      return "time.Duration";
    }
    if (value instanceof GoFunction) {
      return "func";
    }
    return value.getClass().getSimpleName();
  }

  /** {@code fmt.Sprint}: a space between operands when neither side is a string. */
  static String sprint(List<Object> args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (i > 0 && !(arg instanceof String) && !(args.get(i - 1) instanceof String)) {
        out.append(' ');
      }
      appendV(out, arg);
    }
    return out.toString();
  }

  /** {@code fmt.Sprintln}: spaces between all operands and a final newline. */
  static String sprintln(List<Object> args) {
    List<String> parts = new ArrayList<>();
    for (Object arg : args) {
      parts.add(formatV(arg));
    }
    return String.join(" ", parts) + "\n";
  }
}
