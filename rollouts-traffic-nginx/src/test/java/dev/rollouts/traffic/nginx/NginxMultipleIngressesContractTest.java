package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.STABLE_SERVICE;
import static dev.rollouts.traffic.nginx.Fixtures.ingress;
import static dev.rollouts.traffic.nginx.Fixtures.path;
import static dev.rollouts.traffic.nginx.Fixtures.rule;
import static dev.rollouts.traffic.nginx.Fixtures.spec;

import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficRouter;
import dev.rollouts.testkit.TrafficRouterContract;
import java.util.List;
import java.util.Map;

/**
 * The traffic-router contract, for the NGINX router with {@code stableIngresses}, a custom
 * annotation prefix and {@code maxTrafficWeight: 1000}.
 */
class NginxMultipleIngressesContractTest extends TrafficRouterContract {

  private static final String PREFIX = "custom.nginx.example.com";

  @Override
  protected TrafficRouter router() {
    return new NginxTrafficRouter();
  }

  @Override
  protected RoutingRequest validRequest() {
    Map<String, Object> config =
        Map.of(
            "stableIngresses", List.of("public", "internal"),
            "annotationPrefix", PREFIX,
            "additionalIngressAnnotations", Map.of("canary-by-cookie", "canary"));
    return RoutingRequest.builder()
        .from(
            Fixtures.request(
                config,
                0,
                ingress(
                    "public", Map.of(), spec(rule("shop.example.com", path("/", STABLE_SERVICE)))),
                ingress(
                    "internal",
                    Map.of(),
                    spec(rule("shop.internal", path("/api", STABLE_SERVICE)))),
                ingress(
                    "unrelated", Map.of(), spec(rule("other.example.com", path("/", "other"))))))
        .maxTrafficWeight(1000)
        .build();
  }

  @Override
  protected int routedWeight(RoutingPlan plan) {
    if (plan.desired().size() != 2) {
      throw new AssertionError("expected a canary Ingress per stable Ingress: " + plan);
    }
    return NginxTrafficRouterContractTest.canaryWeight(plan, PREFIX);
  }
}
