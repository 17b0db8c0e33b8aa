package dev.rollouts.cli.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a canary is in its steps, read from spec and status as Argo's {@code GetCurrentCanaryStep}
 * and {@code GetCurrentSetWeight} read them.
 *
 * @param steps {@code spec.strategy.canary.steps}
 * @param index {@code status.currentStepIndex}, if recorded
 * @param aborted {@code status.abort}
 */
record CanaryProgress(List<?> steps, Optional<Integer> index, boolean aborted) {

  static CanaryProgress of(Map<String, Object> spec, Map<String, Object> status) {
    return new CanaryProgress(
        Tree.list(spec, "strategy", "canary", "steps"),
        Tree.integer(status, "currentStepIndex"),
        Tree.isTrue(status, "abort"));
  }

  /** {@code index/steps}, when there are steps and an index. */
  Optional<String> step() {
    return steps.isEmpty() ? Optional.empty() : index.map(i -> i + "/" + steps.size());
  }

  /** The index of the step being worked on: absent without steps, or past the last one. */
  Optional<Integer> current() {
    int i = index.orElse(0);
    return steps.isEmpty() || i >= steps.size() ? Optional.empty() : Optional.of(i);
  }

  /**
   * The weight the current step asks for: 0 when aborted; 100 past the last step; else the weight
   * of the last {@code setWeight} step at or before it, 0 if none.
   */
  Optional<Integer> setWeight() {
    if (aborted) {
      return Optional.of(0);
    }
    Optional<Integer> current = current();
    if (current.isEmpty()) {
      return Optional.of(100);
    }
    for (int i = current.get(); i >= 0; i--) {
      Optional<Integer> weight = Tree.integer(steps.get(i), "setWeight");
      if (weight.isPresent()) {
        return weight;
      }
    }
    return Optional.of(0);
  }

  /**
   * The share of traffic the canary receives: 100 past the last step; 0 while no pod is available;
   * with a traffic router, the canary weight last recorded in {@code status.canary.weights} (the
   * set weight when none was); without one, the canary ReplicaSet's share of the available pods.
   */
  Optional<Integer> actualWeight(
      Map<String, Object> spec, Map<String, Object> status, List<ReplicaSetInfo> replicaSets) {
    if (current().isEmpty() && !aborted) {
      return Optional.of(100);
    }
    int available = Tree.integer(status, "availableReplicas").orElse(0);
    if (available <= 0) {
      return Optional.of(0);
    }
    if (Tree.object(spec, "strategy", "canary", "trafficRouting").isPresent()) {
      return Tree.integer(status, "canary", "weights", "canary", "weight").or(this::setWeight);
    }
    return Optional.of(
        replicaSets.stream()
                .filter(rs -> rs.tags().contains("canary"))
                .mapToInt(ReplicaSetInfo::available)
                .sum()
            * 100
            / available);
  }
}
