package dev.rollouts.core.internal.canary;

import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.RolloutStatus;
import java.util.List;
import java.util.Optional;

/**
 * Where a canary Rollout is in its steps, read from the previous status, and what that asks for.
 *
 * @param rollout the Rollout
 * @param canary its canary strategy
 * @param aborted whether the Rollout is aborted in this sync
 */
record CanarySteps(Rollout rollout, CanaryStrategy canary, boolean aborted) {

  private static final List<Class<? extends CanaryStep>> DESCRIPTION_ORDER =
      List.of(
          CanaryStep.SetWeight.class,
          CanaryStep.Pause.class,
          CanaryStep.Experiment.class,
          CanaryStep.Analysis.class,
          CanaryStep.SetCanaryScale.class,
          CanaryStep.SetHeaderRoute.class,
          CanaryStep.SetMirrorRoute.class);

  List<CanaryStep> steps() {
    return canary.effectiveSteps();
  }

  RolloutStatus status() {
    return rollout.status();
  }

  /** {@code status.currentStepIndex}, 0 when absent; absent when there are no steps. */
  Optional<Integer> index() {
    return steps().isEmpty()
        ? Optional.empty()
        : Optional.of(status().currentStepIndex().orElse(0));
  }

  /** The step at the current index; absent with no steps or past the last one. */
  Optional<CanaryStep> current() {
    return index().filter(i -> i < steps().size()).map(i -> steps().get(i));
  }

  /**
   * The weight of the last {@code setWeight} at or before the current step (Argo's
   * GetCurrentSetWeight).
   */
  int currentSetWeight() {
    if (aborted) {
      return 0;
    }
    if (current().isEmpty()) {
      return canary.effectiveMaxTrafficWeight();
    }
    return weightAtOrBefore(index().get());
  }

  /** The last {@code setWeight} strictly before the current step, 0 when none. */
  int previousSetWeight() {
    return index().map(i -> weightAtOrBefore(i - 1)).orElse(0);
  }

  private int weightAtOrBefore(int index) {
    for (int i = Math.min(index, steps().size() - 1); i >= 0; i--) {
      Optional<CanaryStep.SetWeight> w = steps().get(i).part(CanaryStep.SetWeight.class);
      if (w.isPresent()) {
        return w.get().weight();
      }
    }
    return 0;
  }

  /** The {@code setCanaryScale} in force, with a router only (Argo's UseSetCanaryScale). */
  Optional<CanaryStep.SetCanaryScale> canaryScale(boolean abortDelayDisabled) {
    if (canary.trafficRouting().isEmpty()
        || (aborted && !abortDelayDisabled)
        || current().isEmpty()) {
      return Optional.empty();
    }
    for (int i = index().get(); i >= 0; i--) {
      Optional<CanaryStep.SetCanaryScale> s = steps().get(i).part(CanaryStep.SetCanaryScale.class);
      if (s.isPresent()) {
        return s.get().matchTrafficWeight() ? Optional.empty() : s;
      }
    }
    return Optional.empty();
  }

  /** Whether the steps are done or skipped: full promotion, no stable yet, or fully promoted. */
  boolean goesToFullWeight() {
    return status().promoteFull()
        || status().stableRS().isEmpty()
        || status().currentPodHash().equals(status().stableRS());
  }

  /**
   * Argo's GetCanaryReplicasOrWeight: an absolute canary count from {@code setCanaryScale}, or the
   * weight to size the canary for.
   */
  ReplicasOrWeight replicasOrWeight(
      boolean abortDelayDisabled,
      Optional<ObservedReplicaSet> newRS,
      Optional<ObservedReplicaSet> stableRS) {
    if (goesToFullWeight()) {
      return new ReplicasOrWeight(Optional.empty(), canary.effectiveMaxTrafficWeight());
    }
    Optional<CanaryStep.SetCanaryScale> scale = canaryScale(abortDelayDisabled);
    if (scale.isPresent() && scale.get().replicas().isPresent()) {
      return new ReplicasOrWeight(scale.get().replicas(), 0);
    }
    if (scale.isPresent() && scale.get().weight().isPresent()) {
      return new ReplicasOrWeight(
          Optional.empty(),
          (int) ((long) scale.get().weight().get() * canary.effectiveMaxTrafficWeight() / 100));
    }
    return new ReplicasOrWeight(Optional.empty(), desiredCanaryWeight(newRS, stableRS));
  }

