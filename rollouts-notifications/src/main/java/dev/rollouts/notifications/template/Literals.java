package dev.rollouts.notifications.template;

import java.math.BigInteger;

/** Go's literal syntax: quoted and raw strings, characters, and integer or float constants. */
final class Literals {

  interface ErrorFactory {
    TemplateException error(int offset, String message);
  }

  private Literals() {}

  /** The value of a Go string literal: {@code "…"} with escapes, or {@code `…`} raw. */
  static String unquote(String literal) {
    if (literal.startsWith("`")) {
      return literal.substring(1, literal.length() - 1);
    }
    return unescape(literal.substring(1, literal.length() - 1));
  }

  static int unquoteChar(String literal) {
    String body = unescape(literal.substring(1, literal.length() - 1));
    if (body.codePointCount(0, body.length()) != 1) {
      throw new TemplateException("malformed character constant: " + literal);
    }
    return body.codePointAt(0);
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            out.append((char) Integer.parseInt(s.substring(i, i + 3), 8));
            i += 2;
          } else {
            out.append(e);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * A number constant as Go's template passes it to an {@code interface{}}: a {@code Double} when
   * written with a decimal point or exponent (and not hex), otherwise a {@code Long}.
   */
  static Object number(String text, ErrorFactory errors, int offset) {
    String s = text.replace("_", "");
    boolean negative = s.startsWith("-");
    String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    try {
      String lower = digits.toLowerCase();
      if (lower.startsWith("0x") && !lower.contains("p")) {
        return signed(new BigInteger(digits.substring(2), 16), negative);
      }
      if (lower.startsWith("0b")) {
        return signed(new BigInteger(digits.substring(2), 2), negative);
      }
      if (lower.startsWith("0o")) {
        return signed(new BigInteger(digits.substring(2), 8), negative);
      }
      if (lower.matches("[0-9]+")) {
        if (lower.length() > 1 && lower.startsWith("0")) {
          return signed(new BigInteger(lower.substring(1), 8), negative);
        }
        return signed(new BigInteger(lower), negative);
      }
      if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
        double value = Double.parseDouble(digits);
        return negative ? -value : value;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // falls through to the error below
    }
    throw errors.error(offset, "bad number syntax: \"" + text + "\"");
  }

  private static Long signed(BigInteger value, boolean negative) {
    return (negative ? value.negate() : value).longValueExact();
  }
}
