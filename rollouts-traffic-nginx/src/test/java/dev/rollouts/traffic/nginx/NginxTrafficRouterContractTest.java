package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.PREFIX;

import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficRouter;
import dev.rollouts.testkit.TrafficRouterContract;
import java.util.Set;
import java.util.stream.Collectors;

/** The traffic-router contract, for the NGINX router with one stable Ingress. */
class NginxTrafficRouterContractTest extends TrafficRouterContract {

  @Override
  protected TrafficRouter router() {
    return new NginxTrafficRouter();
  }

  @Override
  protected RoutingRequest validRequest() {
    return Fixtures.request(0, Fixtures.stableIngress());
  }

  @Override
  protected int routedWeight(RoutingPlan plan) {
    return canaryWeight(plan, PREFIX);
  }

  /** The {@code canary-weight} every desired canary Ingress carries; fails when they differ. */
  static int canaryWeight(RoutingPlan plan, String prefix) {
    Set<String> weights =
        plan.desired().stream()
            .map(m -> m.annotations().get(prefix + "/canary-weight"))
            .collect(Collectors.toSet());
    if (weights.size() != 1 || weights.contains(null)) {
      throw new AssertionError("canary Ingresses carry weights " + weights + ": " + plan);
    }
    return Integer.parseInt(weights.iterator().next());
  }
}
