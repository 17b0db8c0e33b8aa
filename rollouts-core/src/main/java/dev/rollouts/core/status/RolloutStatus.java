package dev.rollouts.core.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code status} of a Rollout, as Argo Rollouts writes it.
 *
 * <p>{@code stableRS} is absent when a Rollout is first deployed and becomes the pod-template hash
 * of the new ReplicaSet once an update completes. {@code currentStepIndex} is absent for a
 * blue-green Rollout and equals the number of steps once the canary is fully promoted.
 */
@Value.Immutable
public interface RolloutStatus {

  /** {@code observedGeneration}: the {@code metadata.generation} this status reflects. */
  Optional<String> observedGeneration();

  /** {@code phase}. */
  Optional<Phase> phase();

  /** {@code message}: why the Rollout is in its phase, empty when Healthy. */
  Optional<String> message();

  /** {@code conditions}. */
  List<Condition> conditions();

  /** {@code currentStepIndex}: the canary step being carried out. */
  Optional<Integer> currentStepIndex();

  /** {@code currentStepHash}: Argo's hash of the steps, to notice that they changed. */
  Optional<String> currentStepHash();

  /** {@code currentPodHash}: the pod-template hash of the template being rolled out. */
  Optional<String> currentPodHash();

  /** {@code stableRS}: the pod-template hash of the last fully promoted template. */
  Optional<String> stableRS();

  /** {@code replicas}: pods of every ReplicaSet. */
  @Value.Default
  default int replicas() {
    return 0;
  }

  /** {@code updatedReplicas}: pods of the new ReplicaSet. */
  @Value.Default
  default int updatedReplicas() {
    return 0;
  }

  /** {@code readyReplicas}. */
  @Value.Default
  default int readyReplicas() {
    return 0;
  }

  /** {@code availableReplicas}. */
  @Value.Default
  default int availableReplicas() {
    return 0;
  }

  /** {@code selector}: the spec's selector as a string, for the scale subresource. */
  Optional<String> selector();

  /** {@code pauseConditions}: why the Rollout is paused; a promote clears them. */
  List<PauseCondition> pauseConditions();

  /** {@code controllerPause}: the controller paused the Rollout (a pause step, not the user). */
  @Value.Default
  default boolean controllerPause() {
    return false;
  }

  /** {@code abort}: the user aborted the update; a retry clears it. */
  @Value.Default
  default boolean abort() {
    return false;
  }

  /** {@code abortedAt}: when the abort was first acted on. */
  Optional<Instant> abortedAt();

  /** {@code promoteFull}: skip the remaining steps and analysis. */
  @Value.Default
  default boolean promoteFull() {
    return false;
  }

  /** {@code restartedAt}: the {@code spec.restartAt} last carried out. */
  Optional<Instant> restartedAt();

  /** {@code canary}. */
  @Value.Default
  default CanaryStatus canary() {
    return CanaryStatus.empty();
  }

  /** {@code blueGreen}. */
  @Value.Default
  default BlueGreenStatus blueGreen() {
    return BlueGreenStatus.empty();
  }

  /** The condition of this type, if present. */
  default Optional<Condition> condition(ConditionType type) {
    return conditions().stream().filter(c -> c.type() == type).findFirst();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RolloutStatus}. */
  final class Builder extends ImmutableRolloutStatus.Builder {}
}
