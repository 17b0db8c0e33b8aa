package dev.rollouts.core.internal;

import dev.rollouts.core.spec.IntOrPercent;

/**
 * {@code maxSurge} and {@code maxUnavailable} resolved against {@code replicas} as Kubernetes'
 * ResolveFenceposts does: surge rounds up, unavailable rounds down, and when both come to zero
 * unavailable becomes 1 so that a rollout can always make progress.
 *
 * @param maxSurge pods allowed above {@code replicas}
 * @param maxUnavailable pods allowed below {@code replicas}, never more than {@code replicas}
 */
public record Limits(int maxSurge, int maxUnavailable) {

  /** Resolves the two values against {@code replicas}. */
  public static Limits resolve(IntOrPercent maxSurge, IntOrPercent maxUnavailable, int replicas) {
    int surge = maxSurge.resolve(replicas, true);
    int unavailable = maxUnavailable.resolve(replicas, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new Limits(surge, Math.min(unavailable, replicas));
  }
}
