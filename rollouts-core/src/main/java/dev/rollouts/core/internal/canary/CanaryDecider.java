package dev.rollouts.core.internal.canary;

import com.google.common.base.Suppliers;
import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.internal.EphemeralMetadata;
import dev.rollouts.core.internal.RevisionHistory;
import dev.rollouts.core.internal.StatusCalculator;
import dev.rollouts.core.internal.Strategy;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.ReplicaWeighting;
import dev.rollouts.core.traffic.TrafficPlugin;
import dev.rollouts.core.traffic.TrafficRouter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One sync of a canary Rollout, in Argo's order: a changed template or changed steps only reset the
 * status; otherwise create the new ReplicaSet, prune history, point the Services, move traffic,
 * scale (stable and canary together, older ReplicaSets only once those are settled), enter a pause
 * step, then advance at most one step or promote.
 */
public final class CanaryDecider implements Strategy {

  private final Map<String, TrafficPlugin> plugins;

  /** A decider that selects from these plug-ins (already validated to contain what is named). */
  public CanaryDecider(Map<String, TrafficPlugin> plugins) {
    this.plugins = plugins;
  }

  @Override
  public RolloutStatus decide(Sync sync) {
    Rollout rollout = sync.rollout();
    CanaryStrategy canary = rollout.spec().strategy().canary().orElseThrow();
    if (StatusCalculator.isFullyPromoted(rollout.status()) && sync.pause().isAborted()) {
      sync.pause().removeAbort();
    }
    String stepHash = canary.stepHash();
    boolean changed = templateOrStepsChanged(sync, stepHash);
    if (sync.snapshot().newRS().isEmpty()) {
      EphemeralMetadata.antiAffinity(sync, canary.antiAffinity()).ifPresent(sync::antiAffinity);
    }
    // Argo creates the new ReplicaSet (at 0) before it resets the status for a new template.
    ObservedReplicaSet newRS = sync.ensureNewReplicaSet();
    EphemeralMetadata.reconcile(sync, canary.canaryMetadata(), canary.stableMetadata());
    if (changed) {
      return CanaryStatusRules.reset(sync, canary, stepHash);
    }
    CanarySteps steps = new CanarySteps(rollout, canary, sync.pause().isAborted());
    CanaryReplicas replicas = new CanaryReplicas(rollout, canary, steps, sync.snapshot());
    RevisionHistory.prune(sync, sync.snapshot().others());
    CanaryTraffic traffic = new CanaryTraffic(sync, canary, steps, replicas);
    traffic.reconcileServices();
    Optional<TrafficWeights> weights = Optional.empty();
    Optional<TrafficRouter> router = router(canary);
    if (router.isPresent()) {
      weights = traffic.reconcileRouting(router.get(), canary.trafficRouting().get());
    }
    // The unrouted split depends only on this sync's snapshot: scaling and step completion share
    // it.
    Supplier<ReplicaSplit> basicSplit =
        Suppliers.memoize(
            () -> replicas.basic((ReplicaWeighting) plugins.get(ReplicaWeighting.DEFAULT_NAME)));
    boolean scaled =
        !rollout.spec().paused() && scale(sync, canary, steps, replicas, weights, basicSplit);
    if (!scaled) {
      enterPauseStep(sync, steps);
    }
    return new CanaryStatusRules(
            sync, canary, steps, replicas, newRS, stepHash, weights, basicSplit)
        .next();
  }

  private Optional<TrafficRouter> router(CanaryStrategy canary) {
    return canary
        .trafficRouting()
        .flatMap(r -> r.routers().keySet().stream().findFirst())
        .map(plugins::get)
        .map(TrafficRouter.class::cast);
  }

  /**
   * Argo's PodTemplateOrStepsChanged: the steps' hash or the template's hash differs from status.
   */
  private static boolean templateOrStepsChanged(Sync sync, String stepHash) {
    RolloutStatus status = sync.rollout().status();
    if (!status.currentStepHash().equals(Optional.of(stepHash))) {
      return true;
    }
    String podHash =
        sync.snapshot()
            .newRS()
            .map(ObservedReplicaSet::podTemplateHash)
            .orElse(sync.rollout().spec().template().hash());
    return status.currentPodHash().isPresent() && !status.currentPodHash().get().equals(podHash);
  }

  /**
   * Scales stable and canary to the step's counts, then older ReplicaSets; returns whether it
   * scaled.
   */
  private boolean scale(
      Sync sync,
      CanaryStrategy canary,
      CanarySteps steps,
      CanaryReplicas replicas,
      Optional<TrafficWeights> weights,
      Supplier<ReplicaSplit> basicSplit) {
    boolean delayAbort = AbortDelay.applies(sync, canary, steps);
    ObservedReplicaSet newRS = sync.snapshot().newRS().orElseThrow();
    if (!delayAbort) {
      sync.deadline(newRS, Optional.empty());
    }
    sync.snapshot().stableRS().ifPresent(stable -> sync.deadline(stable, Optional.empty()));
    ReplicaSplit split =
        canary.trafficRouting().isPresent() ? replicas.forAppliedWeights() : basicSplit.get();
    boolean scaled = false;
    if (sync.snapshot().hasDistinctStable()) {
      scaled = sync.scale(sync.snapshot().stableRS().get(), split.stable());
    }
    if (!delayAbort) {
      scaled |= sync.scale(newRS, split.canary());
    } else {
      AbortDelay.Delay delay = AbortDelay.of(sync, canary, newRS);
      if (delay.expired()) {
        scaled |= sync.scale(newRS, 0);
      } else {
        delay.deadline().ifPresent(d -> sync.deadline(newRS, Optional.of(d)));
        delay.requeueAfter().ifPresent(sync::requeueAfter);
      }
    }
    if (scaled) {
      return true;
    }
    return new OtherReplicaSets(sync, canary, replicas.limits()).scaleDown();
  }

  /**
   * Argo's reconcileCanaryPause: a pause step adds its pause condition and asks to wake when it
   * ends.
   */
  private static void enterPauseStep(Sync sync, CanarySteps steps) {
    RolloutStatus status = sync.rollout().status();
    if (sync.rollout().spec().paused() || status.promoteFull() || steps.aborted()) {
      return;
    }
    Optional<CanaryStep.Pause> step = steps.current().flatMap(s -> s.part(CanaryStep.Pause.class));
    if (step.isEmpty()) {
      return;
    }
    CanaryStep.Pause pause = step.get();
    var condition = sync.pause().previousCondition(PauseReason.CanaryPauseStep);
    if (condition.isEmpty()) {
      if (!status.controllerPause()) {
        sync.pause().addPause(PauseReason.CanaryPauseStep);
        pause.duration().flatMap(d -> d.toDuration()).ifPresent(sync::requeueAfter);
      }
      return;
    }
    pause
        .duration()
        .flatMap(d -> d.toDuration())
        .ifPresent(
            d ->
                sync.requeueAfter(
                    java.time.Duration.between(sync.now(), condition.get().startTime().plus(d))
                        .plusMillis(1)));
  }

  static void stepEvent(Sync sync, int completed, int count, CanaryStep step) {
    sync.event(
        RolloutEvent.normal(
            EventReason.RolloutStepCompleted,
            String.format(
                "Rollout step %d/%d completed (%s)",
                completed, count, CanarySteps.describe(step))));
  }
}
