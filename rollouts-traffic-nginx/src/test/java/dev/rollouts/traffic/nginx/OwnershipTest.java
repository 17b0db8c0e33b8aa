package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.CANARY_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.ROLLOUT;
import static dev.rollouts.traffic.nginx.Fixtures.UID;
import static dev.rollouts.traffic.nginx.Fixtures.onlyDesired;
import static dev.rollouts.traffic.nginx.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canary Ingress belongs to the Rollout; one that belongs to anything else is never touched.
 */
class OwnershipTest {

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  private static Map<String, Object> rolloutOwner(String uid) {
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("apiVersion", "argoproj.io/v1alpha1");
    owner.put("kind", "Rollout");
    owner.put("name", ROLLOUT);
    if (uid != null) {
      owner.put("uid", uid);
    }
    owner.put("controller", true);
    owner.put("blockOwnerDeletion", true);
    return owner;
  }

  private static Manifest existingCanary(List<Object> ownerReferences) {
    return Fixtures.ingress(
        CANARY_INGRESS,
        Map.of(
            "annotations",
            Map.of("nginx.ingress.kubernetes.io/canary-weight", "7"),
            "ownerReferences",
            ownerReferences),
        Fixtures.spec());
  }

  @Test
  void makesTheRolloutTheControllingOwnerSoTheIngressGoesWithIt() {
    Manifest canary = onlyDesired(router.plan(request(10, Fixtures.stableIngress())));

    assertThat(canary.metadata().get("ownerReferences")).isEqualTo(List.of(rolloutOwner(UID)));
  }

  @Test
  void leavesOutTheUidBeforeTheRolloutHasOne() {
    RoutingRequest noUid =
        RoutingRequest.builder()
            .from(request(10, Fixtures.stableIngress()))
            .rolloutUid(java.util.Optional.empty())
            .build();

    assertThat(onlyDesired(router.plan(noUid)).metadata().get("ownerReferences"))
        .isEqualTo(List.of(rolloutOwner(null)));
  }

  @Test
  void updatesACanaryIngressTheRolloutControls() {
    RoutingPlan plan =
        router.plan(
            request(10, Fixtures.stableIngress(), existingCanary(List.of(rolloutOwner(UID)))));

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.observedWeight()).contains(7);
    assertThat(onlyDesired(plan).annotations())
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "10");
  }

  @Test
  void keepsOtherOwnersThatAreNotControllers() {
    Map<String, Object> other =
        Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "keep", "uid", "c1");
    Manifest canary =
        onlyDesired(
            router.plan(
                request(
                    10,
                    Fixtures.stableIngress(),
                    existingCanary(List.of(other, rolloutOwner(UID))))));

    assertThat(canary.metadata().get("ownerReferences"))
        .isEqualTo(List.of(rolloutOwner(UID), other));
  }

  @Test
  void leavesACanaryIngressControlledBySomethingElseAndReportsItByName() {
    Map<String, Object> deployment =
        Map.of(
            "apiVersion",
            "apps/v1",
            "kind",
            "Deployment",
            "name",
            "web",
            "uid",
            "d1",
            "controller",
            true);
    RoutingPlan plan =
        router.plan(request(10, Fixtures.stableIngress(), existingCanary(List.of(deployment))));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo("Ingress");
              assertThat(p.name()).isEqualTo(CANARY_INGRESS);
              assertThat(p.message())
                  .contains("Deployment web", "Rollout app")
                  .contains("shifts no traffic");
            });
  }

  @Test
  void leavesACanaryIngressWithoutControllerAndReportsIt() {
    RoutingPlan plan =
        router.plan(request(10, Fixtures.stableIngress(), existingCanary(List.of())));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("has no controller"));
  }

  @Test
  void treatsACanaryIngressOfAnEarlierRolloutOfTheSameNameAsSomeoneElses() {
    RoutingPlan plan =
        router.plan(
            request(
                10, Fixtures.stableIngress(), existingCanary(List.of(rolloutOwner("old-uid")))));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("old-uid"));
  }

  @Test
  void movesNoTrafficOnAnyIngressWhileOneCanaryIngressIsSomeoneElses() {
    Map<String, Object> config = Map.of("stableIngresses", List.of("app-ingress", "other-ingress"));
    Manifest otherStable =
        Fixtures.ingress(
            "other-ingress",
            Map.of(),
            Fixtures.spec(
                Fixtures.rule("other.example.com", Fixtures.path("/", Fixtures.STABLE_SERVICE))));
    Manifest foreign = Fixtures.ingress("app-other-ingress-canary", Map.of(), Fixtures.spec());

    RoutingPlan plan =
        router.plan(request(config, 50, Fixtures.stableIngress(), otherStable, foreign));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("app-other-ingress-canary"));
  }
}
