package dev.rollouts.core.internal;

import dev.rollouts.core.status.RolloutStatus;

/**
 * One deployment strategy (canary, blue-green): given a valid Rollout's sync, writes the desired
 * ReplicaSets, selectors, routing objects and events into it and returns the new status.
 */
public interface Strategy {

  /** Decides one sync; the Rollout is valid. */
  RolloutStatus decide(Sync sync);
}
