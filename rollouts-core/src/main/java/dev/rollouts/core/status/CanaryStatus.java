package dev.rollouts.core.status;

import java.util.Optional;

/**
 * {@code status.canary}.
 *
 * @param weights the weights last applied through a traffic router; absent without one
 */
public record CanaryStatus(Optional<TrafficWeights> weights) {

  /** No canary status. */
  public static CanaryStatus empty() {
    return new CanaryStatus(Optional.empty());
  }
}
