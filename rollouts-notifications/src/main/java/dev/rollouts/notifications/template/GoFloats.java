package dev.rollouts.notifications.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for the forms templates print: {@code 'g'} at the shortest
 * precision that reads back exactly (what {@code %v} prints: 5 → {@code 5}, 2.5 → {@code 2.5}, 1e6
 * → {@code 1e+06}, 123456 → {@code 123456}, 1e-5 → {@code 1e-05}), and {@code 'f'}/{@code 'e'} with
 * a fixed precision.
 */
final class GoFloats {

  private GoFloats() {}

  /** The shortest decimal digits of {@code d} (no sign) and its decimal point position. */
  private record Digits(String digits, int point) {}

  private static Digits shortest(double d) {
    BigDecimal exact = new BigDecimal(Math.abs(d));
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == Math.abs(d)) {
        return digitsOf(rounded);
      }
    }
    return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  private static Digits digitsOf(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    String unscaled = stripped.unscaledValue().toString();
    return new Digits(unscaled, unscaled.length() - stripped.scale());
  }

  /** {@code %v} of a float64: Go's {@code 'g'} with the shortest precision. */
  static String formatShortest(double d) {
    String special = special(d);
    if (special != null) {
      return special;
    }
    String sign = d < 0 || (d == 0 && 1 / d < 0) ? "-" : "";
    if (d == 0) {
      return sign + "0";
    }
    Digits digits = shortest(d);
    int exponent = digits.point() - 1;
    if (exponent < -4 || exponent >= 6) {
      return sign + exponential(digits.digits(), exponent);
    }
    return sign + plain(digits);
  }

  /** The shortest form with {@code 'f'} below 1e21 and {@code 'e'} above, as Go's JSON encoder. */
  static String formatJson(double d) {
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      Digits digits = shortest(d);
      String e = exponential(digits.digits(), digits.point() - 1);
      // encoding/json: clean up e-09 to e-9
      e = e.replaceFirst("e-0(\\d)$", "e-$1");
      return (d < 0 ? "-" : "") + e;
    }
    if (d == 0) {
      return "0";
    }
    return (d < 0 ? "-" : "") + plain(shortest(d));
  }

  private static String plain(Digits digits) {
    String s = digits.digits();
    int point = digits.point();
    if (point <= 0) {
      return "0." + "0".repeat(-point) + s;
    }
    if (point >= s.length()) {
      return s + "0".repeat(point - s.length());
    }
    return s.substring(0, point) + "." + s.substring(point);
  }

  private static String exponential(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.valueOf(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
  }

  /** {@code %.Nf}. */
  static String fixed(double d, int precision) {
    String special = special(d);
    if (special != null) {
      return special;
    }
    return new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code %.Ne}. */
  static String scientific(double d, int precision) {
    String special = special(d);
    if (special != null) {
      return special;
    }
    if (d == 0) {
      return (precision > 0 ? "0." + "0".repeat(precision) : "0") + "e+00";
    }
    BigDecimal rounded =
        new BigDecimal(Math.abs(d)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
    String unscaled = rounded.unscaledValue().toString();
    int exponent = unscaled.length() - rounded.scale() - 1;
    String digits = (unscaled + "0".repeat(precision + 1)).substring(0, precision + 1);
    String mantissa = precision == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.valueOf(Math.abs(exponent));
    return (d < 0 ? "-" : "")
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (exp.length() < 2 ? "0" + exp : exp);
  }

  private static String special(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return null;
  }
}
