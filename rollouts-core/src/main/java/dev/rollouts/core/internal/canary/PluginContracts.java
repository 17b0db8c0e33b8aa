package dev.rollouts.core.internal.canary;

import dev.rollouts.core.traffic.ReplicaSetCounts;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.ReplicaWeighting;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficPlugin;
import dev.rollouts.core.traffic.TrafficRouter;
import dev.rollouts.core.traffic.WeightingRequest;
import java.util.Optional;

/**
 * Calls traffic plug-ins and checks their contracts. A plug-in that breaks its contract is a
 * programming error, not bad input: the engine throws {@link IllegalStateException} naming the
 * plug-in and the rule, rather than act on an answer that could overload or empty the cluster.
 */
final class PluginContracts {

  private PluginContracts() {}

  /** {@code weighting.split(request)}, checked against {@link ReplicaWeighting}'s contract. */
  static ReplicaSplit split(ReplicaWeighting weighting, WeightingRequest request) {
    ReplicaSplit split = weighting.split(request);
    int older = request.older().stream().mapToInt(ReplicaSetCounts::specReplicas).sum();
    int canaryNow = request.canary().map(ReplicaSetCounts::specReplicas).orElse(0);
    int stableNow = request.stable().map(ReplicaSetCounts::specReplicas).orElse(0);
    if (split.canary() < 0 || split.stable() < 0) {
      throw broken(weighting, "asked for a negative count: " + split);
    }
    int max = request.replicas() + request.maxSurge();
    int total = older + split.canary() + split.stable();
    if (total > Math.max(max, older + canaryNow + stableNow)) {
      throw broken(
          weighting,
          "asked for "
              + total
              + " pods in all, above replicas + maxSurge = "
              + max
              + " ("
              + request
              + ")");
    }
    int minAvailable = request.replicas() - request.maxUnavailable();
    int availableNow = available(request.canary()) + available(request.stable());
    int availableAfter =
        Math.min(available(request.canary()), split.canary())
            + Math.min(available(request.stable()), split.stable());
    if (availableAfter < availableNow && availableAfter + availableOlder(request) < minAvailable) {
      throw broken(
          weighting,
          "scaled down below replicas - maxUnavailable = "
              + minAvailable
              + " available pods ("
              + request
              + ")");
    }
    return split;
  }

  /** {@code router.plan(request)}; a router reports problems in its plan, it does not throw. */
  static RoutingPlan plan(TrafficRouter router, RoutingRequest request) {
    try {
      return router.plan(request);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          name(router) + " threw instead of reporting the problem in RoutingPlan.problems(): " + e,
          e);
    }
  }

  private static int available(Optional<ReplicaSetCounts> rs) {
    return rs.map(ReplicaSetCounts::availableReplicas).orElse(0);
  }

  private static int availableOlder(WeightingRequest request) {
    return request.older().stream().mapToInt(ReplicaSetCounts::availableReplicas).sum();
  }

  private static IllegalStateException broken(TrafficPlugin plugin, String rule) {
    return new IllegalStateException(
        name(plugin) + " broke the ReplicaWeighting contract: it " + rule);
  }

  private static String name(TrafficPlugin plugin) {
    return "traffic plug-in '" + plugin.name() + "' (" + plugin.getClass().getName() + ")";
  }
}
