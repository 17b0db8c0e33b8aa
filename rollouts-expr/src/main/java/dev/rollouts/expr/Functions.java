package dev.rollouts.expr;

import static dev.rollouts.expr.Builtins.define;
import static dev.rollouts.expr.Builtins.string;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * expr's string, number and conversion built-ins, with Go's behaviour: {@code int("1.5")} is an
 * error (Go's {@code strconv.Atoi}), {@code round} rounds half away from zero and returns a float,
 * {@code indexOf} counts UTF-8 bytes, {@code string(x)} prints as {@code %v}.
 */
final class Functions {
  private Functions() {}

  static void register() {
    define("type", 1, 1, a -> type(a[0]));
    define("abs", 1, 1, a -> abs(a[0]));
    define("ceil", 1, 1, a -> Math.ceil(number("ceil", a[0])));
    define("floor", 1, 1, a -> Math.floor(number("floor", a[0])));
    define("round", 1, 1, a -> round(number("round", a[0])));
    define("int", 1, 1, a -> toInt(a[0]));
    define("float", 1, 1, a -> toFloat(a[0]));
    define("string", 1, 1, a -> Values.format(a[0]));
    define("trim", 1, 2, a -> a.length == 1 ? trimSpace(string("trim", a[0])) : trim(a));
    define("trimPrefix", 2, 2, Functions::trimPrefix);
    define("trimSuffix", 2, 2, Functions::trimSuffix);
    define("upper", 1, 1, a -> string("upper", a[0]).toUpperCase(Locale.ROOT));
    define("lower", 1, 1, a -> string("lower", a[0]).toLowerCase(Locale.ROOT));
    define("split", 2, 3, Functions::split);
    define(
        "replace",
        3,
        3,
        a -> string("replace", a[0]).replace(string("replace", a[1]), string("replace", a[2])));
    define("repeat", 2, 2, Functions::repeat);
    define(
        "indexOf",
        2,
        2,
        a ->
            byteIndex(
                string("indexOf", a[0]), string("indexOf", a[0]).indexOf(string("indexOf", a[1]))));
    define(
        "lastIndexOf",
        2,
        2,
        a ->
            byteIndex(
                string("lastIndexOf", a[0]),
                string("lastIndexOf", a[0]).lastIndexOf(string("lastIndexOf", a[1]))));
    define("hasPrefix", 2, 2, a -> string("hasPrefix", a[0]).startsWith(string("hasPrefix", a[1])));
    define("hasSuffix", 2, 2, a -> string("hasSuffix", a[0]).endsWith(string("hasSuffix", a[1])));
    define(
        "toBase64",
        1,
        1,
        a ->
            Base64.getEncoder()
                .encodeToString(string("toBase64", a[0]).getBytes(StandardCharsets.UTF_8)));
    define("fromBase64", 1, 1, Functions::fromBase64);
    define("toJSON", 1, 1, a -> Json.write(a[0]));
    define("fromJSON", 1, 1, a -> JsonReader.read(string("fromJSON", a[0])));
  }

  static String type(Object v) {
    if (v == null) {
      return "nil";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof Long) {
      return "int";
    } else if (v instanceof Double) {
      return "float";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof List) {
      return "array";
    } else if (v instanceof java.time.Instant) {
      return "time.Time";
    } else if (v instanceof java.time.Duration) {
      return "time.Duration";
    }
    return "map";
  }

  private static Object abs(Object v) {
    if (v instanceof Long l) {
      return l < 0 ? -l : l;
    } else if (v instanceof Double d) {
      return d < 0 ? -d : d;
    }
    throw Builtins.invalidArgument("abs", v);
  }

  private static double number(String function, Object v) {
    if (Values.isNumber(v)) {
      return Operators.toDouble(v);
    }
    throw Builtins.invalidArgument(function, v);
  }

  /** Go's {@code math.Round}: half away from zero. */
  static double round(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double t = x < 0 ? Math.ceil(x) : Math.floor(x);
    if (Math.abs(x - t) >= 0.5) {
      t += Math.signum(x);
    }
    return t == 0 ? Math.copySign(0.0, x) : t;
  }

  private static Object toInt(Object v) {
    if (Values.isNumber(v)) {
      return Access.toInt(v);
    } else if (v instanceof String s) {
      if (s.matches("[+-]?[0-9]+")) {
        try {
          return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
          // out of range: Go's Atoi fails too
        }
      }
      throw new ExpressionEvaluationException("invalid operation: int(" + s + ")");
    }
    throw new ExpressionEvaluationException("invalid operation: int(" + Values.typeName(v) + ")");
  }

  private static Object toFloat(Object v) {
    if (Values.isNumber(v)) {
      return Operators.toDouble(v);
    } else if (v instanceof String s) {
      Double d = GoNumbers.parseFloat(s);
      if (d == null) {
        throw new ExpressionEvaluationException("invalid operation: float(" + s + ")");
      }
      return d;
    }
    throw new ExpressionEvaluationException("invalid operation: float(" + Values.typeName(v) + ")");
  }

  /** Go's {@code strings.TrimSpace}: Unicode white space at both ends. */
  private static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && Character.isWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.Trim(s, cutset)}: every character of the cutset, at both ends. */
  private static String trim(Object[] a) {
    String s = string("trim", a[0]);
    String cutset = string("trim", a[1]);
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static Object trimPrefix(Object[] a) {
    String s = string("trimPrefix", a[0]);
    String prefix = string("trimPrefix", a[1]);
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  private static Object trimSuffix(Object[] a) {
    String s = string("trimSuffix", a[0]);
    String suffix = string("trimSuffix", a[1]);
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  /**
   * Go's {@code strings.Split} / {@code SplitN}: an empty separator splits into characters; with
   * {@code n}, at most n parts (the last holds the rest), n = 0 gives none, n < 0 all.
   */
  private static Object split(Object[] a) {
    String s = string("split", a[0]);
    String sep = string("split", a[1]);
    long n = a.length == 3 ? Builtins.integer("split", a[2]) : -1;
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return List.of();
    }
    if (sep.isEmpty()) {
      int i = 0;
      while (i < s.length() && (n < 0 || out.size() < n - 1)) {
        int cp = s.codePointAt(i);
        out.add(new String(Character.toChars(cp)));
        i += Character.charCount(cp);
      }
      if (i < s.length()) {
        out.add(s.substring(i));
      }
      return Collections.unmodifiableList(out);
    }
    int from = 0;
    while (n < 0 || out.size() < n - 1) {
      int at = s.indexOf(sep, from);
      if (at < 0) {
        break;
      }
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return Collections.unmodifiableList(out);
  }

  private static Object repeat(Object[] a) {
    String s = string("repeat", a[0]);
    long n = Builtins.integer("repeat", a[1]);
    if (n < 0) {
      throw new ExpressionEvaluationException(
          "invalid argument for repeat (expected positive integer, got " + n + ")");
    }
    if (n > 1_000_000 || n * s.length() > 10_000_000L) {
      throw new ExpressionEvaluationException("memory budget exceeded");
    }
    return s.repeat((int) n);
  }

  private static long byteIndex(String s, int charIndex) {
    return charIndex < 0 ? -1 : Access.utf8Length(s.substring(0, charIndex));
  }

  private static Object fromBase64(Object[] a) {
    try {
      byte[] bytes = Base64.getDecoder().decode(string("fromBase64", a[0]));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ExpressionEvaluationException("illegal base64 data: " + e.getMessage());
    }
  }
}