  /**
   * Argo's GetDesiredCanaryWeight: the current {@code setWeight}, except on an abort with {@code
   * dynamicStableScale}, where the weight steps back down through the steps' {@code setWeight}
   * values in reverse: the highest one whose canary pods are fewer than the canary still has to
   * hold (what the available stable pods cannot yet take, or the canary's available pods if more;
   * only the former with an explicit {@code abortScaleDownDelaySeconds}, whose canary stays whole
   * until its deadline), else 0. So an abort late in the steps never surges stable to full at once.
   */
  int desiredCanaryWeight(
      Optional<ObservedReplicaSet> newRS, Optional<ObservedReplicaSet> stableRS) {
    if (!aborted || !canary.dynamicStableScale() || newRS.isEmpty() || stableRS.isEmpty()) {
      return currentSetWeight();
    }
    int replicas = rollout.spec().replicas();
    int expectedCanary = replicas - stableRS.get().availableReplicas();
    int canaryReplicas =
        AbortDelay.explicit(canary)
            ? expectedCanary
            : Math.max(expectedCanary, newRS.get().availableReplicas());
    int total = canary.effectiveMaxTrafficWeight();
    for (int i = steps().size() - 1; i >= 0; i--) {
      Optional<CanaryStep.SetWeight> w = steps().get(i).part(CanaryStep.SetWeight.class);
      if (w.isPresent()
          && CanaryReplicas.toReplicas(w.get().weight(), replicas, total) < canaryReplicas) {
        return w.get().weight();
      }
    }
    return 0;
  }

  /**
   * A canary size: an absolute count, or a weight out of the traffic total.
   *
   * @param replicas the absolute count, if {@code setCanaryScale.replicas} is in force
   * @param weight the weight otherwise
   */
  record ReplicasOrWeight(Optional<Integer> replicas, int weight) {}

  /** Whether the current step waits without a deadline (pause, analysis, experiment). */
  boolean indefiniteStep() {
    return current()
        .map(
            s ->
                s.part(CanaryStep.Pause.class).isPresent()
                    || s.part(CanaryStep.Analysis.class).isPresent()
                    || s.part(CanaryStep.Experiment.class).isPresent())
        .orElse(false);
  }

  /**
   * The step as Argo describes it in events: {@code setWeight: 20}, {@code pause: 10s}; a combined
   * step by its first field in Argo's order of description (setWeight, pause, experiment, analysis,
   * setCanaryScale, setHeaderRoute, setMirrorRoute), as {@code rolloututil.CanaryStepString}.
   */
  static String describe(CanaryStep step) {
    if (step instanceof CanaryStep.Combined combined) {
      for (Class<? extends CanaryStep> kind : DESCRIPTION_ORDER) {
        Optional<? extends CanaryStep> part = combined.part(kind);
        if (part.isPresent()) {
          return describe(part.get());
        }
      }
      return "invalid";
    }
    if (step instanceof CanaryStep.SetWeight w) {
      return "setWeight: " + w.weight();
    }
    if (step instanceof CanaryStep.Pause p) {
      return p.duration().map(d -> "pause: " + d.text()).orElse("pause");
    }
    if (step instanceof CanaryStep.SetCanaryScale s) {
      if (s.replicas().isPresent()) {
        return "setCanaryScale{replicas: " + s.replicas().get() + "}";
      }
      return s.weight()
          .map(w -> "setCanaryScale{weight: " + w + "}")
          .orElse("setCanaryScale{matchTrafficWeight: true}");
    }
    if (step instanceof CanaryStep.SetHeaderRoute) {
      return "setHeaderRoute";
    }
    if (step instanceof CanaryStep.SetMirrorRoute) {
      return "setMirrorRoute";
    }
    return step instanceof CanaryStep.Analysis ? "analysis" : "experiment";
  }
}
