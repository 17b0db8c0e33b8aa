package dev.rollouts.traffic.replicaset;

import dev.rollouts.core.traffic.ReplicaSetCounts;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.WeightingRequest;
import java.util.Optional;

/**
 * The scale-down move of the basic canary: drain the side that shrinks by at most the pods whose
 * loss keeps {@code replicas - maxUnavailable} available, then adjust the other side so the total
 * stays within {@code replicas + maxSurge} without losing availability.
 */
final class ScaleDown {

  private ScaleDown() {}

  static ReplicaSplit apply(
      WeightingRequest request, int desiredCanary, int desiredStable, int canary, int stable) {
    Optional<ReplicaSetCounts> canaryRS = request.canary();
    Optional<ReplicaSetCounts> stableRS = request.stable();
    int minAvailable = request.replicas() - request.maxUnavailable();
    int maxTotal = request.replicas() + request.maxSurge();
    boolean increasing = canaryRS.isEmpty() || desiredCanary >= canaryRS.get().specReplicas();
    int removable = forScaleDown(canaryRS, !increasing) + forScaleDown(stableRS, increasing);
    if (removable <= minAvailable) {
      return new ReplicaSplit(canary, stable);
    }
    int scaleDown = removable - minAvailable;
    if (!increasing) {
      int drained = drain(canaryRS, desiredCanary, scaleDown, canary);
      int[] adjusted = adjust(canaryRS, stableRS, drained, stable, maxTotal, minAvailable);
      return new ReplicaSplit(adjusted[0], adjusted[1]);
    }
    if (stableRS.isPresent()) {
      int drained = drain(stableRS, desiredStable, scaleDown, stable);
      int[] adjusted = adjust(stableRS, canaryRS, drained, canary, maxTotal, minAvailable);
      return new ReplicaSplit(adjusted[1], adjusted[0]);
    }
    return new ReplicaSplit(canary, stable);
  }

  /** Argo's GetReplicasForScaleDown: the pods of {@code rs} that count towards availability. */
  private static int forScaleDown(Optional<ReplicaSetCounts> rs, boolean ignoreAvailability) {
    if (rs.isEmpty()) {
      return 0;
    }
    ReplicaSetCounts counts = rs.get();
    if (counts.specReplicas() < counts.availableReplicas() || ignoreAvailability) {
      return counts.specReplicas();
    }
    return counts.availableReplicas();
  }

  private static int drain(Optional<ReplicaSetCounts> rs, int desired, int scaleDown, int current) {
    if (rs.isPresent() && rs.get().specReplicas() > desired) {
      return Math.max(desired, rs.get().specReplicas() - scaleDown);
    }
    return current;
  }

  /** Argo's adjustReplicaWithinLimits; returns {drain, adjust}. */
  private static int[] adjust(
      Optional<ReplicaSetCounts> drainRS,
      Optional<ReplicaSetCounts> adjustRS,
      int drain,
      int adjust,
      int maxTotal,
      int minAvailable) {
    int overLimit = Math.max(0, adjust + drain - maxTotal);
    int available = drainRS.map(rs -> Math.min(rs.availableReplicas(), drain)).orElse(0);
    if (adjustRS.isPresent()) {
      int adjustAvailable = adjustRS.get().availableReplicas();
      adjust -= overLimit;
      available += Math.min(adjustAvailable, adjust);
      int extraAvailable = Math.max(0, adjustAvailable - adjust);
      int moreNeeded = Math.max(0, minAvailable - available);
      adjust += Math.min(extraAvailable, moreNeeded);
      overLimit = Math.max(0, adjust + drain - maxTotal);
      return new int[] {drain - overLimit, adjust};
    }
    return new int[] {drain, adjust};
  }
}
