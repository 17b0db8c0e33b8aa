package dev.rollouts.core.internal;

import dev.rollouts.core.status.RolloutStatus;
import java.util.Optional;

/** What the status calculation asks of the strategy; the rest is common to both. */
public interface StatusRules {

  /** The strategy's own part of "healthy": all steps done, the right ReplicaSet serving. */
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
