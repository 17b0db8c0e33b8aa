package dev.rollouts.kubernetes.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON of a tree: compact, object keys sorted, numbers in their shortest exact decimal
 * form ({@code 30}, never {@code 30.0}), strings escaped only where JSON requires it.
 *
 * <p>Two trees with the same content give the same text whatever the key order or number types they
 * were read with; a fingerprint of the text is therefore a fingerprint of the content.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  /** The canonical JSON text of {@code value}: a map, list, string, number, boolean or null. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, e.getKey());
        out.append(':');
        append(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Number n) {
      out.append(number(n));
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else {
      appendString(out, value.toString());
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    return sorted;
  }

  private static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return Long.toString(n.longValue());
    }
    try {
      BigDecimal exact = new BigDecimal(n.toString()).stripTrailingZeros();
      return exact.scale() <= 0 ? exact.toBigInteger().toString() : exact.toPlainString();
    } catch (NumberFormatException e) {
      return n.toString(); // NaN or infinity: not JSON, but still a stable text
    }
  }

  private static void appendString(StringBuilder out, String s) {
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
          if (c < 0x20) {
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
