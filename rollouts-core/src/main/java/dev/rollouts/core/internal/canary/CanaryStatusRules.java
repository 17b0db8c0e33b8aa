package dev.rollouts.core.internal.canary;

import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.internal.BaseStatus;
import dev.rollouts.core.internal.StatusCalculator;
import dev.rollouts.core.internal.StatusRules;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.status.ConditionReason;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.traffic.ReplicaSplit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The canary's status for one sync (Argo's syncRolloutStatusCanary): promote when done, hold the
 * step index while aborted, otherwise advance at most one step.
 */
final class CanaryStatusRules implements StatusRules {

  private final Sync sync;
  private final CanaryStrategy canary;
  private final CanarySteps steps;
  private final CanaryReplicas replicas;
  private final ObservedReplicaSet newRS;
  private final String stepHash;
  private final Optional<TrafficWeights> weights;
  private final Supplier<ReplicaSplit> basicSplit;

  CanaryStatusRules(
      Sync sync,
      CanaryStrategy canary,
      CanarySteps steps,
      CanaryReplicas replicas,
      ObservedReplicaSet newRS,
      String stepHash,
      Optional<TrafficWeights> weights,
      Supplier<ReplicaSplit> basicSplit) {
    this.sync = sync;
    this.canary = canary;
    this.steps = steps;
    this.replicas = replicas;
    this.newRS = newRS;
    this.stepHash = stepHash;
    this.weights = weights;
    this.basicSplit = basicSplit;
  }

  /** The status sync after a template or steps change: back to step 0, nothing scaled. */
  static RolloutStatus reset(Sync sync, CanaryStrategy canary, String stepHash) {
    sync.pause().clearPauseConditions();
    sync.pause().removeAbort();
    int stepCount = canary.effectiveSteps().size();
    Optional<Integer> index = stepCount > 0 ? Optional.of(0) : Optional.empty();
    Optional<ObservedReplicaSet> newRS = sync.snapshot().newRS();
    if (newRS.isPresent()
        && stepCount > 0
        && sync.rollout().status().stableRS().equals(Optional.of(newRS.get().podTemplateHash()))) {
      sync.event(RolloutEvent.normal(EventReason.SkipSteps, "Rollback to stable ReplicaSets"));
      index = Optional.of(stepCount);
    }
    RolloutStatus next =
        BaseStatus.of(sync)
            .promoteFull(false)
            .restartedAt(
                sync.rollout().spec().restartAt().or(() -> sync.rollout().status().restartedAt()))
            .currentStepHash(stepHash)
            .currentStepIndex(index)
            .canary(sync.rollout().status().canary())
            .build();
    CanarySteps steps = new CanarySteps(sync.rollout(), canary, false);
    CanaryReplicas replicas = new CanaryReplicas(sync.rollout(), canary, steps, sync.snapshot());
    long revision = newRS.map(sync::revision).orElse(sync.snapshot().maxRevision() + 1);
    return new StatusCalculator(
            sync,
            new CanaryStatusRules(
                sync,
                canary,
                steps,
                replicas,
                newRS.orElse(null),
                stepHash,
                Optional.empty(),
                () -> {
                  throw new IllegalStateException("a reset sync completes no step");
                }))
        .finish(next, revision);
  }

  /** The status after this sync's scaling. */
  RolloutStatus next() {
    RolloutStatus previous = sync.rollout().status();
    RolloutStatus.Builder status =
        BaseStatus.of(sync)
            .currentStepHash(stepHash)
            .canary(new dev.rollouts.core.status.CanaryStatus(weights));
    int stepCount = steps.steps().size();
    Optional<Integer> index = steps.index();
    if (previous.promoteFull()) {
      sync.pause().clearPauseConditions();
      sync.pause().removeAbort();
      if (stepCount > 0) {
        index = Optional.of(stepCount);
      }
    }
    Optional<String> promotion = fullPromotionReason();
    String podHash = newRS.podTemplateHash();
    if (promotion.isPresent()) {
      sync.pause().clearPauseConditions();
      sync.pause().removeAbort();
      status.promoteFull(false).stableRS(podHash);
      index = stepCount > 0 ? Optional.of(stepCount) : Optional.empty();
      if (!previous.stableRS().equals(Optional.of(podHash))) {
        sync.event(
            RolloutEvent.normal(
                EventReason.RolloutCompleted,
                String.format(
                    "Rollout completed update to revision %d (%s): %s",
                    sync.revision(newRS), podHash, promotion.get())));
      }
    } else if (sync.pause().isAborted()) {
      if (stepCount > 0) {
        index = Optional.of(previous.stableRS().equals(Optional.of(podHash)) ? stepCount : 0);
      }
    } else if (progress().completed()) {
      int completed = index.get() + 1;
      CanaryDecider.stepEvent(sync, completed, stepCount, steps.current().get());
      index = Optional.of(completed);
      sync.pause().removePause(PauseReason.CanaryPauseStep);
    }
    return new StatusCalculator(sync, this)
        .finish(status.currentStepIndex(index).build(), sync.revision(newRS));
  }

