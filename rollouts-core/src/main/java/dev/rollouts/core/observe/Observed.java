package dev.rollouts.core.observe;

import dev.rollouts.core.traffic.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything the engine needs of the cluster for one decision, gathered before it decides.
 *
 * <p>User actions (promote, abort, retry …) are not here: they are recorded in the Rollout's own
 * status and spec.
 */
@Value.Immutable
public interface Observed {

  /** The ReplicaSets the Rollout controls, in any order. */
  List<ObservedReplicaSet> replicaSets();

  /** The Services the strategy names that exist, by name. A missing one is absent here. */
  Map<String, ObservedService> services();

  /**
   * The routing objects in the Rollout's namespace a traffic router may read (for Ingress NGINX,
   * the Ingresses), whole.
   */
  List<Manifest> routingObjects();

  /** The ReplicaSet of this name, if observed. */
  default Optional<ObservedReplicaSet> replicaSet(String name) {
    return replicaSets().stream().filter(rs -> rs.name().equals(name)).findFirst();
  }

  /** Nothing observed: a Rollout applied to an empty cluster. */
  static Observed empty() {
    return builder().build();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Observed}. */
  final class Builder extends ImmutableObserved.Builder {}
}
