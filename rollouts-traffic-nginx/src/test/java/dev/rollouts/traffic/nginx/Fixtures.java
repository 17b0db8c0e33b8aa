package dev.rollouts.traffic.nginx;

import dev.rollouts.core.Trees;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ingresses and requests for the router's tests: Rollout {@code app} in namespace {@code shop}. */
final class Fixtures {

  static final String ROLLOUT = "app";
  static final String NAMESPACE = "shop";
  static final String UID = "0d7c5ac1-rollout-uid";
  static final String STABLE_SERVICE = "app-stable";
  static final String CANARY_SERVICE = "app-canary";
  static final String STABLE_INGRESS = "app-ingress";
  static final String CANARY_INGRESS = "app-app-ingress-canary";
  static final String PREFIX = "nginx.ingress.kubernetes.io";

  private Fixtures() {}

  /**
   * A request at {@code weight} for {@code stableIngress: app-ingress}, observing {@code observed}.
   */
  static RoutingRequest request(int weight, Manifest... observed) {
    return request(Map.of("stableIngress", STABLE_INGRESS), weight, observed);
  }

  static RoutingRequest request(Map<String, Object> config, int weight, Manifest... observed) {
    return RoutingRequest.builder()
        .rolloutName(ROLLOUT)
        .rolloutNamespace(NAMESPACE)
        .rolloutUid(UID)
        .config(config)
        .canaryService(CANARY_SERVICE)
        .stableService(STABLE_SERVICE)
        .weight(weight)
        .observed(List.of(observed))
        .build();
  }

  /** {@code app-ingress}: host {@code shop.example.com}, {@code /} to the stable Service. */
  static Manifest stableIngress() {
    return ingress(
        STABLE_INGRESS, Map.of(), spec(rule("shop.example.com", path("/", STABLE_SERVICE))));
  }

  static Manifest ingress(String name, Map<String, Object> metadata, Map<String, Object> spec) {
    Map<String, Object> meta = new LinkedHashMap<>(metadata);
    meta.put("name", name);
    meta.put("namespace", NAMESPACE);
    return new Manifest(
        Map.of(
            "apiVersion",
            "networking.k8s.io/v1",
            "kind",
            "Ingress",
            "metadata",
            meta,
            "spec",
            spec));
  }

  static Map<String, Object> spec(Object... rules) {
    return Map.of("rules", List.of(rules));
  }

  static Map<String, Object> rule(String host, Object... paths) {
    Map<String, Object> rule = new LinkedHashMap<>();
    if (host != null) {
      rule.put("host", host);
    }
    rule.put("http", Map.of("paths", List.of(paths)));
    return rule;
  }

  static Map<String, Object> path(String path, String service) {
    return Map.of(
        "path",
        path,
        "pathType",
        "Prefix",
        "backend",
        Map.of("service", Map.of("name", service, "port", Map.of("number", 80))));
  }

  /** {@code manifest} with {@code metadata.key} set to {@code value}. */
  static Manifest withMetadata(Manifest manifest, String key, Object value) {
    Map<String, Object> content = new LinkedHashMap<>(manifest.content());
    Map<String, Object> metadata = new LinkedHashMap<>(manifest.metadata());
    metadata.put(key, value);
    content.put("metadata", metadata);
    return new Manifest(content);
  }

  /** {@code manifest} with the annotation {@code key} set to {@code value}. */
  static Manifest annotated(Manifest manifest, String key, String value) {
    Map<String, Object> annotations = new LinkedHashMap<>(manifest.annotations());
    annotations.put(key, value);
    return withMetadata(manifest, "annotations", annotations);
  }

  /** The only canary Ingress {@code plan} asks for. */
  static Manifest onlyDesired(RoutingPlan plan) {
    if (plan.desired().size() != 1 || !plan.problems().isEmpty()) {
      throw new AssertionError("expected one canary Ingress and no problem, got " + plan);
    }
    return plan.desired().get(0);
  }

  static Map<String, Object> specOf(Manifest manifest) {
    return Trees.map(manifest.content(), "spec").orElseThrow();
  }

  /** Every {@code backend.service.name} of {@code ingress}'s paths, in order. */
  static List<String> backendServices(Manifest ingress) {
    List<String> services = new ArrayList<>();
    for (Object rule : Trees.list(specOf(ingress), "rules")) {
      Map<String, Object> http = Trees.map(cast(rule), "http").orElse(Map.of());
      for (Object path : Trees.list(http, "paths")) {
        services.add(CanaryIngressBuilder.serviceName(cast(path)).orElse("<none>"));
      }
    }
    return services;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object tree) {
    return (Map<String, Object>) tree;
  }
}
