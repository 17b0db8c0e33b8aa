package dev.rollouts.kubernetes.mapping;

import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import org.immutables.value.Value;

/**
 * One Rollout and the objects around it, as read from a cluster (informer caches) or from a file
 * ({@code kubectl get -o yaml}): what {@link RolloutMapper} turns into the core's {@code Rollout}
 * and {@code Observed}.
 *
 * <p>The lists may hold more than the Rollout's own objects (every ReplicaSet and Ingress of the
 * namespace, say): {@link RolloutMapper#toObserved} picks the ReplicaSets the Rollout owns and the
 * Services its strategy names. The fabric8 objects are not copied; do not change them while a state
 * holds them.
 */
@Value.Immutable
public interface ClusterState {

  /** The Rollout. */
  RolloutResource rollout();

  /** ReplicaSets ({@code apps/v1}), the Rollout's and possibly others. */
  List<ReplicaSet> replicaSets();

  /** Services ({@code v1}). */
  List<Service> services();

  /** Ingresses ({@code networking.k8s.io/v1}). */
  List<Ingress> ingresses();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClusterState}. */
  final class Builder extends ImmutableClusterState.Builder {

    /** Adds one Ingress. */
    public Builder addIngress(Ingress ingress) {
      addIngresses(ingress);
      return this;
    }
  }
}
