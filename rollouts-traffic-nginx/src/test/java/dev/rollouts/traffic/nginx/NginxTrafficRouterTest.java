package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.CANARY_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.annotated;
import static dev.rollouts.traffic.nginx.Fixtures.onlyDesired;
import static dev.rollouts.traffic.nginx.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingProblem;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficPlugin;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The router as the engine sees it: found by name, one canary Ingress per stable Ingress. */
class NginxTrafficRouterTest {

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  @Test
  void isFoundByServiceLoaderUnderTheNameNginx() {
    assertThat(ServiceLoader.load(TrafficPlugin.class).stream().map(ServiceLoader.Provider::get))
        .filteredOn(p -> p.name().equals("nginx"))
        .singleElement()
        .isInstanceOf(NginxTrafficRouter.class);
  }

  @Test
  void wantsOneCanaryIngressPerStableIngressInOrder() {
    Map<String, Object> config = Map.of("stableIngresses", List.of("app-ingress", "other-ingress"));
    Manifest other =
        Fixtures.ingress(
            "other-ingress",
            Map.of(),
            Fixtures.spec(
                Fixtures.rule("other.example.com", Fixtures.path("/", Fixtures.STABLE_SERVICE))));

    RoutingPlan plan = router.plan(request(config, 10, Fixtures.stableIngress(), other));

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.desired())
        .extracting(Manifest::name)
        .containsExactly(CANARY_INGRESS, "app-other-ingress-canary");
  }

  @ParameterizedTest(name = "weight {0}")
  @ValueSource(ints = {-1, 101})
  void reportsAWeightOutsideZeroToTheTotal(int weight) {
    RoutingPlan plan = router.plan(request(weight, Fixtures.stableIngress()));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .containsExactly(
            new RoutingProblem("Rollout", "app", "weight " + weight + " is outside 0 to 100"));
  }

  @Test
  void observesNoWeightBeforeTheCanaryIngressExists() {
    assertThat(router.plan(request(10, Fixtures.stableIngress())).observedWeight()).isEmpty();
  }

  @Test
  void observesNoWeightCountedOutOfAnotherTotal() {
    Manifest canary = onlyDesired(router.plan(request(10, Fixtures.stableIngress())));
    RoutingRequest outOfThousand =
        RoutingRequest.builder()
            .from(request(10, Fixtures.stableIngress(), canary))
            .maxTrafficWeight(1000)
            .build();

    assertThat(router.plan(outOfThousand).observedWeight()).isEmpty();
  }

  @Test
  void observesNoWeightWhileTwoCanaryIngressesDisagree() {
    Map<String, Object> config = Map.of("stableIngresses", List.of("app-ingress", "other-ingress"));
    Manifest otherStable =
        Fixtures.ingress(
            "other-ingress",
            Map.of(),
            Fixtures.spec(
                Fixtures.rule("o.example.com", Fixtures.path("/", Fixtures.STABLE_SERVICE))));
    List<Manifest> canaries =
        router.plan(request(config, 10, Fixtures.stableIngress(), otherStable)).desired();
    Manifest behind = annotated(canaries.get(1), "nginx.ingress.kubernetes.io/canary-weight", "5");

    RoutingPlan plan =
        router.plan(
            request(config, 10, Fixtures.stableIngress(), otherStable, canaries.get(0), behind));

    assertThat(plan.observedWeight()).isEmpty();
    assertThat(
            router
                .plan(
                    request(
                        config,
                        10,
                        Fixtures.stableIngress(),
                        otherStable,
                        canaries.get(0),
                        canaries.get(1)))
                .observedWeight())
        .contains(10);
  }

  @Test
  void observesNoWeightFromAnUnreadableAnnotation() {
    Manifest canary =
        annotated(
            onlyDesired(router.plan(request(10, Fixtures.stableIngress()))),
            "nginx.ingress.kubernetes.io/canary-weight",
            "ten");

    assertThat(router.plan(request(10, Fixtures.stableIngress(), canary)).observedWeight())
        .isEmpty();
  }
}
