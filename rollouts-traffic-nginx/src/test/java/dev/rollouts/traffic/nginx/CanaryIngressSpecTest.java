package dev.rollouts.traffic.nginx;

import static dev.rollouts.traffic.nginx.Fixtures.CANARY_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.CANARY_SERVICE;
import static dev.rollouts.traffic.nginx.Fixtures.NAMESPACE;
import static dev.rollouts.traffic.nginx.Fixtures.STABLE_INGRESS;
import static dev.rollouts.traffic.nginx.Fixtures.STABLE_SERVICE;
import static dev.rollouts.traffic.nginx.Fixtures.backendServices;
import static dev.rollouts.traffic.nginx.Fixtures.ingress;
import static dev.rollouts.traffic.nginx.Fixtures.onlyDesired;
import static dev.rollouts.traffic.nginx.Fixtures.path;
import static dev.rollouts.traffic.nginx.Fixtures.request;
import static dev.rollouts.traffic.nginx.Fixtures.rule;
import static dev.rollouts.traffic.nginx.Fixtures.spec;
import static dev.rollouts.traffic.nginx.Fixtures.specOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a canary Ingress copies from its stable Ingress, and what it leaves out. */
class CanaryIngressSpecTest {

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  @Test
  void isANetworkingV1IngressNamedAfterTheRolloutAndTheStableIngressInTheRolloutsNamespace() {
    Manifest canary = onlyDesired(router.plan(request(10, Fixtures.stableIngress())));

    assertThat(canary.apiVersion()).isEqualTo("networking.k8s.io/v1");
    assertThat(canary.kind()).isEqualTo("Ingress");
    assertThat(canary.name()).isEqualTo(CANARY_INGRESS);
    assertThat(canary.namespace()).contains(NAMESPACE);
  }

  @Test
  void copiesIngressClassNameAndTls() {
    Map<String, Object> spec =
        new LinkedHashMap<>(spec(rule("shop.example.com", path("/", STABLE_SERVICE))));
    spec.put("ingressClassName", "nginx-public");
    spec.put(
        "tls", List.of(Map.of("hosts", List.of("shop.example.com"), "secretName", "shop-tls")));
    Manifest canary =
        onlyDesired(router.plan(request(10, ingress(STABLE_INGRESS, Map.of(), spec))));

    assertThat(specOf(canary)).containsEntry("ingressClassName", "nginx-public");
    assertThat(specOf(canary)).containsEntry("tls", spec.get("tls"));
  }

  @Test
  void keepsOnlyTheRulesAndPathsToTheStableServiceRetargetedToTheCanaryService() {
    Map<String, Object> spec =
        spec(
            rule(
                "shop.example.com",
                path("/", STABLE_SERVICE),
                path("/admin", "admin"),
                path("/api", STABLE_SERVICE)),
            rule("admin.example.com", path("/", "admin")),
            Map.of("host", "bare.example.com"),
            rule(null, path("/static", STABLE_SERVICE)));
    Manifest canary =
        onlyDesired(router.plan(request(10, ingress(STABLE_INGRESS, Map.of(), spec))));

    Map<String, Object> expected =
        spec(
            rule("shop.example.com", path("/", CANARY_SERVICE), path("/api", CANARY_SERVICE)),
            rule(null, path("/static", CANARY_SERVICE)));
    assertThat(specOf(canary)).isEqualTo(expected);
  }

  @Test
  void keepsThePortAndPathTypeOfEachRetargetedPath() {
    Map<String, Object> named =
        Map.of(
            "path", "/v2",
            "pathType", "Exact",
            "backend",
                Map.of("service", Map.of("name", STABLE_SERVICE, "port", Map.of("name", "http"))));
    Manifest canary =
        onlyDesired(
            router.plan(
                request(
                    10, ingress(STABLE_INGRESS, Map.of(), spec(rule("a.example.com", named))))));

    assertThat(specOf(canary))
        .isEqualTo(
            spec(
                rule(
                    "a.example.com",
                    Map.of(
                        "path", "/v2",
                        "pathType", "Exact",
                        "backend",
                            Map.of(
                                "service",
                                Map.of("name", CANARY_SERVICE, "port", Map.of("name", "http")))))));
  }