  /** Argo's shouldFullPromote. */
  private Optional<String> fullPromotionReason() {
    RolloutStatus previous = sync.rollout().status();
    if (previous.stableRS().isEmpty()) {
      return Optional.of("Initial deploy");
    }
    if (sync.pause().isAborted() || newRS.availableReplicas() != sync.rollout().spec().replicas()) {
      return Optional.empty();
    }
    if (previous.promoteFull()) {
      return Optional.of("Full promotion requested");
    }
    int stepCount = steps.steps().size();
    if (stepCount == 0 || steps.index().equals(Optional.of(stepCount))) {
      return Optional.of("Completed all " + stepCount + " canary steps");
    }
    return Optional.empty();
  }

  /**
   * Argo's completedCurrentCanaryStep: a step's fields are looked at in Argo's order (pause, then
   * setCanaryScale, then setWeight, then analysis and experiment), so {@code {setWeight: 10,
   * setCanaryScale: {replicas: 5}}} is done when the canary has its 5 pods.
   */
  private StepProgress stepProgress() {
    if (sync.rollout().spec().paused() || steps.current().isEmpty()) {
      return StepProgress.WAITING;
    }
    CanaryStep step = steps.current().get();
    Optional<CanaryStep.Pause> pause = step.part(CanaryStep.Pause.class);
    if (pause.isPresent()) {
      return StepProgress.of(pauseCompleted(pause.get()));
    }
    if (step.part(CanaryStep.SetCanaryScale.class).isPresent()) {
      return StepProgress.of(replicas.atDesired(desiredCounts(), false));
    }
    if (step.part(CanaryStep.SetWeight.class).isPresent()) {
      return StepProgress.of(
          sync.blocker().isEmpty()
              && replicas.atDesired(desiredCounts(), true)
              && !weights.flatMap(TrafficWeights::verified).equals(Optional.of(false)));
    }
    if (step.part(CanaryStep.Analysis.class).isPresent()
        || step.part(CanaryStep.Experiment.class).isPresent()) {
      return new StepProgress(
          false,
          Optional.of(
              new Sync.Blocker(
                  ConditionReason.StepNotSupported.value(),
                  String.format(
                      "step %d (%s) needs the analysis capability, which this engine does not have yet; promote the Rollout to skip it",
                      steps.index().get(), CanarySteps.describe(step)))));
    }
    return StepProgress.of(true);
  }

  /** {@link #stepProgress}, with its blocker recorded for the Progressing condition. */
  private StepProgress progress() {
    StepProgress progress = stepProgress();
    progress.blocker().ifPresent(b -> sync.blockedBy(b.reason(), b.message()));
    return progress;
  }

  /**
   * Whether the current step is done, and what stops it if something outside the spec does. A
   * value: deciding it changes nothing.
   *
   * @param completed whether the step is done
   * @param blocker why the Rollout cannot progress past it, if that is the case
   */
  record StepProgress(boolean completed, Optional<Sync.Blocker> blocker) {
    static final StepProgress WAITING = new StepProgress(false, Optional.empty());

    static StepProgress of(boolean completed) {
      return completed ? new StepProgress(true, Optional.empty()) : WAITING;
    }
  }

  private ReplicaSplit desiredCounts() {
    return canary.trafficRouting().isPresent() ? replicas.forNewWeights(weights) : basicSplit.get();
  }

  private boolean pauseCompleted(CanaryStep.Pause pause) {
    RolloutStatus previous = sync.rollout().status();
    var condition = sync.pause().previousCondition(PauseReason.CanaryPauseStep);
    if (previous.controllerPause() && condition.isEmpty()) {
      return true;
    }
    return condition.isPresent()
        && pause
            .duration()
            .flatMap(d -> d.toDuration())
            .map(d -> sync.now().isAfter(condition.get().startTime().plus(d)))
            .orElse(false);
  }

  @Override
  public boolean strategyHealthy(RolloutStatus next) {
    boolean allSteps =
        steps.steps().isEmpty()
            || next.currentStepIndex().isEmpty()
            || next.currentStepIndex().get() == steps.steps().size();
    boolean oldReplicasScaledDown = next.replicas() == sync.rollout().spec().replicas();
    return allSteps && StatusCalculator.isFullyPromoted(next) && oldReplicasScaledDown;
  }

  @Override
  public boolean strategyProgressed(RolloutStatus previous, RolloutStatus next) {
    return !previous.stableRS().equals(next.stableRS())
        || (previous.currentStepIndex().isPresent()
            && next.currentStepIndex().isPresent()
            && !previous.currentStepIndex().equals(next.currentStepIndex()))
        || !previous.currentStepHash().equals(next.currentStepHash());
  }

  @Override
  public boolean indefiniteStep() {
    return steps.indefiniteStep();
  }

  @Override
  public boolean available(RolloutStatus next) {
    return next.availableReplicas() >= sync.rollout().spec().replicas();
  }

  @Override
  public Optional<String> progressingMessage(RolloutStatus next) {
    if (canary.trafficRouting().isEmpty() && next.replicas() > next.updatedReplicas()) {
      return Optional.of("old replicas are pending termination");
    }
    if (!StatusCalculator.isFullyPromoted(next)) {
      return Optional.of("waiting for all steps to complete");
    }
    return Optional.empty();
  }
}
