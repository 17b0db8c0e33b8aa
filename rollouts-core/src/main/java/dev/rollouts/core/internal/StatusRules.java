package dev.rollouts.core.internal;

import dev.rollouts.core.status.RolloutStatus;
import java.util.Optional;

/** What the status calculation asks of the strategy; the rest is common to both. */
public interface StatusRules {

  /**
   * The strategy's own part of "healthy", beside all pods updated and available: for a canary all
   * steps done and no old pods left; for blue-green both Services on the new ReplicaSet (old pods
   * may still wait out {@code scaleDownDelaySeconds}).
   */
  boolean strategyHealthy(RolloutStatus next);

  /** The strategy's own signs of progress between the previous status and the next. */
  boolean strategyProgressed(RolloutStatus previous, RolloutStatus next);

  /** Whether the Rollout waits on an open-ended step, so the progress deadline does not run. */
  boolean indefiniteStep();

  /** Whether the Rollout has its minimum availability. */
  boolean available(RolloutStatus next);

  /** The strategy's Progressing message once the common phase rules found nothing, if any. */
  Optional<String> progressingMessage(RolloutStatus next);
}
