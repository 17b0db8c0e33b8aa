package dev.rollouts.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code toJSON(v)}: Go's {@code json.MarshalIndent(v, "", " ")}. Map keys sorted, floats in Go's
 * JSON form ({@code 0.5}, {@code 1e+21}, {@code 1e-7}), {@code <>&} escaped as Go escapes them
 * (backslash, {@code u003c} …), NaN and infinities refused ({@code json: unsupported value: NaN}).
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(Values.normalize(value), out, "");
    return out.toString();
  }

  private static void write(Object v, StringBuilder out, String indent) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean || v instanceof Long) {
      out.append(v);
    } else if (v instanceof Double d) {
      out.append(number(d));
    } else if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      String inner = indent + "  ";
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(inner);
        write(Values.normalize(list.get(i)), out, inner);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      String inner = indent + "  ";
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        out.append(inner);
        string(String.valueOf(e.getKey()), out);
        out.append(": ");
        write(Values.normalize(e.getValue()), out, inner);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else {
      throw Values.unsupported(v);
    }
  }

  /** encoding/json's float form: plain digits, exponent form below 1e-6 or from 1e21. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new ExpressionEvaluationException("json: unsupported value: " + Values.formatFloat(d));
    }
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String g = Values.formatFloat(d);
      return g.replace("e-0", "e-");
    }
    if (d == 0) {
      return (1 / d) < 0 ? "-0" : "0";
    }
    String shortest = Values.formatFloat(d);
    if (shortest.contains("e")) {
      return new BigDecimal(shortest).toPlainString();
    }
    return shortest;
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
