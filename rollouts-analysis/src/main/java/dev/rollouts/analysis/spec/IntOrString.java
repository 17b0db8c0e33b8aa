package dev.rollouts.analysis.spec;

import java.util.Objects;

/**
 * A Kubernetes {@code IntOrString} as Argo's metric fields use it ({@code count}, {@code
 * failureLimit}, {@code inconclusiveLimit}, {@code consecutiveErrorLimit}, {@code
 * consecutiveSuccessLimit}): an integer, or a string such as {@code "{{args.runs}}"} that becomes
 * an integer once arguments are substituted.
 *
 * @param text the value as written, without quotes
 * @param isString whether it was written as a string
 */
public record IntOrString(String text, boolean isString) {

  /** Checks that {@code text} is given, and is an integer unless {@code isString}. */
  public IntOrString {
    Objects.requireNonNull(text, "text");
    if (!isString) {
      Integer.parseInt(text);
    }
  }

  /** An integer value. */
  public static IntOrString of(int value) {
    return new IntOrString(Integer.toString(value), false);
  }

  /** A string value. */
  public static IntOrString of(String value) {
    return new IntOrString(value, true);
  }

  /**
   * The integer this value means, as Kubernetes' {@code IntOrString.IntValue()} reads it: the
   * integer, or the string parsed as a decimal integer, and 0 for a string that is not one ({@code
   * "abc"} is 0, {@code "3"} is 3).
   */
  public int intValue() {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The value as Go's {@code IntOrString.String()} writes it: {@code 3} or {@code abc}. */
  @Override
  public String toString() {
    return text;
  }
}
