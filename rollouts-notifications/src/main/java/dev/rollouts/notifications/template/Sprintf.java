package dev.rollouts.notifications.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprintf} for the verbs templates use: {@code %v %s %d %q %f %e %g %t %x %X %c
 * %%}, flags {@code - + 0 space}, width and precision. A verb that does not fit its operand prints
 * as Go does: {@code %!d(float64=5)}; a missing operand {@code %!d(MISSING)}; extra operands {@code
 * %!(EXTRA int=1)}.
 */
final class Sprintf {

  private Sprintf() {}

  static String format(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int arg = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      boolean minus = false;
      boolean plus = false;
      boolean zero = false;
      boolean space = false;
      boolean sharp = false;
      while (i < format.length() && "-+0 #".indexOf(format.charAt(i)) >= 0) {
        switch (format.charAt(i++)) {
          case '-' -> minus = true;
          case '+' -> plus = true;
          case '0' -> zero = true;
          case ' ' -> space = true;
          default -> sharp = true;
        }
      }
      int width = -1;
      if (i < format.length() && format.charAt(i) == '*') {
        i++;
        width = arg < args.size() && args.get(arg) instanceof Long l ? l.intValue() : 0;
        arg++;
      }
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        width = Math.max(width, 0) * 10 + (format.charAt(i++) - '0');
      }
      int precision = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        precision = 0;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          precision = precision * 10 + (format.charAt(i++) - '0');
        }
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i++);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (arg >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object value = args.get(arg++);
      String body = verb(verb, value, precision, plus, space, sharp);
      out.append(pad(body, width, minus, zero && !minus && isNumeric(value)));
    }
    if (arg < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = arg; k < args.size(); k++) {
        if (k > arg) {
          out.append(", ");
        }
        Object v = args.get(k);
        out.append(Printer.typeName(v)).append('=').append(Printer.formatV(v));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Long || value instanceof Double || value instanceof Integer;
  }

  private static String pad(String body, int width, boolean left, boolean zeros) {
    int length = body.codePointCount(0, body.length());
    if (width <= length) {
      return body;
    }
    String fill = (zeros ? "0" : " ").repeat(width - length);
    if (left) {
      return body + fill;
    }
    if (zeros && (body.startsWith("-") || body.startsWith("+"))) {
      return body.charAt(0) + fill + body.substring(1);
    }
    return fill + body;
  }

  private static String verb(
      char verb, Object value, int precision, boolean plus, boolean space, boolean sharp) {
    if (value instanceof List<?> list && verb != 'v' && verb != 'q') {
      StringBuilder out = new StringBuilder("[");
      for (int k = 0; k < list.size(); k++) {
        if (k > 0) {
          out.append(' ');
        }
        out.append(verb(verb, list.get(k), precision, plus, space, sharp));
      }
      return out.append(']').toString();
    }
    if (value instanceof Map<?, ?> map && verb != 'v') {
      StringBuilder out = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : Printer.sorted(map).entrySet()) {
        if (!first) {
          out.append(' ');
        }
        first = false;
        out.append(verb(verb, e.getKey(), precision, plus, space, sharp)).append(':');
        out.append(verb(verb, e.getValue(), precision, plus, space, sharp));
      }
      return out.append(']').toString();
    }
    Object v = value instanceof Integer n ? Long.valueOf(n) : value;
    switch (verb) {
      case 'v':
        if (v instanceof Long l) {
          return sign(l >= 0, plus, space) + l;
        }
        if (v instanceof Double d && precision >= 0) {
          return verb('g', v, precision, plus, space, sharp);
        }
        if (v instanceof Double d) {
          return sign(d >= 0, plus, space) + GoFloats.formatShortest(d);
        }
        if (v instanceof String s && precision >= 0) {
          return truncate(s, precision);
        }
        return Printer.formatV(v);
      case 's':
        if (v instanceof String s) {
          return precision >= 0 ? truncate(s, precision) : s;
        }
        if (v instanceof byte[] b) {
          return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof GoTime || v instanceof GoDuration) {
          return Printer.formatV(v);
        }
        return bad(verb, v);
      case 'q':
        if (v instanceof String s) {
          return sharp && !s.contains("`") ? "`" + s + "`" : GoQuote.quote(s);
        }
        if (v instanceof Long l) {
          return "'" + GoQuote.escapeRune(l.intValue(), '\'') + "'";
        }
        return bad(verb, v);
      case 'd':
        if (v instanceof Long l) {
          String digits = Long.toString(Math.abs(l));
          if (precision >= 0 && digits.length() < precision) {
            digits = "0".repeat(precision - digits.length()) + digits;
          }
          return (l < 0 ? "-" : sign(true, plus, space)) + digits;
        }
        return bad(verb, v);
      case 't':
        return v instanceof Boolean b ? b.toString() : bad(verb, v);
      case 'c':
        return v instanceof Long l ? new String(Character.toChars(l.intValue())) : bad(verb, v);
      case 'x':
      case 'X':
        {
          String hex;
          if (v instanceof Long l) {
            hex = (l < 0 ? "-" : "") + Long.toHexString(Math.abs(l));
          } else if (v instanceof String || v instanceof byte[]) {
            byte[] bytes = v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) v;
            StringBuilder out = new StringBuilder();
            for (byte b : bytes) {
              out.append(String.format("%02x", b & 0xff));
            }
            hex = out.toString();
          } else {
            return bad(verb, v);
          }
          return verb == 'X' ? hex.toUpperCase() : hex;
        }
      case 'f':
      case 'F':
        return v instanceof Double d
            ? sign(d >= 0, plus, space) + GoFloats.fixed(d, precision < 0 ? 6 : precision)
            : bad(verb, v);
      case 'e':
        return v instanceof Double d
            ? sign(d >= 0, plus, space) + GoFloats.scientific(d, precision < 0 ? 6 : precision)
            : bad(verb, v);
      case 'g':
        if (v instanceof Double d) {
          if (precision < 0) {
            return sign(d >= 0, plus, space) + GoFloats.formatShortest(d);
          }
          return sign(d >= 0, plus, space) + precisionG(d, Math.max(precision, 1));
        }
        return bad(verb, v);
      default:
        return bad(verb, v);
    }
  }

  private static String precisionG(double d, int precision) {
    String e = GoFloats.scientific(d, precision - 1);
    int exponent = Integer.parseInt(e.substring(e.indexOf('e') + 1));
    if (exponent < -4 || exponent >= precision) {
      return e.replaceFirst("\\.?0+e", "e");
    }
    String f = GoFloats.fixed(d, Math.max(0, precision - 1 - exponent));
    return f.contains(".") ? f.replaceFirst("\\.?0+$", "") : f;
  }

  private static String truncate(String s, int precision) {
    int count = s.codePointCount(0, s.length());
    return count <= precision ? s : s.substring(0, s.offsetByCodePoints(0, precision));
  }

  private static String sign(boolean positive, boolean plus, boolean space) {
    if (!positive) {
      return "";
    }
    return plus ? "+" : space ? " " : "";
  }

  private static String bad(char verb, Object value) {
    if (value == null) {
      return "%!" + verb + "(<nil>)";
    }
    return "%!" + verb + "(" + Printer.typeName(value) + "=" + Printer.formatV(value) + ")";
  }
}
