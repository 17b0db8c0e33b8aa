package dev.rollouts.expr;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.Time} as expression values ({@link Instant}, always read in UTC): {@code
 * date(...)} with Go layouts ({@code "2006-01-02 15:04:05"}), the {@code %v} form ({@code
 * 2023-08-13 23:00:00 +0000 UTC}) and the methods conditions call ({@code Sub Add Before After
 * Equal Unix UnixMilli Year Day Hour Minute Second Format}, and on durations {@code Hours Minutes
 * Seconds Milliseconds Microseconds Nanoseconds String}).
 */
final class GoTimes {
  /** Layouts {@code date(s)} tries without one, in expr's order. */
  private static final List<String> DEFAULT_LAYOUTS =
      List.of(
          "2006-01-02",
          "15:04:05",
          "2006-01-02 15:04:05",
          "2006-01-02T15:04:05Z07:00",
          "02 Jan 06 15:04 MST",
          "Monday, 02-Jan-06 15:04:05 MST",
          "Mon, 02 Jan 2006 15:04:05 MST");

  /** Go layout elements and their java.time pattern letters, longest first. */
  private static final String[][] ELEMENTS = {
    {"January", "MMMM"},
    {"Monday", "EEEE"},
    {".000000000", ".SSSSSSSSS"},
    {".000000", ".SSSSSS"},
    {"Z07:00", "XXX"},
    {"-07:00", "xxx"},
    {"Z0700", "XX"},
    {"-0700", "xx"},
    {"2006", "uuuu"},
    {".000", ".SSS"},
    {"Jan", "MMM"},
    {"Mon", "EEE"},
    {"MST", "zzz"},
    {"01", "MM"},
    {"02", "dd"},
    {"03", "hh"},
    {"04", "mm"},
    {"05", "ss"},
    {"06", "uu"},
    {"15", "HH"},
    {"PM", "a"},
    {"1", "M"},
    {"2", "d"},
    {"3", "h"},
    {"4", "m"},
    {"5", "s"},
  };

  private GoTimes() {}

  /** {@code date(value[, layout[, zone]])}. */
  static Instant date(Object[] args) {
    String value = Builtins.string("date", args[0]);
    ZoneId zone = ZoneOffset.UTC;
    if (args.length == 3) {
      try {
        zone = ZoneId.of(Builtins.string("date", args[2]));
      } catch (DateTimeException e) {
        throw new ExpressionEvaluationException("unknown time zone " + args[2]);
      }
    }
    if (args.length >= 2) {
      String layout = Builtins.string("date", args[1]);
      Instant t = parse(layout, value, zone);
      if (t == null) {
        throw new ExpressionEvaluationException(
            "parsing time "
                + Strings.quote(value)
                + " as "
                + Strings.quote(layout)
                + ": cannot parse");
      }
      return t;
    }
    for (String layout : DEFAULT_LAYOUTS) {
      Instant t = parse(layout, value, zone);
      if (t != null) {
        return t;
      }
    }
    throw new ExpressionEvaluationException("invalid date " + value);
  }

  private static Instant parse(String layout, String value, ZoneId zone) {
    try {
      DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern(layout), Locale.ROOT);
      TemporalAccessor parsed =
          f.parseBest(
              value, ZonedDateTime::from, LocalDateTime::from, LocalDate::from, LocalTime::from);
      if (parsed instanceof ZonedDateTime z) {
        return z.toInstant();
      } else if (parsed instanceof LocalDateTime l) {
        return l.atZone(zone).toInstant();
      } else if (parsed instanceof LocalDate d) {
        return d.atStartOfDay(zone).toInstant();
      }
      return ((LocalTime) parsed).atDate(LocalDate.of(0, 1, 1)).atZone(zone).toInstant();
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A Go layout as a java.time pattern: elements translated, everything else quoted. */
  static String pattern(String layout) {
    StringBuilder out = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      for (String[] e : ELEMENTS) {
        if (layout.startsWith(e[0], i)) {
          flush(literal, out);
          out.append(e[1]);
          i += e[0].length();
          continue outer;
        }
      }
      literal.append(layout.charAt(i++));
    }
    flush(literal, out);
    return out.toString();
  }

  private static void flush(StringBuilder literal, StringBuilder out) {
    if (literal.length() > 0) {
      out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
      literal.setLength(0);
    }
  }

  /** Go's {@code Time.String()} for a UTC time: {@code 2023-08-13 23:00:00.5 +0000 UTC}. */
  static String format(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    String base = z.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT));
    String fraction = "";
    if (z.getNano() != 0) {
      fraction = String.format(".%09d", z.getNano()).replaceAll("0+$", "");
    }
    return base + fraction + " +0000 UTC";
  }

  /** A method of a time or a duration. */
  static Object call(Object target, String method, Object[] args) {
    if (target instanceof Instant t) {
      return timeMethod(t, method, args);
    }
    Duration d = (Duration) target;
    double nanos = (double) d.toNanos();
    return switch (method) {
      case "Hours" -> nanos / 3.6e12;
      case "Minutes" -> nanos / 6e10;
      case "Seconds" -> nanos / 1e9;
      case "Milliseconds" -> d.toMillis();
      case "Microseconds" -> d.toNanos() / 1_000;
      case "Nanoseconds" -> d.toNanos();
      case "String" -> GoDurations.format(d);
      default -> throw noMethod(target, method);
    };
  }

  private static Object timeMethod(Instant t, String method, Object[] args) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return switch (method) {
      case "Sub" -> Duration.between(instant(method, args), t);
      case "Add" -> t.plus(duration(method, args));
      case "Before" -> t.isBefore(instant(method, args));
      case "After" -> t.isAfter(instant(method, args));
      case "Equal" -> t.equals(instant(method, args));
      case "Unix" -> t.getEpochSecond();
      case "UnixMilli" -> t.toEpochMilli();
      case "UTC" -> t;
      case "Year" -> (long) z.getYear();
      case "Day" -> (long) z.getDayOfMonth();
      case "Hour" -> (long) z.getHour();
      case "Minute" -> (long) z.getMinute();
      case "Second" -> (long) z.getSecond();
      case "Format" ->
          z.format(
              DateTimeFormatter.ofPattern(
                  pattern(Builtins.string(method, one(method, args))), Locale.ROOT));
      default -> throw noMethod(t, method);
    };
  }

  private static Object one(String method, Object[] args) {
    if (args.length != 1) {
      throw new ExpressionEvaluationException(
          "invalid number of arguments to " + method + " (expected 1, got " + args.length + ")");
    }
    return args[0];
  }

  private static Instant instant(String method, Object[] args) {
    if (one(method, args) instanceof Instant i) {
      return i;
    }
    throw Builtins.badArgument(method, args[0], "time.Time");
  }

  private static Duration duration(String method, Object[] args) {
    if (one(method, args) instanceof Duration d) {
      return d;
    }
    throw Builtins.badArgument(method, args[0], "time.Duration");
  }

  static ExpressionEvaluationException noMethod(Object target, String method) {
    return new ExpressionEvaluationException(
        "type " + Values.typeName(target) + " has no method " + method);
  }
}
