package dev.rollouts.cli.view;

import java.time.Duration;

/**
 * Durations as {@code kubectl} prints ages ({@code k8s.io/apimachinery} {@code HumanDuration}):
 * seconds up to two minutes ({@code 90s}), then minutes and seconds up to ten minutes ({@code
 * 3m5s}), minutes up to three hours ({@code 95m}), hours and minutes up to eight hours ({@code
 * 4h30m}), hours up to two days ({@code 30h}), days and hours up to eight days ({@code 3d4h}), days
 * up to two years, then years and days ({@code 2y45d}), then years.
 *
 * <p>A duration of up to one second below zero (clocks a little apart) is {@code 0s}; more is
 * {@code <invalid>}.
 */
public final class Ages {

  private Ages() {}

  /** {@code d} as an age. */
  public static String human(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return pair(minutes, "m", seconds % 60, "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return pair(hours, "h", minutes % 60, "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    long days = hours / 24;
    if (hours < 24 * 8) {
      return pair(days, "d", hours % 24, "h");
    }
    if (hours < 24 * 365 * 2) {
      return days + "d";
    }
    if (hours < 24 * 365 * 8) {
      return pair(days / 365, "y", days % 365, "d");
    }
    return days / 365 + "y";
  }

  private static String pair(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
  }
}
