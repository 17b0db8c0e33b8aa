package dev.rollouts.notifications.template;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Go's {@code encoding/json} writes and reads it for {@code interface{}} values: map keys
 * sorted, {@code <>&} escaped as {@code \u003c} unless raw, floats in the shortest form ({@code 5},
 * {@code 2.5}, {@code 1e+21}), {@code []byte} as base64; reading gives Doubles for all numbers.
 */
public final class Json {

  private Json() {}

  /**
   * A JSON object written in insertion order, as Go writes a struct (a plain map is written with
   * its keys sorted, as Go writes a map).
   */
  public static final class Struct extends java.util.LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    /** Adds a field and returns this struct. */
    public Struct with(String name, Object value) {
      put(name, value);
      return this;
    }
  }

  /** Go's {@code json.Marshal}: compact, HTML characters escaped. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, true, null, "");
    return out.toString();
  }

  /** Go's JSON encoder with {@code SetEscapeHTML(false)}, as Sprig's {@code toRawJson}. */
  public static String writeRaw(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, false, null, "");
    return out.toString();
  }

  /** Go's {@code json.MarshalIndent(v, "", " ")}, as Sprig's {@code toPrettyJson}. */
  public static String writePretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, true, "  ", "");
    return out.toString();
  }

  private static void write(
      StringBuilder out, Object value, boolean escapeHtml, String indent, String prefix) {
    Object v = Values.plain(value);
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean || v instanceof Long) {
      out.append(v);
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException(
            "json: unsupported value: " + GoFloats.formatShortest(d));
      }
      out.append(GoFloats.formatJson(d));
    } else if (v instanceof String s) {
      quote(out, s, escapeHtml);
    } else if (v instanceof byte[] b) {
      quote(out, Base64.getEncoder().encodeToString(b), escapeHtml);
    } else if (v instanceof GoTime t) {
      quote(
          out,
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.time()).replace("+00:00", "Z"),
          escapeHtml);
    } else if (v instanceof GoDuration d) {
      out.append(d.nanos());
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      String inner = indent == null ? null : prefix + indent;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        newline(out, inner);
        write(out, list.get(i), escapeHtml, indent, inner);
      }
      newline(out, indent == null ? null : prefix);
      out.append(']');
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      String inner = indent == null ? null : prefix + indent;
      boolean first = true;
      Map<String, Object> entries = v instanceof Struct struct ? struct : Printer.sorted(map);
      for (Map.Entry<String, Object> e : entries.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, inner);
        quote(out, e.getKey(), escapeHtml);
        out.append(indent == null ? ":" : ": ");
        write(out, e.getValue(), escapeHtml, indent, inner);
      }
      newline(out, indent == null ? null : prefix);
      out.append('}');
    } else {
      throw new IllegalArgumentException("json: unsupported type: " + Printer.typeName(v));
    }
  }

  private static void newline(StringBuilder out, String prefix) {
    if (prefix != null) {
      out.append('\n').append(prefix);
    }
  }

  private static void quote(StringBuilder out, String s, boolean escapeHtml) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20 || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Reads JSON into Go's {@code interface{}} shapes: objects as maps (in document order), arrays as
   * lists, every number a Double.
   *
   * @throws IllegalArgumentException with the offset of the first error
   */
  public static Object read(String text) {
    Reader reader = new Reader(text);
    reader.skipSpace();
    Object value = reader.value();
    reader.skipSpace();
    if (reader.pos != text.length()) {
      throw reader.error(
          "invalid character '" + text.charAt(reader.pos) + "' after top-level value");
    }
    return value;
  }

  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    void skipSpace() {
      while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(message + " (offset " + pos + ")");
    }

    Object value() {
      if (pos >= s.length()) {
        throw error("unexpected end of JSON input");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          if (c == '-' || Character.isDigit(c)) {
            return number();
          }
          throw error("invalid character '" + c + "' looking for beginning of value");
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, pos)) {
        throw error("invalid literal");
      }
      pos += word.length();
      return value;
    }

    private Double number() {
      int start = pos;
      while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      try {
        return Double.parseDouble(s.substring(start, pos));
      } catch (NumberFormatException e) {
        throw error("invalid number");
      }
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      pos++;
      while (true) {
        if (pos >= s.length()) {
          throw error("unexpected end of JSON input");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("invalid character in string literal");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          case '"', '\\', '/' -> out.append(e);
          default -> throw error("invalid escape in string");
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      pos++;
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return list;
      }
      while (true) {
        skipSpace();
        list.add(value());
        skipSpace();
        if (pos >= s.length()) {
          throw error("unexpected end of JSON input");
        }
        char c = s.charAt(pos++);
        if (c == ']') {
          return list;
        }
        if (c != ',') {
          throw error("invalid character '" + c + "' after array element");
        }
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw error("invalid character looking for beginning of object key string");
        }
        String key = string();
        skipSpace();
        if (pos >= s.length() || s.charAt(pos++) != ':') {
          throw error("invalid character after object key");
        }
        skipSpace();
        map.put(key, value());
        skipSpace();
        if (pos >= s.length()) {
          throw error("unexpected end of JSON input");
        }
        char c = s.charAt(pos++);
        if (c == '}') {
          return map;
        }
        if (c != ',') {
          throw error("invalid character '" + c + "' after object key:value pair");
        }
      }
    }
  }
}
