package dev.rollouts.core.internal.canary;

import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code abortScaleDownDelaySeconds}: with a router, an aborted canary keeps its pods until stable
 * is whole again and the delay (30 s by default) has passed, marked by the {@code
 * scale-down-deadline} annotation. An explicit 0 disables the scale-down.
 */
final class AbortDelay {

  private AbortDelay() {}

  /** Whether {@code abortScaleDownDelaySeconds: 0} turned the scale-down on abort off. */
  static boolean disabled(CanaryStrategy canary) {
    return canary.abortScaleDownDelaySeconds().equals(Optional.of(0));
  }

  /**
   * Argo's HasExplicitAbortScaleDownDelay: {@code abortScaleDownDelaySeconds} written, and not 0
   * (with a router; without one the field has no effect).
   */
  static boolean explicit(CanaryStrategy canary) {
    return canary.trafficRouting().isPresent()
        && canary.abortScaleDownDelaySeconds().filter(d -> d != 0).isPresent();
  }

  /**
   * Whether this sync delays scaling down an aborted canary (Argo's shouldDelayScaleDownOnAbort).
   */
  static boolean applies(Sync sync, CanaryStrategy canary, CanarySteps steps) {
    return steps.aborted()
        && sync.snapshot().stableRS().isPresent()
        && canary.trafficRouting().isPresent()
        && !disabled(canary)
        && !(canary.dynamicStableScale() && canary.abortScaleDownDelaySeconds().isEmpty());
  }

  /**
   * Where the delay stands for {@code canaryRS}: over, or still running with the deadline to keep
   * (set once stable is whole) and when to look again. A value; the caller applies it.
   *
   * @param expired whether the canary may be scaled down now
   * @param deadline the {@code scale-down-deadline} the canary should carry
   * @param requeueAfter when to decide again for the deadline
   */
  record Delay(boolean expired, Optional<Instant> deadline, Optional<Duration> requeueAfter) {}

  /** Argo's abort scale-down delay for {@code canaryRS}, at {@code now}. */
  static Delay of(Sync sync, CanaryStrategy canary, ObservedReplicaSet canaryRS) {
    Optional<Instant> deadline = canaryRS.scaleDownDeadline();
    if (deadline.isPresent()) {
      if (deadline.get().isAfter(sync.now())) {
        return new Delay(
            false, deadline, Optional.of(Duration.between(sync.now(), deadline.get())));
      }
      return new Delay(true, deadline, Optional.empty());
    }
    ObservedReplicaSet stable = sync.snapshot().stableRS().orElseThrow();
    if (stable.availableReplicas() == sync.rollout().spec().replicas()) {
      int delay =
          canary
              .abortScaleDownDelaySeconds()
              .orElse(CanaryStrategy.DEFAULT_SCALE_DOWN_DELAY_SECONDS);
      return new Delay(
          false,
          Optional.of(sync.now().plusSeconds(delay)),
          Optional.of(Duration.ofSeconds(delay)));
    }
    return new Delay(false, Optional.empty(), Optional.empty());
  }
}
