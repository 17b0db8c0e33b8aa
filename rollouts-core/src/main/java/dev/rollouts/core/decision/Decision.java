package dev.rollouts.core.decision;

import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.traffic.Manifest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one sync of a Rollout asks of the cluster, as desired state.
 *
 * <p>An applier makes it true in this order, which keeps the availability bounds at every
 * intermediate step: create {@link #createReplicaSet()}, scale up the ReplicaSets in {@link
 * #replicaSets()} that grow, set {@link #serviceSelectors()}, apply {@link #routingObjects()},
 * scale down those that shrink, delete {@link #deleteReplicaSets()}, write {@link #status()}, and
 * call again after {@link #requeueAfter()} or on the next change.
 */
@Value.Immutable
public interface Decision {

  /** The ReplicaSet to create for the current pod template, if it does not exist yet. */
  Optional<ReplicaSetCreation> createReplicaSet();

  /** The desired state of every observed ReplicaSet that is not deleted. */
  List<ReplicaSetUpdate> replicaSets();

  /** ReplicaSets to delete: revision history beyond {@code revisionHistoryLimit}, oldest first. */
  List<String> deleteReplicaSets();

  /** Service name to the whole selector it should have. */
  Map<String, Map<String, String>> serviceSelectors();

  /** Every routing object the traffic router wants, whole; empty without a router. */
  List<Manifest> routingObjects();

  /** The new {@code status}. */
  RolloutStatus status();

  /** Events to record on the Rollout. */
  List<RolloutEvent> events();

  /** When to decide again even if nothing changes: a pause or a scale-down delay ends. */
  Optional<Duration> requeueAfter();

  /** The desired update of the named ReplicaSet, if it is in this decision. */
  default Optional<ReplicaSetUpdate> replicaSet(String name) {
    return replicaSets().stream().filter(u -> u.name().equals(name)).findFirst();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Decision}. */
  final class Builder extends ImmutableDecision.Builder {}
}
