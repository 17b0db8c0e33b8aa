package dev.rollouts.cli.view;

import java.time.Instant;

/**
 * The two "nows" a view needs.
 *
 * <p>Ages ({@code 12s}) compare {@code metadata.creationTimestamp}, which the API server writes,
 * with {@code wall}; the scale-down delay of a ReplicaSet ({@code delay:25s}) compares the deadline
 * the controller wrote with {@code controller}. Against a real cluster both are the wall clock; in
 * {@code rollouts simulate} the controller's clock runs {@code --speed} times faster.
 *
 * @param wall the wall clock
 * @param controller the controller's clock
 */
public record ViewTime(Instant wall, Instant controller) {

  /** Both clocks at {@code now}. */
  public static ViewTime at(Instant now) {
    return new ViewTime(now, now);
  }
}
