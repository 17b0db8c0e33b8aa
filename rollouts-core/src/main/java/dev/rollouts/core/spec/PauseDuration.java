package dev.rollouts.core.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pause step's {@code duration}, kept as written: an integer of seconds ({@code 30}) or a string
 * with a unit ({@code "30s"}, {@code "5m"}, {@code "1h"}).
 *
 * <p>Kept verbatim because {@code status.currentStepHash} hashes the steps exactly as written.
 *
 * @param text the value as written, without quotes
 * @param quoted whether it was written as a string
 */
public record PauseDuration(String text, boolean quoted) {

  private static final Pattern WITH_UNITS = Pattern.compile("-?(\\d+[hms])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

  /** {@code duration: N}, an integer of seconds. */
  public static PauseDuration ofSeconds(int seconds) {
    return new PauseDuration(Integer.toString(seconds), false);
  }

  /** {@code duration: "text"}. */
  public static PauseDuration of(String text) {
    return new PauseDuration(text, true);
  }

  /**
   * The duration this text means, if it is an integer of seconds or integers each followed by
   * {@code h}, {@code m} or {@code s} ({@code "90s"}, {@code "1h30m"}), as Go's duration syntax
   * reads them. Negative durations are returned as they are, for validation to report.
   */
  public Optional<Duration> toDuration() {
    try {
      if (!quoted || text.matches("-?\\d+")) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (!WITH_UNITS.matcher(text).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              });
    }
    return Optional.of(text.startsWith("-") ? total.negated() : total);
  }

  @Override
  public String toString() {
    return quoted ? '"' + text + '"' : text;
  }
}
