package dev.rollouts.expr;

import java.util.regex.Pattern;

/**
 * Go's {@code strconv.ParseFloat} and {@code ParseInt} (base 10) syntax, which Java's parsers do
 * not share: no {@code d}/{@code f} suffixes, no surrounding blanks, {@code inf}/{@code infinity}
 * /{@code nan} in any case, and out-of-range values are errors rather than infinities.
 */
final class GoNumbers {
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?)");
  private static final Pattern INF = Pattern.compile("[+-]?(?i:inf|infinity)");
  private static final Pattern NAN = Pattern.compile("(?i:nan)");
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");

  private GoNumbers() {}

  /** The value, or null when {@code s} is not a float in Go's syntax or is out of range. */
  static Double parseFloat(String s) {
    if (NAN.matcher(s).matches()) {
      return Double.NaN;
    } else if (INF.matcher(s).matches()) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else if (FLOAT.matcher(s).matches()) {
      double d = Double.parseDouble(s);
      return Double.isInfinite(d) ? null : d;
    }
    return null;
  }

  /** Go's error text for {@code strconv.ParseFloat(s, 64)} failing, or null if it succeeds. */
  static String parseFloatError(String s) {
    if (parseFloat(s) != null) {
      return null;
    }
    boolean range = FLOAT.matcher(s).matches();
    return "strconv.ParseFloat: parsing "
        + quote(s)
        + ": "
        + (range ? "value out of range" : "invalid syntax");
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: the value, or the error text as a String. */
  static Object parseInt(String s) {
    if (!INT.matcher(s).matches()) {
      return "strconv.ParseInt: parsing " + quote(s) + ": invalid syntax";
    }
    try {
      return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      return "strconv.ParseInt: parsing " + quote(s) + ": value out of range";
    }
  }

  /** Go's {@code %q}, which its strconv errors use. */
  static String quote(String s) {
    return Strings.quote(s);
  }
}
