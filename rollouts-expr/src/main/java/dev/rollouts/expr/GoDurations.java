package dev.rollouts.expr;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String}, for {@code duration("1h30m")} and
 * for printing a duration as Go does ({@code 1h30m0s}, {@code 1.5s}, {@code 250ms}, {@code 0s}).
 */
final class GoDurations {
  private GoDurations() {}

  /**
   * A sign, then one or more decimal numbers each with a unit ({@code ns us µs ms s m h}), as Go
   * parses them: {@code "300ms"}, {@code "-1.5h"}, {@code "2h45m"}.
   *
   * @throws ExpressionEvaluationException with Go's message ({@code time: invalid duration "x"})
   */
  static Duration parse(String s) {
    String quoted = Strings.quote(s);
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return Duration.ZERO;
    }
    if (i >= s.length()) {
      throw invalid(quoted);
    }
    BigDecimal total = BigDecimal.ZERO;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(quoted);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new ExpressionEvaluationException("time: missing unit in duration " + quoted);
      }
      long nanos =
          switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default ->
                throw new ExpressionEvaluationException(
                    "time: unknown unit " + Strings.quote(unit) + " in duration " + quoted);
          };
      String digits = number.startsWith(".") ? "0" + number : number;
      total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(nanos)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(quoted);
    }
    long nanos = total.longValue();
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  private static ExpressionEvaluationException invalid(String quoted) {
    return new ExpressionEvaluationException("time: invalid duration " + quoted);
  }

  /** Go's {@code Duration.String}. */
  static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    BigDecimal abs = BigDecimal.valueOf(nanos).abs();
    StringBuilder out = new StringBuilder(negative ? "-" : "");
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
      if (abs.compareTo(BigDecimal.valueOf(1_000)) < 0) {
        return out.append(abs).append("ns").toString();
      } else if (abs.compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
        return out.append(plain(abs.movePointLeft(3))).append("µs").toString();
      }
      return out.append(plain(abs.movePointLeft(6))).append("ms").toString();
    }
    BigDecimal[] hours = abs.divideAndRemainder(BigDecimal.valueOf(3_600_000_000_000L));
    BigDecimal[] minutes = hours[1].divideAndRemainder(BigDecimal.valueOf(60_000_000_000L));
    if (hours[0].signum() > 0) {
      out.append(hours[0].toBigInteger()).append('h');
    }
    if (hours[0].signum() > 0 || minutes[0].signum() > 0) {
      out.append(minutes[0].toBigInteger()).append('m');
    }
    return out.append(plain(minutes[1].movePointLeft(9))).append('s').toString();
  }

  private static String plain(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }
}
