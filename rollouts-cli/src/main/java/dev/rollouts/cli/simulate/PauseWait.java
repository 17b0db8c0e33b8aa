package dev.rollouts.cli.simulate;

import dev.rollouts.cli.view.Tree;
import dev.rollouts.kubernetes.crd.RolloutResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Rollout waits for someone to promote it: it has a pause condition that no clock ends —
 * a canary {@code pause} step without a duration, a blue-green pause without {@code
 * autoPromotionSeconds}, an inconclusive analysis. A manual pause ({@code spec.paused}) is the
 * user's own and does not count.
 */
final class PauseWait {

  private PauseWait() {}

  /** The reason of the pause without end the Rollout waits in, if it does. */
  static Optional<String> indefinite(RolloutResource rollout) {
    Map<String, Object> spec = rollout.getSpec();
    Map<String, Object> status = rollout.getStatus();
    List<?> conditions = Tree.list(status, "pauseConditions");
    if (conditions.isEmpty() || Tree.isTrue(spec, "paused")) {
      return Optional.empty();
    }
    String reason = Tree.string(conditions.get(0), "reason").orElse("Paused");
    boolean timed =
        switch (reason) {
          case "CanaryPauseStep" -> {
            List<?> steps = Tree.list(spec, "strategy", "canary", "steps");
            int index = Tree.integer(status, "currentStepIndex").orElse(0);
            yield index < steps.size()
                && Tree.at(steps.get(index), "pause", "duration").isPresent();
          }
          case "BlueGreenPause" ->
              Tree.at(spec, "strategy", "blueGreen", "autoPromotionSeconds").isPresent();
          default -> false;
        };
    return timed ? Optional.empty() : Optional.of(reason);
  }
}
