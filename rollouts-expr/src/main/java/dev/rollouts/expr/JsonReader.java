package dev.rollouts.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fromJSON(s)}: Go's {@code json.Unmarshal} into {@code interface{}}. Every number is a
 * float64, as Go decodes it ({@code fromJSON("1")} is {@code 1.0}); objects become maps, arrays
 * lists. Errors use Go's wording ({@code unexpected end of JSON input}, {@code invalid character
 * 'x' looking for beginning of value}).
 */
final class JsonReader {
  private final String s;
  private int i;
  private int depth;

  private JsonReader(String s) {
    this.s = s;
  }

  static Object read(String text) {
    JsonReader r = new JsonReader(text);
    Object value = r.value();
    r.space();
    if (r.i < text.length()) {
      throw r.invalid("after top-level value");
    }
    return value;
  }

  private Object value() {
    space();
    if (i >= s.length()) {
      throw new ExpressionEvaluationException("unexpected end of JSON input");
    }
    if (++depth > Parser.MAX_DEPTH) {
      throw new ExpressionEvaluationException("exceeded max depth");
    }
    try {
      char c = s.charAt(i);
      if (c == '{') {
        return object();
      } else if (c == '[') {
        return array();
      } else if (c == '"') {
        return string();
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        return number();
      } else if (s.startsWith("true", i)) {
        i += 4;
        return true;
      } else if (s.startsWith("false", i)) {
        i += 5;
        return false;
      } else if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      throw invalid("looking for beginning of value");
    } finally {
      depth--;
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> out = new LinkedHashMap<>();
    i++;
    space();
    if (peek() == '}') {
      i++;
      return Collections.unmodifiableMap(out);
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw end() ? eof() : invalid("looking for beginning of object key string");
      }
      String key = string();
      space();
      if (peek() != ':') {
        throw end() ? eof() : invalid("after object key");
      }
      i++;
      out.put(key, value());
      space();
      char c = peek();
      i++;
      if (c == '}') {
        return Collections.unmodifiableMap(out);
      } else if (c != ',') {
        i--;
        throw end() ? eof() : invalid("after object key:value pair");
      }
    }
  }

  private List<Object> array() {
    List<Object> out = new ArrayList<>();
    i++;
    space();
    if (peek() == ']') {
      i++;
      return Collections.unmodifiableList(out);
    }
    while (true) {
      out.add(value());
      space();
      char c = peek();
      i++;
      if (c == ']') {
        return Collections.unmodifiableList(out);
      } else if (c != ',') {
        i--;
        throw end() ? eof() : invalid("after array element");
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    i++;
    while (true) {
      if (i >= s.length()) {
        throw eof();
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      } else if (c < 0x20) {
        i--;
        throw invalid("in string literal");
      } else if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        throw eof();
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw eof();
          }
          try {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException x) {
            throw invalid("in \\u hexadecimal character escape");
          }
          i += 4;
        }
        default -> {
          i--;
          throw invalid("in string escape code");
        }
      }
    }
  }

  private Double number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String text = s.substring(start, i);
    if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      i = start;
      throw invalid("in numeric literal");
    }
    return Double.parseDouble(text);
  }

  private void space() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private boolean end() {
    return i >= s.length();
  }

  private ExpressionEvaluationException eof() {
    return new ExpressionEvaluationException("unexpected end of JSON input");
  }

  private ExpressionEvaluationException invalid(String context) {
    return new ExpressionEvaluationException("invalid character '" + s.charAt(i) + "' " + context);
  }
}
