package dev.rollouts.notifications.template;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.Time}, printed as Go prints it ({@code 2006-01-02 15:04:05.999999999 -0700
 * MST}), formatted with Go's reference-time layouts, and with the methods templates and Sprig use:
 * {@code Unix}, {@code UnixMilli}, {@code UnixNano}, {@code Format}, {@code UTC}, {@code Local},
 * {@code Add}, {@code Sub}, {@code AddDate}, {@code Before}, {@code After}, {@code Equal}, {@code
 * IsZero}, {@code Year} … {@code Second}.
 */
record GoTime(ZonedDateTime time) implements MethodReceiver {

  static GoTime of(Instant instant) {
    return new GoTime(instant.atZone(ZoneOffset.UTC));
  }

  @Override
  public Object invoke(String method, List<Object> args) {
    return switch (method) {
      case "Unix" -> time.toEpochSecond();
      case "UnixMilli" -> time.toInstant().toEpochMilli();
      case "UnixNano" -> ChronoUnit.NANOS.between(Instant.EPOCH, time.toInstant());
      case "Format" -> format(Values.string(args.get(0)));
      case "UTC", "Local" -> new GoTime(time.withZoneSameInstant(ZoneOffset.UTC));
      case "Add" -> new GoTime(time.plusNanos(nanos(args.get(0))));
      case "Sub" -> new GoDuration(ChronoUnit.NANOS.between(other(args.get(0)).time, time));
      case "AddDate" ->
          new GoTime(
              time.plusYears(Values.integer(args.get(0)))
                  .plusMonths(Values.integer(args.get(1)))
                  .plusDays(Values.integer(args.get(2))));
      case "Before" -> time.toInstant().isBefore(other(args.get(0)).time.toInstant());
      case "After" -> time.toInstant().isAfter(other(args.get(0)).time.toInstant());
      case "Equal" -> time.toInstant().equals(other(args.get(0)).time.toInstant());
      case "IsZero" ->
          time.getYear() == 1 && time.getDayOfYear() == 1 && time.toLocalTime().toNanoOfDay() == 0;
      case "Year" -> (long) time.getYear();
      case "Month" -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Day" -> (long) time.getDayOfMonth();
      case "Hour" -> (long) time.getHour();
      case "Minute" -> (long) time.getMinute();
      case "Second" -> (long) time.getSecond();
      case "Nanosecond" -> (long) time.getNano();
      case "YearDay" -> (long) time.getDayOfYear();
      case "Weekday" -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "String" -> toString();
      default -> throw new NoSuchMethodError(method);
    };
  }

  private static long nanos(Object value) {
    Object v = Values.plain(value);
    if (v instanceof GoDuration d) {
      return d.nanos();
    }
    return Values.integer(v);
  }

  private static GoTime other(Object value) {
    if (Values.plain(value) instanceof GoTime t) {
      return t;
    }
    throw new Values.ArgumentException(Values.wrongType(Values.plain(value), "time.Time"));
  }

  /** Formats with a Go layout such as {@code 2006-01-02T15:04:05Z07:00}. */
  String format(String layout) {
    return TimeLayout.format(time, layout);
  }

  @Override
  public String toString() {
    return format("2006-01-02 15:04:05.999999999 -0700 MST");
  }
}
