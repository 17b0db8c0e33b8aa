package dev.rollouts.core.spec;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code spec} of a Rollout.
 *
 * <p>Defaults, as Argo Rollouts applies them: {@code replicas} 1, {@code revisionHistoryLimit} 10,
 * {@code progressDeadlineSeconds} 600.
 */
@Value.Immutable
public interface RolloutSpec {

  /** {@code replicas}: desired pods once the rollout is complete. */
  @Value.Default
  default int replicas() {
    return 1;
  }

  /** {@code selector}: must select the template's labels. */
  LabelSelector selector();

  /** {@code template}, as its hash and labels. */
  PodTemplate template();

  /** {@code minReadySeconds}: how long a ready pod must stay ready to count as available. */
  @Value.Default
  default int minReadySeconds() {
    return 0;
  }

  /** {@code revisionHistoryLimit}: old ReplicaSets kept at zero replicas for rollback. */
  @Value.Default
  default int revisionHistoryLimit() {
    return 10;
  }

  /** {@code paused}: the user paused the Rollout; nothing progresses until it is unset. */
  @Value.Default
  default boolean paused() {
    return false;
  }

  /** {@code progressDeadlineSeconds}: how long an update may go without progress. */
  @Value.Default
  default int progressDeadlineSeconds() {
    return 600;
  }

  /** {@code progressDeadlineAbort}: abort when the progress deadline passes. */
  @Value.Default
  default boolean progressDeadlineAbort() {
    return false;
  }

  /** {@code restartAt}: pods older than this are restarted. */
  Optional<Instant> restartAt();

  /** {@code strategy}. */
  StrategySpec strategy();

  /**
   * {@code selector} as Kubernetes formats it for {@code status.selector} ({@code
   * metav1.FormatLabelSelector}): {@code app=demo,tier in (web,api)}. Derived once per value.
   */
  @Value.Lazy
  default String formattedSelector() {
    return dev.rollouts.core.internal.BaseStatus.format(selector());
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RolloutSpec}. */
  final class Builder extends ImmutableRolloutSpec.Builder {}
}
