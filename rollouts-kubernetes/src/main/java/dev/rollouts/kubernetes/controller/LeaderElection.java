package dev.rollouts.kubernetes.controller;

import java.time.Duration;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease, so that of several replicas of a
 * controller only one acts. The defaults are Argo Rollouts' (15 s lease, 10 s renew deadline, 2 s
 * retry period); the default lease name is Argo's lock too, so that in the same namespace this
 * controller and Argo Rollouts' never act at once.
 *
 * <pre>{@code
 * LeaderElection election = LeaderElection.builder().leaseNamespace("rollouts").build();
 * }</pre>
 *
 * <p>A leader that cannot renew within {@link #renewDeadline()} stops writing at once; the lease
 * can be taken by another only after {@link #leaseDuration()}, which must be longer.
 */
@Value.Immutable
public interface LeaderElection {

  /** Argo Rollouts' lock name. */
  String DEFAULT_LEASE_NAME = "argo-rollouts-controller-lock";

  /** The Lease's namespace: usually the controller's own. */
  String leaseNamespace();

  /** The Lease's name. */
  @Value.Default
  default String leaseName() {
    return DEFAULT_LEASE_NAME;
  }

  /** Who this replica is, written to the Lease; unique per replica (the pod name, say). */
  @Value.Default
  default String identity() {
    return "rollouts-controller-" + UUID.randomUUID();
  }

  /** How long a lease lasts without renewal before another replica may take it. */
  @Value.Default
  default Duration leaseDuration() {
    return Duration.ofSeconds(15);
  }

  /** How long the leader keeps trying to renew before it gives up leading. */
  @Value.Default
  default Duration renewDeadline() {
    return Duration.ofSeconds(10);
  }

  /** How often candidates try to acquire, and the leader to renew. */
  @Value.Default
  default Duration retryPeriod() {
    return Duration.ofSeconds(2);
  }

  /** Checks that the timings make sense. */
  @Value.Check
  default void check() {
    if (leaseDuration().compareTo(renewDeadline()) <= 0) {
      throw new IllegalArgumentException(
          "leaseDuration ("
              + leaseDuration()
              + ") must be longer than renewDeadline ("
              + renewDeadline()
              + "), or two replicas could lead at once");
    }
    if (renewDeadline().compareTo(retryPeriod()) <= 0) {
      throw new IllegalArgumentException(
          "renewDeadline ("
              + renewDeadline()
              + ") must be longer than retryPeriod ("
              + retryPeriod()
              + ")");
    }
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LeaderElection}. */
  final class Builder extends ImmutableLeaderElection.Builder {}
}
