package dev.rollouts.cli.view;

import java.util.Map;
import java.util.Optional;

/**
 * A Rollout's phase and message as a client should read them: Argo's {@code GetRolloutPhase}.
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li>{@code status.observedGeneration} (a number) differs from {@code metadata.generation}:
 *       {@code Progressing}, "waiting for rollout spec update to be observed";
 *   <li>{@code status.controllerPause} is set but there are no pause conditions (someone promoted,
 *       the controller has not reacted yet): {@code Progressing}, "waiting for rollout to unpause";
 *   <li>{@code status.phase} is set: it, with {@code status.message};
 *   <li>otherwise (a controller older than Argo 1.0) the phase is computed from spec and status, as
 *       Argo's {@code CalculateRolloutPhase} does.
 * </ol>
 *
 * @param phase {@code Healthy}, {@code Progressing}, {@code Paused} or {@code Degraded} (or
 *     whatever else {@code status.phase} says)
 * @param message why; empty when there is nothing to say
 */
public record RolloutPhase(String phase, String message) {

  /** The phase of a Rollout given its generation, {@code spec} and {@code status} trees. */
  public static RolloutPhase of(
      Long generation, Map<String, Object> spec, Map<String, Object> status) {
    Optional<Integer> observed = Tree.integer(status, "observedGeneration");
    if (generation != null && observed.isPresent() && observed.get() < generation) {
      return new RolloutPhase("Progressing", "waiting for rollout spec update to be observed");
    }
    if (Tree.isTrue(status, "controllerPause") && Tree.list(status, "pauseConditions").isEmpty()) {
      return new RolloutPhase("Progressing", "waiting for rollout to unpause");
    }
    Optional<String> phase = Tree.string(status, "phase");
    if (phase.isPresent()) {
      return new RolloutPhase(phase.get(), Tree.string(status, "message").orElse(""));
    }
    return calculate(spec, status);
  }

  /** Whether the phase is final for a watcher: {@code Healthy} or {@code Degraded}. */
  public boolean isFinal() {
    return phase.equals("Healthy") || phase.equals("Degraded");
  }

  /** {@code Phase - message}, or the phase alone when there is no message. */
  @Override
  public String toString() {
    return message.isEmpty() ? phase : phase + " - " + message;
  }

  private static RolloutPhase calculate(Map<String, Object> spec, Map<String, Object> status) {
    for (Object condition : Tree.list(status, "conditions")) {
      String type = Tree.string(condition, "type").orElse("");
      String reason = Tree.string(condition, "reason").orElse("");
      String message = Tree.string(condition, "message").orElse("");
      if (type.equals("InvalidSpec")) {
        return new RolloutPhase("Degraded", "InvalidSpec: " + message);
      }
      if (reason.equals("RolloutAborted") || reason.equals("ProgressDeadlineExceeded")) {
        return new RolloutPhase("Degraded", reason + ": " + message);
      }
    }
    if (Tree.isTrue(spec, "paused")) {
      return new RolloutPhase("Paused", "manually paused");
    }
    Optional<String> pauseReason =
        Tree.list(status, "pauseConditions").stream()
            .findFirst()
            .flatMap(c -> Tree.string(c, "reason"));
    if (pauseReason.isPresent()) {
      return new RolloutPhase("Paused", pauseReason.get());
    }
    Optional<String> restartAt = Tree.string(spec, "restartAt");
    if (restartAt.isPresent() && !restartAt.equals(Tree.string(status, "restartedAt"))) {
      return new RolloutPhase("Progressing", "rollout is restarting");
    }
    int updated = Tree.integer(status, "updatedReplicas").orElse(0);
    if (updated < Tree.integer(spec, "replicas").orElse(1)) {
      return new RolloutPhase("Progressing", "more replicas need to be updated");
    }
    if (Tree.integer(status, "availableReplicas").orElse(0) < updated) {
      return new RolloutPhase("Progressing", "updated replicas are still becoming available");
    }
    Optional<String> currentPodHash = Tree.string(status, "currentPodHash");
    boolean promoted =
        Tree.string(status, "stableRS").isPresent()
            && Tree.string(status, "stableRS").equals(currentPodHash);
    if (Tree.object(spec, "strategy", "blueGreen").isPresent()) {
      Optional<String> active = Tree.string(status, "blueGreen", "activeSelector");
      if (active.isEmpty() || !active.equals(currentPodHash)) {
        return new RolloutPhase("Progressing", "active service cutover pending");
      }
      if (!promoted) {
        return new RolloutPhase(
            "Progressing", "waiting for post-promotion verification to complete");
      }
    } else if (Tree.object(spec, "strategy", "canary").isPresent()) {
      if (Tree.object(spec, "strategy", "canary", "trafficRouting").isEmpty()
          && Tree.integer(status, "replicas").orElse(0) > updated) {
        return new RolloutPhase("Progressing", "old replicas are pending termination");
      }
      if (!promoted) {
        return new RolloutPhase("Progressing", "waiting for all steps to complete");
      }
    }
    return new RolloutPhase("Healthy", "");
  }
}
