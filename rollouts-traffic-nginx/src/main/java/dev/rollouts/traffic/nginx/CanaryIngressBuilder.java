package dev.rollouts.traffic.nginx;

import dev.rollouts.core.Trees;
import dev.rollouts.core.traffic.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The name and spec of a canary Ingress, from its stable Ingress ({@code networking.k8s.io/v1}).
 * Pure; works on the manifest tree, so fields it does not interpret ({@code pathType}, a port,
 * fields Kubernetes adds later) are copied as they are.
 */
final class CanaryIngressBuilder {

  /** The longest name Kubernetes accepts for an Ingress (a DNS subdomain). */
  static final int MAX_NAME_LENGTH = 253;

  static final String CANARY_SUFFIX = "-canary";

  private CanaryIngressBuilder() {}

  /**
   * The canary Ingress's name: {@code <rollout>-<stableIngress>-canary}, with {@code
   * <rollout>-<stableIngress>} cut to its first 246 characters so the name fits in 253, exactly as
   * Argo Rollouts' {@code GetCanaryIngressName} does (so Ingresses Argo created are found again).
   *
   * <p>Example: rollout {@code app}, stable Ingress {@code web} → {@code app-web-canary}.
   */
  static String canaryName(String rolloutName, String stableIngressName) {
    String prefix = rolloutName + "-" + stableIngressName;
    int room = MAX_NAME_LENGTH - CANARY_SUFFIX.length();
    if (prefix.length() > room) {
      prefix = prefix.substring(0, room);
    }
    return prefix + CANARY_SUFFIX;
  }

  /**
   * The canary Ingress's {@code spec}: {@code ingressClassName} and {@code tls} copied; of the
   * rules, only those with a path whose backend is {@code stableService}, and of their paths only
   * those, with the backend's service renamed to {@code canaryService}. No default backend.
   *
   * @return empty when no path of {@code stable} uses {@code stableService}
   */
  static Optional<Map<String, Object>> spec(
      Manifest stable, String stableService, String canaryService) {
    Map<String, Object> stableSpec = Trees.map(stable.content(), "spec").orElse(Map.of());
    List<Object> rules = new ArrayList<>();
    for (Object rule : Trees.list(stableSpec, "rules")) {
      if (rule instanceof Map<?, ?> map) {
        canaryRule(tree(map), stableService, canaryService).ifPresent(rules::add);
      }
    }
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    Trees.string(stableSpec, "ingressClassName").ifPresent(c -> spec.put("ingressClassName", c));
    if (stableSpec.get("tls") instanceof List<?> tls) {
      spec.put("tls", tls);
    }
    spec.put("rules", rules);
    return Optional.of(spec);
  }

  /** The rule with only its paths to {@code stableService}, retargeted; empty if it has none. */
  private static Optional<Map<String, Object>> canaryRule(
      Map<String, Object> rule, String stableService, String canaryService) {
    Map<String, Object> http = Trees.map(rule, "http").orElse(Map.of());
    List<Object> paths = new ArrayList<>();
    for (Object path : Trees.list(http, "paths")) {
      if (path instanceof Map<?, ?> map
          && serviceName(tree(map)).filter(stableService::equals).isPresent()) {
        paths.add(retarget(tree(map), canaryService));
      }
    }
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> canaryHttp = new LinkedHashMap<>(http);
    canaryHttp.put("paths", paths);
    Map<String, Object> canaryRule = new LinkedHashMap<>(rule);
    canaryRule.put("http", canaryHttp);
    return Optional.of(canaryRule);
  }

  /** {@code backend.service.name} of an HTTP path, if it routes to a Service. */
  static Optional<String> serviceName(Map<String, Object> path) {
    return Trees.map(path, "backend")
        .flatMap(b -> Trees.map(b, "service"))
        .flatMap(s -> Trees.string(s, "name"));
  }

  private static Map<String, Object> retarget(Map<String, Object> path, String canaryService) {
    Map<String, Object> backend = Trees.map(path, "backend").orElseThrow();
    Map<String, Object> service = new LinkedHashMap<>(Trees.map(backend, "service").orElseThrow());
    service.put("name", canaryService);
    Map<String, Object> canaryBackend = new LinkedHashMap<>(backend);
    canaryBackend.put("service", service);
    Map<String, Object> canaryPath = new LinkedHashMap<>(path);
    canaryPath.put("backend", canaryBackend);
    return canaryPath;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
