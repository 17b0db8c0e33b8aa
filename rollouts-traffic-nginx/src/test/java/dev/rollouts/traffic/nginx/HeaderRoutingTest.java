package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.STABLE_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.onlyDesired;
import static dev.rollouts.traffic.nginx.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rollouts.core.spec.CanaryStep.HeaderMatch;
import dev.rollouts.core.spec.CanaryStep.MatchKind;
import dev.rollouts.core.spec.CanaryStep.StringMatch;
import dev.rollouts.core.traffic.HeaderRoute;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RouterCapability;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingProblem;
import dev.rollouts.core.traffic.RoutingRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code setHeaderRoute} on NGINX, which Argo's router ignores. */
class HeaderRoutingTest {

  private static final String P = "nginx.ingress.kubernetes.io/";
  private static final HeaderRoute YES =
      new HeaderRoute(
          "h", List.of(new HeaderMatch("X-Canary", new StringMatch(MatchKind.EXACT, "yes"))));

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  private static RoutingRequest withRoutes(RoutingRequest request, HeaderRoute... routes) {
    return RoutingRequest.builder().from(request).headerRoutes(List.of(routes)).build();
  }

  @Test
  void declaresHeaderRoutes() {
    assertThat(router.capabilities()).containsExactly(RouterCapability.HEADER_ROUTES);
  }

  @Test
  void putsTheHeaderRouteOnTheCanaryIngressBesideTheWeight() {
    Manifest canary =
        onlyDesired(router.plan(withRoutes(request(0, Fixtures.stableIngress()), YES)));

    assertThat(canary.annotations())
        .contains(
            entry(P + "canary-by-header", "X-Canary"),
            entry(P + "canary-by-header-value", "yes"),
            entry(P + "canary-weight", "0"));
  }

  @Test
  void replacesHeaderAnnotationsFromTheConfigurationWhileARouteIsInForce() {
    Map<String, Object> config =
        Map.of(
            "stableIngress",
            STABLE_INGRESS,
            "additionalIngressAnnotations",
            Map.of(
                "canary-by-header",
                "X-Old",
                "canary-by-header-pattern",
                "^old$",
                "canary-by-cookie",
                "c"));
    HeaderRoute regex =
        new HeaderRoute(
            "h", List.of(new HeaderMatch("X-Canary", new StringMatch(MatchKind.REGEX, "y.*"))));

    Manifest canary =
        onlyDesired(router.plan(withRoutes(request(config, 5, Fixtures.stableIngress()), regex)));

    assertThat(canary.annotations())
        .contains(
            entry(P + "canary-by-header", "X-Canary"),
            entry(P + "canary-by-header-pattern", "^(?:y.*)$"),
            entry(P + "canary-by-cookie", "c"))
        .doesNotContainKey(P + "canary-by-header-value");
  }

  @Test
  void removesTheHeaderRouteWhenTheEngineNoLongerAsksForIt() {
    Manifest routed =
        onlyDesired(router.plan(withRoutes(request(30, Fixtures.stableIngress()), YES)));

    Manifest after = onlyDesired(router.plan(request(0, Fixtures.stableIngress(), routed)));

    assertThat(after.annotations())
        .doesNotContainKeys(P + "canary-by-header", P + "canary-by-header-value");
    assertThat(after).isEqualTo(onlyDesired(router.plan(request(0, Fixtures.stableIngress()))));
  }

  @Test
  void givesBackTheConfiguredHeaderAnnotationsOnceTheRouteIsRemoved() {
    Map<String, Object> config =
        Map.of(
            "stableIngress",
            STABLE_INGRESS,
            "additionalIngressAnnotations",
            Map.of("canary-by-header", "X-Old"));
    Manifest routed =
        onlyDesired(router.plan(withRoutes(request(config, 30, Fixtures.stableIngress()), YES)));

    Manifest after =
        onlyDesired(router.plan(request(config, 30, Fixtures.stableIngress(), routed)));

    assertThat(after.annotations())
        .containsEntry(P + "canary-by-header", "X-Old")
        .doesNotContainKey(P + "canary-by-header-value");
  }

  @Test
  void reportsARouteNginxCannotExpressAndMovesNoTraffic() {
    HeaderRoute twoHeaders =
        new HeaderRoute(
            "both",
            List.of(
                new HeaderMatch("X-A", new StringMatch(MatchKind.EXACT, "1")),
                new HeaderMatch("X-B", new StringMatch(MatchKind.EXACT, "2"))));

    RoutingPlan plan = router.plan(withRoutes(request(10, Fixtures.stableIngress()), twoHeaders));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .extracting(RoutingProblem::kind, RoutingProblem::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Rollout", "app"));
  }
}
