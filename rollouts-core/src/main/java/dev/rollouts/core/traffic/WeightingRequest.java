package dev.rollouts.core.traffic;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The input of a {@link ReplicaWeighting}: the desired weight, the limits and the pods now.
 *
 * <p>{@code maxSurge} and {@code maxUnavailable} are already resolved against {@code replicas}
 * (surge rounded up, unavailable rounded down).
 */
@Value.Immutable
public interface WeightingRequest {

  /** {@code spec.replicas}. */
  int replicas();

  /** The canary weight wanted, 0 to 100. */
  int weight();

  /** Pods allowed above {@code replicas}. */
  int maxSurge();

  /** Pods allowed below {@code replicas} that may be unavailable. */
  int maxUnavailable();

  /** The canary (new) ReplicaSet, if it exists. */
  Optional<ReplicaSetCounts> canary();

  /** The stable ReplicaSet, if there is one distinct from the canary. */
  Optional<ReplicaSetCounts> stable();

  /** Every other ReplicaSet of the Rollout; the engine scales these down first. */
  List<ReplicaSetCounts> older();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WeightingRequest}. */
  final class Builder extends ImmutableWeightingRequest.Builder {}
}
