package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.internal.Strategy;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.status.RolloutStatus;

/** Placeholder until the blue-green strategy lands: reports the Rollout as unsupported. */
public final class BlueGreenDecider implements Strategy {

  @Override
  public RolloutStatus decide(Sync sync) {
    throw new UnsupportedOperationException("blue-green is being built");
  }
}
