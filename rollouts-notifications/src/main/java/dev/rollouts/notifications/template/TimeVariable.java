package dev.rollouts.notifications.template;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code .time} variable of Argo Rollouts' notification templates: {@code {{call .time.Now}}}
 * is the current time and {@code {{call .time.Parse "2026-01-02T15:04:05Z"}}} parses RFC 3339; both
 * are Go {@code time.Time} values with Go's methods ({@code (call .time.Now).Unix}, {@code .Format
 * "2006-01-02"}, {@code .Sub} …).
 */
public final class TimeVariable {

  private TimeVariable() {}

  /** {@code {Now, Parse}} with {@code clock} as the source of {@code Now}. */
  public static Map<String, Object> of(Supplier<Instant> clock) {
    GoFunction now = args -> GoTime.of(clock.get());
    GoFunction parse =
        args -> {
          if (args.size() != 1 || !(args.get(0) instanceof String s)) {
            throw new IllegalArgumentException("Parse takes one RFC 3339 string");
          }
          return new GoTime(OffsetDateTime.parse(s).toZonedDateTime());
        };
    return Map.of("Now", now, "Parse", parse);
  }

  /** A Go {@code time.Time} value for {@code instant}, in UTC, for a template's data. */
  public static Object time(Instant instant) {
    return GoTime.of(instant);
  }
}
