package dev.rollouts.traffic.replicaset;

import dev.rollouts.core.traffic.ReplicaSetCounts;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.ReplicaWeighting;
import dev.rollouts.core.traffic.WeightingRequest;
import java.util.Optional;

/**
 * Weights a canary by replica counts, as Argo Rollouts' basic canary does
 * (CalculateReplicaCountsForBasicCanary).
 *
 * <p>The rule, in two moves per sync:
 *
 * <ol>
 *   <li><b>Target.</b> Of the splits {@code (ceil, replicas)}, {@code (floor, replicas)}, {@code
 *       (ceil, replicas+1)}, {@code (floor, replicas+1)} — the last two only with a surge — pick
 *       the one whose canary share is closest to the weight; the earliest wins a tie, and a weight
 *       that falls exactly between floor and ceiling takes the ceiling. A weight strictly between 0
 *       and 100 never gives the canary 0 pods, unless there is one replica and no surge.
 *   <li><b>Move.</b> Scale up (stable first, then the canary) within {@code replicas + maxSurge}
 *       pods in all; if older ReplicaSets still have pods, stop there (they are scaled down first);
 *       otherwise scale down (stable when the canary grows, the canary when it shrinks) while
 *       keeping {@code replicas - maxUnavailable} pods available.
 * </ol>
 *
 * <p>Worked examples (replicas, weight, maxSurge, maxUnavailable; stable spec/available, canary
 * spec/available → canary, stable):
 *
 * <ul>
 *   <li>10, 10%, 1, 1; stable 10/10, no canary → canary 1, stable 9
 *   <li>10, 20%, surge 2, 0; stable 10/10, canary 0/0 → canary 2, stable 10
 *   <li>10, 20%, 0, unavailable 2; stable 10/10, canary 0/0 → canary 0, stable 8
 *   <li>3, 50%, 0, 1 → target canary 2, stable 1 (a tie rounds the canary up)
 * </ul>
 */
public final class ReplicaCountWeighting implements ReplicaWeighting {

  /** The plug-in; found by {@link java.util.ServiceLoader}. */
  public ReplicaCountWeighting() {}

  @Override
  public String name() {
    return DEFAULT_NAME;
  }

  @Override
  public ReplicaSplit split(WeightingRequest request) {
    int replicas = request.replicas();
    ReplicaSplit target = WeightedTarget.of(replicas, request.weight(), request.maxSurge());
    Optional<ReplicaSetCounts> canaryRS = request.canary();
    Optional<ReplicaSetCounts> stableRS = request.stable();
    int desiredCanary = stableRS.isPresent() ? target.canary() : replicas;
    int desiredStable = stableRS.isPresent() ? target.stable() : 0;
    int canary = canaryRS.map(ReplicaSetCounts::specReplicas).orElse(0);
    int stable = stableRS.map(ReplicaSetCounts::specReplicas).orElse(0);
    int maxTotal = replicas + request.maxSurge();
    int olderSpec = request.older().stream().mapToInt(ReplicaSetCounts::specReplicas).sum();
    int scaleUp = maxTotal - (olderSpec + canary + stable);

    if (stableRS.isPresent() && stable < desiredStable && scaleUp > 0) {
      int grow = Math.min(scaleUp, desiredStable - stable);
      stable += grow;
      scaleUp -= grow;
    }
    if (canaryRS.isPresent() && canary < desiredCanary && scaleUp > 0) {
      canary = Math.min(canary + scaleUp, desiredCanary);
    }
    if (olderSpec > 0) {
      return new ReplicaSplit(canary, stable);
    }
    return ScaleDown.apply(request, desiredCanary, desiredStable, canary, stable);
  }
}
