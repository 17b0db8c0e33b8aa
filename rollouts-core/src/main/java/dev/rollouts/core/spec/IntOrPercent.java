package dev.rollouts.core.spec;

import com.google.common.math.IntMath;
import java.math.RoundingMode;

/**
 * A Kubernetes {@code IntOrString} that is either an absolute count or a percentage, as used by
 * {@code maxSurge} and {@code maxUnavailable}.
 *
 * <p>A percentage is resolved against a total the way Kubernetes does it: {@code maxSurge} rounds
 * up, {@code maxUnavailable} rounds down. With 10 replicas, {@code 25%} is 3 as a surge and 2 as
 * unavailability.
 *
 * @param value the count, or the percentage without its {@code %} sign; never negative once
 *     validated
 * @param percent whether {@code value} is a percentage
 */
public record IntOrPercent(int value, boolean percent) {

  /** An absolute count. */
  public static IntOrPercent of(int count) {
    return new IntOrPercent(count, false);
  }

  /** A percentage, {@code percent(25)} meaning {@code "25%"}. */
  public static IntOrPercent ofPercent(int percent) {
    return new IntOrPercent(percent, true);
  }

  /**
   * Resolves this value against {@code total}.
   *
   * @param roundUp whether a fractional percentage rounds up (surge) or down (unavailable)
   */
  public int resolve(int total, boolean roundUp) {
    if (!percent) {
      return value;
    }
    return IntMath.divide(
        Math.multiplyExact(value, total), 100, roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR);
  }

  /** The value as Kubernetes writes it: {@code 3} or {@code "25%"}. */
  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
