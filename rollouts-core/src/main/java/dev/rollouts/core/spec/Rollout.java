package dev.rollouts.core.spec;

import dev.rollouts.core.status.RolloutStatus;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An {@code argoproj.io/v1alpha1} Rollout: identity, spec and the status last written.
 *
 * <p>User actions are part of the status, as Argo records them: a promote clears {@code
 * status.pauseConditions}, {@code status.promoteFull} skips the remaining steps, {@code
 * status.abort} aborts.
 */
@Value.Immutable
public interface Rollout {

  /** {@code metadata.name}. */
  String name();

  /** {@code metadata.namespace}. */
  @Value.Default
  default String namespace() {
    return "default";
  }

  /** {@code metadata.uid}, once the API server assigned one. */
  Optional<String> uid();

  /** {@code metadata.generation}: bumped by the API server on every spec change. */
  @Value.Default
  default long generation() {
    return 1;
  }

  /** {@code spec}. */
  RolloutSpec spec();

  /** {@code status}; empty for a Rollout never reconciled. */
  @Value.Default
  default RolloutStatus status() {
    return RolloutStatus.builder().build();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Rollout}. */
  final class Builder extends ImmutableRollout.Builder {}
}
