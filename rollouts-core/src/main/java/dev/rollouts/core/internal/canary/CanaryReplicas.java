package dev.rollouts.core.internal.canary;

import com.google.common.math.LongMath;
import dev.rollouts.core.internal.Limits;
import dev.rollouts.core.internal.ReplicaSetSnapshot;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.traffic.ReplicaSetCounts;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.ReplicaWeighting;
import dev.rollouts.core.traffic.WeightingRequest;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The replica counts a canary step asks for, and whether the cluster has reached them.
 *
 * <p>Without a router the {@link ReplicaWeighting} plug-in splits the pods (Argo's basic canary).
 * With one, the canary gets {@code ceil(weight × replicas / maxTrafficWeight)} pods (or the {@code
 * setCanaryScale} count, at least {@code minPodsPerReplicaSet}) and stable stays whole; with {@code
 * dynamicStableScale} stable gets the share of the higher of the desired and the routed stable
 * weight. Example: 10 replicas, {@code setWeight: 25} with a router gives canary 3, stable 10.
 *
 * <p>A sync has three routed splits, each computed once: {@link #forDesiredWeight}, {@link
 * #forAppliedWeights} and {@link #forNewWeights}. Confined to one call of {@code decide}.
 */
final class CanaryReplicas {

  private final Rollout rollout;
  private final CanaryStrategy canary;
  private final CanarySteps steps;
  private final ReplicaSetSnapshot snapshot;

  CanaryReplicas(
      Rollout rollout, CanaryStrategy canary, CanarySteps steps, ReplicaSetSnapshot snapshot) {
    this.rollout = rollout;
    this.canary = canary;
    this.steps = steps;
    this.snapshot = snapshot;
  }

  /** The limits of this Rollout's canary. */
  Limits limits() {
    return Limits.resolve(
        canary.effectiveMaxSurge(), canary.effectiveMaxUnavailable(), rollout.spec().replicas());
  }

  /** Counts without a router, from the weighting plug-in. */
  ReplicaSplit basic(ReplicaWeighting weighting) {
    Limits limits = limits();
    WeightingRequest.Builder request =
        WeightingRequest.builder()
            .replicas(rollout.spec().replicas())
            .weight(steps.replicasOrWeight(false, snapshot.newRS(), snapshot.stableRS()).weight())
            .maxSurge(limits.maxSurge())
            .maxUnavailable(limits.maxUnavailable())
            .canary(snapshot.newRS().map(CanaryReplicas::counts));
    if (snapshot.hasDistinctStable()) {
      request.stable(counts(snapshot.stableRS().get()));
    }
    snapshot.others().forEach(rs -> request.addOlder(counts(rs)));
    return PluginContracts.split(weighting, request.build());
  }

  private static ReplicaSetCounts counts(ObservedReplicaSet rs) {
    return new ReplicaSetCounts(rs.specReplicas(), rs.availableReplicas());
  }

  private ReplicaSplit forDesiredWeight;
  private ReplicaSplit forAppliedWeights;
  private ReplicaSplit forNewWeights;

  /**
   * The split for the desired weight alone (no weights yet routed), which the traffic step reads to
   * decide whether the canary is ready for the step's weight. Computed once.
   */
  ReplicaSplit forDesiredWeight() {
    if (forDesiredWeight == null) {
      forDesiredWeight = routed(Optional.empty(), false);
    }
    return forDesiredWeight;
  }

  /**
   * The split for the weights already applied ({@code status.canary.weights} as observed), which
   * the scaling step scales to. Computed once.
   */
  ReplicaSplit forAppliedWeights() {
    if (forAppliedWeights == null) {
      forAppliedWeights = routed(rollout.status().canary().weights(), AbortDelay.disabled(canary));
    }
    return forAppliedWeights;
  }

  /**
   * The split for the new weights this sync routes, which step completion compares the cluster
   * with. Computed once; a sync has one set of new weights.
   */
  ReplicaSplit forNewWeights(Optional<TrafficWeights> weights) {
    if (forNewWeights == null) {
      forNewWeights = routed(weights, AbortDelay.disabled(canary));
    }
    return forNewWeights;
  }

  /** Counts with a router (Argo's CalculateReplicaCountsForTrafficRoutedCanary). */
  private ReplicaSplit routed(Optional<TrafficWeights> weights, boolean abortDelayDisabled) {
    int replicas = rollout.spec().replicas();
    CanarySteps.ReplicasOrWeight size =
        steps.replicasOrWeight(abortDelayDisabled, snapshot.newRS(), snapshot.stableRS());
    int canaryCount = size.replicas().orElseGet(() -> minPods(toReplicas(size.weight())));
    if (!canary.dynamicStableScale()) {
      return new ReplicaSplit(canaryCount, replicas);
    }
    int total = canary.effectiveMaxTrafficWeight();
    int stableCount = toReplicas(total - size.weight());
    if (weights.isPresent()) {
      stableCount = Math.max(stableCount, toReplicas(weights.get().stable().weight()));
      if (steps.aborted()) {
        canaryCount = Math.max(toReplicas(weights.get().canary().weight()), canaryCount);
      }
    }
    return new ReplicaSplit(minPods(canaryCount), minPods(stableCount));
  }

  /**
   * {@code ceil(weight × replicas / maxTrafficWeight)}, in 64 bits: 23 replicas at a weight of
   * 100,000,000 of 100,000,000 are 23, not an overflow.
   */
  int toReplicas(int weight) {
    return toReplicas(weight, rollout.spec().replicas(), canary.effectiveMaxTrafficWeight());
  }

  static int toReplicas(int weight, int replicas, int maxTrafficWeight) {
    return Math.toIntExact(
        LongMath.divide(
            (long) Math.max(0, weight) * Math.max(0, replicas),
            Math.max(1, maxTrafficWeight),
            RoundingMode.CEILING));
  }

  /**
   * Argo's CheckMinPodsPerReplicaSet: a non-zero count is at least {@code minPodsPerReplicaSet}
   * (with a router only), and that floor is capped at {@code spec.replicas}, so {@code replicas: 1,
   * minPodsPerReplicaSet: 2} gives the canary 1 pod.
   */
  private int minPods(int count) {
    if (count == 0 || canary.trafficRouting().isEmpty()) {
      return count;
    }
    int floor = Math.min(canary.minPodsPerReplicaSet().orElse(0), rollout.spec().replicas());
    return Math.max(count, floor);
  }

  /**
   * Argo's AtDesiredReplicaCountsForCanary: the canary has its pods, all available (or the {@code
   * replicaProgressThreshold}), stable has its pods created, and without a router no older pod is
   * available.
   */
  boolean atDesired(ReplicaSplit desired, boolean useThreshold) {
    Optional<ObservedReplicaSet> newRS = snapshot.newRS();
    if (newRS.isEmpty() || newRS.get().specReplicas() != desired.canary()) {
      return false;
    }
    int requiredAvailable =
        useThreshold
            ? canary
                .replicaProgressThreshold()
                .map(t -> t.requiredPods(desired.canary()))
                .orElse(desired.canary())
            : desired.canary();
    boolean canaryReady =
        useThreshold && canary.replicaProgressThreshold().isPresent()
            ? newRS.get().availableReplicas() >= requiredAvailable
            : newRS.get().availableReplicas() == desired.canary();
    if (!canaryReady) {
      return false;
    }
    if (canary.trafficRouting().isEmpty() || !canary.dynamicStableScale()) {
      Optional<ObservedReplicaSet> stable = snapshot.stableRS();
      if (stable.isEmpty()
          || stable.get().specReplicas() != desired.stable()
          || stable.get().statusReplicas() != desired.stable()) {
        return false;
      }
    }
    return canary.trafficRouting().isPresent()
        || snapshot.others().stream().mapToInt(ObservedReplicaSet::availableReplicas).sum() == 0;
  }
}
