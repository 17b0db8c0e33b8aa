package dev.rollouts.traffic.nginx;

import dev.rollouts.core.traffic.Manifest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The annotations this router sets on a canary Ingress, before merging with what is there.
 *
 * <p>Later ones win:
 *
 * <ol>
 *   <li>{@code kubernetes.io/ingress.class}, copied from the stable Ingress when it has one (NGINX
 *       must see both Ingresses in the same class);
 *   <li>{@code additionalIngressAnnotations}, each key given the prefix ({@code <prefix>/key})
 *       unless it already starts with it, as Argo does;
 *   <li>{@code canaryIngressAnnotations}, verbatim;
 *   <li>the header route in force, if any: it then owns {@code canary-by-header}, {@code
 *       canary-by-header-value} and {@code canary-by-header-pattern}, so any of these from the
 *       first two sources is dropped rather than mixed with it;
 *   <li>{@code <prefix>/canary: "true"}, {@code <prefix>/canary-weight: "<weight>"}, and {@code
 *       <prefix>/canary-weight-total: "<maxTrafficWeight>"} when {@code maxTrafficWeight} is set.
 * </ol>
 *
 * <p>Example: prefix {@code nginx.ingress.kubernetes.io}, {@code additionalIngressAnnotations:
 * {canary-by-header: X-Canary}}, weight 20 → {@code nginx.ingress.kubernetes.io/canary-by-header:
 * X-Canary}, {@code …/canary: "true"}, {@code …/canary-weight: "20"}.
 */
final class CanaryAnnotations {

  static final String INGRESS_CLASS = "kubernetes.io/ingress.class";
  static final String CANARY = "canary";
  static final String WEIGHT = "canary-weight";
  static final String WEIGHT_TOTAL = "canary-weight-total";

  private CanaryAnnotations() {}

  /** The annotations for a canary of {@code stable}, sorted by key. */
  static Map<String, String> of(
      Manifest stable,
      NginxSettings settings,
      int weight,
      Optional<Integer> maxTrafficWeight,
      Map<String, String> headerRoute) {
    String prefix = settings.annotationPrefix();
    Map<String, String> annotations = new TreeMap<>();
    Optional.ofNullable(Ingresses.annotations(stable).get(INGRESS_CLASS))
        .ifPresent(c -> annotations.put(INGRESS_CLASS, c));
    settings
        .additionalIngressAnnotations()
        .forEach(
            (key, value) ->
                annotations.put(key.startsWith(prefix) ? key : prefix + "/" + key, value));
    annotations.putAll(settings.canaryIngressAnnotations());
    if (!headerRoute.isEmpty()) {
      HeaderRouteAnnotations.KEYS.forEach(key -> annotations.remove(prefix + "/" + key));
      annotations.putAll(headerRoute);
    }
    annotations.put(prefix + "/" + CANARY, "true");
    annotations.put(prefix + "/" + WEIGHT, Integer.toString(weight));
    maxTrafficWeight.ifPresent(
        total -> annotations.put(prefix + "/" + WEIGHT_TOTAL, total.toString()));
    return annotations;
  }
}
