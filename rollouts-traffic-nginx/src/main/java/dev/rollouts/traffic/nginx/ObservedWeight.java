package dev.rollouts.traffic.nginx;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RoutingRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The weight the observed canary Ingresses route now.
 *
 * <p>It is known only when every canary Ingress the Rollout needs exists, carries a whole-number
 * {@code <prefix>/canary-weight}, counts out of the request's total ({@code
 * <prefix>/canary-weight-total}, or 100 without it), and all of them agree. Otherwise it is absent:
 * traffic is not (yet) at one weight the engine could rely on.
 */
final class ObservedWeight {

  private ObservedWeight() {}

  static Optional<Integer> of(
      RoutingRequest request, NginxSettings settings, Map<String, Manifest> ingresses) {
    String prefix = settings.annotationPrefix() + "/";
    Set<Integer> weights = new HashSet<>();
    for (String stableName : settings.stableIngresses()) {
      Manifest canary =
          ingresses.get(CanaryIngressBuilder.canaryName(request.rolloutName(), stableName));
      if (canary == null) {
        return Optional.empty();
      }
      int total =
          Ingresses.intAnnotation(canary, prefix + CanaryAnnotations.WEIGHT_TOTAL).orElse(100);
      Optional<Integer> weight = Ingresses.intAnnotation(canary, prefix + CanaryAnnotations.WEIGHT);
      if (weight.isEmpty() || total != request.totalWeight()) {
        return Optional.empty();
      }
      weights.add(weight.get());
    }
    return weights.size() == 1 ? Optional.of(weights.iterator().next()) : Optional.empty();
  }
}
