package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.CANARY_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.STABLE_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.annotated;
import static dev.rollouts.traffic.nginx.Fixtures.onlyDesired;
import static dev.rollouts.traffic.nginx.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Annotations on an existing canary Ingress: ours that are no longer wanted go, those of other
 * controllers stay (Argo leaves stale ones behind and, through its patch, drops others' labels).
 */
class ManagedAnnotationsTest {

  private static final String MANAGED = NginxTrafficRouter.MANAGED_ANNOTATIONS;

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  /** The canary Ingress as the router left it for {@code config} at weight 10. */
  private Manifest appliedWith(Map<String, Object> config) {
    return onlyDesired(router.plan(request(config, 10, Fixtures.stableIngress())));
  }

  @Test
  void removesAnAdditionalAnnotationOnceTheRolloutNoLongerAsksForIt() {
    Manifest before =
        appliedWith(
            Map.of(
                "stableIngress",
                STABLE_INGRESS,
                "additionalIngressAnnotations",
                Map.of("canary-by-header", "X-Canary")));

    Manifest after = onlyDesired(router.plan(request(10, Fixtures.stableIngress(), before)));

    assertThat(before.annotations()).containsKey("nginx.ingress.kubernetes.io/canary-by-header");
    assertThat(after.annotations())
        .doesNotContainKey("nginx.ingress.kubernetes.io/canary-by-header");
    assertThat(after.annotations())
        .containsEntry(
            MANAGED,
            "nginx.ingress.kubernetes.io/canary,nginx.ingress.kubernetes.io/canary-weight");
  }

  @Test
  void removesTheWeightTotalOnceMaxTrafficWeightIsUnset() {
    Manifest before =
        annotated(
            appliedWith(Map.of("stableIngress", STABLE_INGRESS)),
            "nginx.ingress.kubernetes.io/canary-weight-total",
            "1000");
    before =
        annotated(
            before,
            MANAGED,
            before.annotations().get(MANAGED) + ",nginx.ingress.kubernetes.io/canary-weight-total");

    Manifest after = onlyDesired(router.plan(request(10, Fixtures.stableIngress(), before)));

    assertThat(after.annotations())
        .doesNotContainKey("nginx.ingress.kubernetes.io/canary-weight-total");
  }

  @Test
  void keepsAnnotationsOtherControllersAddedAndTheirLabels() {
    Manifest touched =
        annotated(
            appliedWith(Map.of("stableIngress", STABLE_INGRESS)),
            "external-dns.alpha.kubernetes.io/hostname",
            "shop.example.com");
    touched = Fixtures.withMetadata(touched, "labels", Map.of("team", "shop"));

    Manifest after = onlyDesired(router.plan(request(30, Fixtures.stableIngress(), touched)));

    assertThat(after.annotations())
        .containsEntry("external-dns.alpha.kubernetes.io/hostname", "shop.example.com")
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "30");
    assertThat(after.annotations().get(MANAGED)).doesNotContain("external-dns");
    assertThat(after.metadata()).containsEntry("labels", Map.of("team", "shop"));
  }

  @Test
  void takesOverAKeyAnotherControllerSetWhenTheRolloutAsksForIt() {
    Manifest touched =
        annotated(
            appliedWith(Map.of("stableIngress", STABLE_INGRESS)),
            "nginx.ingress.kubernetes.io/load-balance",
            "ewma");
    Map<String, Object> config =
        Map.of(
            "stableIngress",
            STABLE_INGRESS,
            "additionalIngressAnnotations",
            Map.of("load-balance", "round_robin"));

    Manifest after =
        onlyDesired(router.plan(request(config, 10, Fixtures.stableIngress(), touched)));

    assertThat(after.annotations())
        .containsEntry("nginx.ingress.kubernetes.io/load-balance", "round_robin");
    assertThat(after.annotations().get(MANAGED))
        .contains("nginx.ingress.kubernetes.io/load-balance");
  }

  @Test
  void removesTheIngressClassAnnotationOnceTheStableIngressDropsIt() {
    Manifest stableWithClass =
        annotated(Fixtures.stableIngress(), "kubernetes.io/ingress.class", "nginx");
    Manifest before = onlyDesired(router.plan(request(10, stableWithClass)));

    Manifest after = onlyDesired(router.plan(request(10, Fixtures.stableIngress(), before)));

    assertThat(before.annotations()).containsKey("kubernetes.io/ingress.class");
    assertThat(after.annotations()).doesNotContainKey("kubernetes.io/ingress.class");
  }

  @Test
  void adoptsACanaryIngressArgoRolloutsCreatedDroppingItsStaleCanaryAnnotations() {
    Manifest argoMade =
        Fixtures.ingress(
            CANARY_INGRESS,
            Map.of(
                "annotations",
                    Map.of(
                        "nginx.ingress.kubernetes.io/canary", "true",
                        "nginx.ingress.kubernetes.io/canary-weight", "40",
                        "nginx.ingress.kubernetes.io/canary-by-header", "X-Old",
                        "example.com/added-by-someone", "yes"),
                "ownerReferences",
                    List.of(
                        Map.of(
                            "apiVersion",
                            "argoproj.io/v1alpha1",
                            "kind",
                            "Rollout",
                            "name",
                            "app",
                            "uid",
                            Fixtures.UID,
                            "controller",
                            true,
                            "blockOwnerDeletion",
                            true))),
            Fixtures.spec());

    RoutingPlan plan = router.plan(request(40, Fixtures.stableIngress(), argoMade));

    assertThat(plan.observedWeight()).contains(40);
    assertThat(onlyDesired(plan).annotations())
        .doesNotContainKey("nginx.ingress.kubernetes.io/canary-by-header")
        .containsEntry("example.com/added-by-someone", "yes");
  }

  @Test
  void recordsTheKeysItSetSortedAndCommaSeparated() {
    assertThat(ManagedAnnotations.merge(Map.of("z", "1"), Map.of("p/b", "2", "p/a", "3"), "p"))
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(Map.of("p/a", "3", "p/b", "2", "z", "1", MANAGED, "p/a,p/b")));
  }
}