  @Test
  void copiesNoOtherAnnotationLabelOrDefaultBackend() {
    Map<String, Object> spec =
        new LinkedHashMap<>(spec(rule("shop.example.com", path("/", STABLE_SERVICE))));
    spec.put(
        "defaultBackend",
        Map.of("service", Map.of("name", STABLE_SERVICE, "port", Map.of("number", 80))));
    Manifest stable =
        ingress(
            STABLE_INGRESS,
            Map.of(
                "labels", Map.of("app", "shop"),
                "annotations",
                    Map.of(
                        "kubernetes.io/ingress.class", "nginx",
                        "nginx.ingress.kubernetes.io/rewrite-target", "/",
                        "example.com/owner", "team-a")),
            spec);
    Manifest canary = onlyDesired(router.plan(request(10, stable)));

    assertThat(specOf(canary)).doesNotContainKey("defaultBackend");
    assertThat(canary.metadata()).doesNotContainKey("labels");
    assertThat(canary.annotations())
        .containsEntry("kubernetes.io/ingress.class", "nginx")
        .doesNotContainKeys("nginx.ingress.kubernetes.io/rewrite-target", "example.com/owner");
  }

  @Test
  void reportsAStableIngressWithNoPathToTheStableServiceNamingBothServices() {
    Manifest stable =
        ingress(STABLE_INGRESS, Map.of(), spec(rule("shop.example.com", path("/", "other"))));
    RoutingPlan plan = router.plan(request(10, stable));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.kind()).isEqualTo("Ingress");
              assertThat(problem.name()).isEqualTo(STABLE_INGRESS);
              assertThat(problem.message()).contains(STABLE_SERVICE, CANARY_SERVICE);
            });
  }

  @Test
  void reportsAMissingStableIngressByName() {
    RoutingPlan plan = router.plan(request(10, ingress("elsewhere", Map.of(), spec())));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .containsExactly(
            new RoutingProblem(
                "Ingress",
                STABLE_INGRESS,
                "not found in namespace shop; spec.strategy.canary.trafficRouting.nginx names it as"
                    + " a stable Ingress"));
  }

  @Test
  void reportsAStableIngressOfTheRetiredExtensionsApi() {
    Map<String, Object> content = new LinkedHashMap<>(Fixtures.stableIngress().content());
    content.put("apiVersion", "extensions/v1beta1");
    RoutingPlan plan = router.plan(request(10, new Manifest(content)));

    assertThat(plan.problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("extensions/v1beta1", "networking.k8s.io/v1"));
  }

  @Test
  void readsTheNetworkingV1CopyWhenAnIngressIsListedUnderTwoApiVersions() {
    Map<String, Object> legacy = new LinkedHashMap<>(Fixtures.stableIngress().content());
    legacy.put("apiVersion", "extensions/v1beta1");
    RoutingPlan plan = router.plan(request(10, new Manifest(legacy), Fixtures.stableIngress()));

    assertThat(plan.problems()).isEmpty();
  }

  @Test
  void ignoresIngressesOfOtherNamespaces() {
    Manifest elsewhere = Fixtures.withMetadata(Fixtures.stableIngress(), "namespace", "other");
    RoutingPlan plan = router.plan(request(10, elsewhere));

    assertThat(plan.problems()).extracting(RoutingProblem::name).containsExactly(STABLE_INGRESS);
  }

  @Test
  void routesOnlyToTheCanaryService() {
    Manifest canary = onlyDesired(router.plan(request(10, Fixtures.stableIngress())));

    assertThat(backendServices(canary)).containsOnly(CANARY_SERVICE);
  }
}
