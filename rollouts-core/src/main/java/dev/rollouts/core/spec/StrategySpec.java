package dev.rollouts.core.spec;

import java.util.Optional;

/**
 * {@code spec.strategy}: exactly one of {@code canary} and {@code blueGreen} must be set. Both are
 * kept as written so that validation can report a Rollout with none or with two.
 *
 * @param canary {@code strategy.canary}
 * @param blueGreen {@code strategy.blueGreen}
 */
public record StrategySpec(Optional<CanaryStrategy> canary, Optional<BlueGreenStrategy> blueGreen) {

  /** A canary strategy. */
  public static StrategySpec of(CanaryStrategy canary) {
    return new StrategySpec(Optional.of(canary), Optional.empty());
  }

  /** A blue-green strategy. */
  public static StrategySpec of(BlueGreenStrategy blueGreen) {
    return new StrategySpec(Optional.empty(), Optional.of(blueGreen));
  }
}
