package dev.rollouts.traffic.nginx;

import dev.rollouts.core.traffic.RoutingProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A Rollout's {@code trafficRouting.nginx} block, read and checked.
 *
 * <pre>{@code
 * nginx:
 *   stableIngress: app-ingress          # or stableIngresses: [a, b], not both
 *   annotationPrefix: nginx.ingress.kubernetes.io   # the default
 *   additionalIngressAnnotations: {canary-by-header: X-Canary}
 *   canaryIngressAnnotations: {example.com/team: shop}
 * }</pre>
 */
@Value.Immutable
interface NginxSettings {

  /** Ingress NGINX's own annotation prefix, used when {@code annotationPrefix} is absent. */
  String DEFAULT_PREFIX = "nginx.ingress.kubernetes.io";

  /** Where the block sits in a Rollout, for messages. */
  String PATH = "spec.strategy.canary.trafficRouting.nginx";

  /** {@code stableIngress}, or each of {@code stableIngresses} once, in order. */
  List<String> stableIngresses();

  /** {@code annotationPrefix}, or {@link #DEFAULT_PREFIX}. */
  String annotationPrefix();

  /** {@code additionalIngressAnnotations} as written (keys not yet prefixed). */
  Map<String, String> additionalIngressAnnotations();

  /** {@code canaryIngressAnnotations} as written. */
  Map<String, String> canaryIngressAnnotations();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NginxSettings}. */
  final class Builder extends ImmutableNginxSettings.Builder {}

  /**
   * Reads {@code config}; on a mistake, adds a problem naming the Rollout and the field to {@code
   * problems} and returns empty.
   */
  static Optional<NginxSettings> parse(
      Map<String, Object> config, String rolloutName, List<RoutingProblem> problems) {
    List<String> errors = new ArrayList<>();
    List<String> ingresses = stableIngresses(config, errors);
    String prefix =
        string(config, "annotationPrefix", errors).filter(p -> !p.isEmpty()).orElse(DEFAULT_PREFIX);
    Map<String, String> additional = stringMap(config, "additionalIngressAnnotations", errors);
    Map<String, String> canary = stringMap(config, "canaryIngressAnnotations", errors);
    errors.forEach(e -> problems.add(new RoutingProblem("Rollout", rolloutName, e)));
    if (!errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        builder()
            .stableIngresses(ingresses)
            .annotationPrefix(prefix)
            .additionalIngressAnnotations(additional)
            .canaryIngressAnnotations(canary)
            .build());
  }

  private static List<String> stableIngresses(Map<String, Object> config, List<String> errors) {
    int before = errors.size();
    Optional<String> single = string(config, "stableIngress", errors).filter(s -> !s.isEmpty());
    Object many = config.get("stableIngresses");
    if (errors.size() > before) {
      return List.of();
    }
    if (single.isPresent() && many != null) {
      errors.add(PATH + ": set stableIngress or stableIngresses, not both");
      return List.of();
    }
    if (single.isPresent()) {
      return List.of(single.get());
    }
    if (many == null) {
      errors.add(PATH + ": stableIngress or stableIngresses is required");
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    if (many instanceof List<?> list) {
      list.stream()
          .filter(n -> n instanceof String s && !s.isEmpty())
          .forEach(n -> names.add((String) n));
      if (names.size() != list.stream().distinct().count()) {
        errors.add(PATH + ".stableIngresses: every entry must be an Ingress name");
      } else if (names.isEmpty()) {
        errors.add(PATH + ".stableIngresses: names no Ingress");
      }
    } else {
      errors.add(PATH + ".stableIngresses: must be a list of Ingress names");
    }
    return List.copyOf(names);
  }

  private static Optional<String> string(
      Map<String, Object> config, String key, List<String> errors) {
    Object value = config.get(key);
    if (value == null || value instanceof String) {
      return Optional.ofNullable((String) value);
    }
    errors.add(PATH + "." + key + ": must be a string, not " + value);
    return Optional.empty();
  }

  /** Reads a map of strings; booleans and numbers become their text, as YAML users expect. */
  private static Map<String, String> stringMap(
      Map<String, Object> config, String key, List<String> errors) {
    Object value = config.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      errors.add(PATH + "." + key + ": must be a map of annotation names to values");
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v instanceof String || v instanceof Boolean || v instanceof Number) {
            result.put((String) k, v.toString());
          } else {
            errors.add(PATH + "." + key + "." + k + ": must be a string");
          }
        });
    return result;
  }
}
