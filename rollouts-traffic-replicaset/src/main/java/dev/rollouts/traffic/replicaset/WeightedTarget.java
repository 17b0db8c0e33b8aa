package dev.rollouts.traffic.replicaset;

import dev.rollouts.core.traffic.ReplicaSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * The canary/stable split that best approximates a weight (Argo's
 * approximateWeightedCanaryStableReplicaCounts), computed with Go's float64 arithmetic so the
 * rounding matches Argo's bit for bit.
 */
final class WeightedTarget {

  private WeightedTarget() {}

  static ReplicaSplit of(int replicas, int weight, int maxSurge) {
    if (replicas == 0) {
      return new ReplicaSplit(0, 0);
    }
    double share = (double) replicas * weight / 100.0;
    int ceil = (int) Math.ceil(share);
    int floor = (int) Math.floor(share);
    boolean zeroAllowed = weight == 100 || weight == 0 || (replicas == 1 && maxSurge == 0);
    List<int[]> options = new ArrayList<>();
    if (ceil < replicas || zeroAllowed) {
      options.add(new int[] {ceil, replicas});
    }
    if (!tied(weight, replicas) && (floor != 0 || zeroAllowed)) {
      options.add(new int[] {floor, replicas});
    }
    if (maxSurge > 0) {
      options.add(new int[] {ceil, replicas + 1});
      if (!tied(weight, replicas + 1) && (floor != 0 || zeroAllowed)) {
        options.add(new int[] {floor, replicas + 1});
      }
    }
    if (options.isEmpty()) {
      return new ReplicaSplit(0, replicas);
    }
    int[] best = options.get(0);
    for (int[] option : options.subList(1, options.size())) {
      if (delta(weight, option) < delta(weight, best)) {
        best = option;
      }
    }
    return new ReplicaSplit(best[0], best[1] - best[0]);
  }

  /** Whether {@code total × weight/100} lies exactly halfway between two integers. */
  private static boolean tied(int weight, int total) {
    double value = (double) total * ((double) weight / 100.0);
    return value - Math.floor(value) == 0.5;
  }

  private static double delta(int weight, int[] option) {
    return Math.abs((double) (option[0] * 100) / option[1] - weight);
  }
}
