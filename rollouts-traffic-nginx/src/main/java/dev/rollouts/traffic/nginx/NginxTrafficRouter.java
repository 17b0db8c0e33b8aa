package dev.rollouts.traffic.nginx;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RouterCapability;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingProblem;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficRouter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Ingress NGINX traffic router, selected by {@code trafficRouting.nginx}: weights a canary with
 * one canary Ingress per stable Ingress, as Argo Rollouts' {@code nginx} router does.
 *
 * <p>For each of {@code stableIngress} / {@code stableIngresses} it wants the Ingress {@code
 * <rollout>-<stableIngress>-canary} ({@code networking.k8s.io/v1}) in the Rollout's namespace:
 *
 * <ul>
 *   <li>spec: the stable Ingress's {@code ingressClassName} and {@code tls}, and only its rules and
 *       paths whose backend is the {@code stableService}, retargeted to the {@code canaryService};
 *       no default backend;
 *   <li>annotations: {@code kubernetes.io/ingress.class} from the stable Ingress, {@code
 *       additionalIngressAnnotations} (prefixed), {@code canaryIngressAnnotations}, the header
 *       route in force, then {@code <prefix>/canary: "true"}, {@code <prefix>/canary-weight} and,
 *       with {@code maxTrafficWeight}, {@code <prefix>/canary-weight-total}, later ones winning;
 *       annotations other controllers put on the canary Ingress are kept, ours that are no longer
 *       wanted are removed (the keys we set are listed in {@value #MANAGED_ANNOTATIONS});
 *   <li>labels: none of ours; labels already on the canary Ingress are kept;
 *   <li>owner: the Rollout, as controller, so the Ingress goes when the Rollout is deleted.
 * </ul>
 *
 * <p>The weight is routed exactly as asked: the engine decides it (0 while the canary has no
 * available pods, on abort, and after promotion; the canary Ingress stays at weight 0).
 *
 * <p>A plan with {@linkplain RoutingPlan#problems() problems} desires no object at all, so no
 * traffic moves on any Ingress while one is at fault. Problems: the block names no stable Ingress,
 * or both {@code stableIngress} and {@code stableIngresses}; a stable Ingress is missing, is not
 * {@code networking.k8s.io/v1}, or has no path to the {@code stableService}; a canary Ingress
 * exists that the Rollout does not control; a header route NGINX cannot express; a weight outside 0
 * to the total.
 *
 * <p>Registered under {@code META-INF/services/dev.rollouts.core.traffic.TrafficPlugin}; stateless.
 */
public final class NginxTrafficRouter implements TrafficRouter {

  /** The key under {@code trafficRouting} that selects this router. */
  public static final String NAME = "nginx";

  /**
   * The annotation on each canary Ingress that lists, comma-separated and sorted, the annotation
   * keys this router set there; every other annotation belongs to someone else and is kept.
   */
  public static final String MANAGED_ANNOTATIONS = ManagedAnnotations.KEY;

  static final String INGRESS_API_VERSION = "networking.k8s.io/v1";
  static final String INGRESS = "Ingress";

  /** The router; {@link java.util.ServiceLoader} calls this. */
  public NginxTrafficRouter() {}

  /** {@value #NAME}. */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * {@link RouterCapability#HEADER_ROUTES}: {@code setHeaderRoute} becomes {@code
   * canary-by-header}.
   */
  @Override
  public Set<RouterCapability> capabilities() {
    return Set.of(RouterCapability.HEADER_ROUTES);
  }

  /** The canary Ingresses that route {@code request}'s weight and header route; see the class. */
  @Override
  public RoutingPlan plan(RoutingRequest request) {
    List<RoutingProblem> problems = new ArrayList<>();
    if (request.weight() < 0 || request.weight() > request.totalWeight()) {
      problems.add(
          rolloutProblem(
              request, "weight " + request.weight() + " is outside 0 to " + request.totalWeight()));
    }
    Optional<NginxSettings> settings =
        NginxSettings.parse(request.config(), request.rolloutName(), problems);
    if (settings.isEmpty()) {
      return RoutingPlan.builder().problems(problems).build();
    }
    HeaderRouteAnnotations.Translation headerRoute =
        HeaderRouteAnnotations.translate(request.headerRoutes(), settings.get().annotationPrefix());
    headerRoute.unsupported().forEach(message -> problems.add(rolloutProblem(request, message)));

    Map<String, Manifest> ingresses = ingresses(request);
    List<Manifest> desired = new ArrayList<>();
    for (String stableName : settings.get().stableIngresses()) {
      canaryIngress(
              request, settings.get(), headerRoute.annotations(), ingresses, stableName, problems)
          .ifPresent(desired::add);
    }
    return RoutingPlan.builder()
        .desired(problems.isEmpty() ? desired : List.of())
        .observedWeight(ObservedWeight.of(request, settings.get(), ingresses))
        .problems(problems)
        .build();
  }

  /**
   * The canary Ingress for one stable Ingress, or empty after adding why not to {@code problems}.
   */
  private static Optional<Manifest> canaryIngress(
      RoutingRequest request,
      NginxSettings settings,
      Map<String, String> headerRoute,
      Map<String, Manifest> ingresses,
      String stableName,
      List<RoutingProblem> problems) {
    String canaryName = CanaryIngressBuilder.canaryName(request.rolloutName(), stableName);
    Optional<Manifest> observed = Optional.ofNullable(ingresses.get(canaryName));
    Optional<String> foreign =
        observed.flatMap(o -> Ownership.notOurs(o, request.rolloutName(), request.rolloutUid()));
    foreign.ifPresent(message -> problems.add(new RoutingProblem(INGRESS, canaryName, message)));
    Manifest stable = ingresses.get(stableName);
    Optional<Map<String, Object>> spec =
        Optional.ofNullable(stable)
            .filter(s -> s.apiVersion().equals(INGRESS_API_VERSION))
            .flatMap(
                s ->
                    CanaryIngressBuilder.spec(s, request.stableService(), request.canaryService()));
    if (spec.isEmpty()) {
      problems.add(new RoutingProblem(INGRESS, stableName, unusable(stable, request)));
      return Optional.empty();
    }
    if (foreign.isPresent()) {
      return Optional.empty();
    }
    Map<String, String> ours =
        CanaryAnnotations.of(
            stable, settings, request.weight(), request.maxTrafficWeight(), headerRoute);
    return Optional.of(manifest(request, settings, canaryName, observed, ours, spec.get()));
  }

  private static Manifest manifest(
      RoutingRequest request,
      NginxSettings settings,
      String canaryName,
      Optional<Manifest> observed,
      Map<String, String> ours,
      Map<String, Object> spec) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", canaryName);
    metadata.put("namespace", request.rolloutNamespace());
    observed
        .map(o -> o.metadata().get("labels"))
        .ifPresent(labels -> metadata.put("labels", labels));
    Map<String, String> observedAnnotations = observed.map(Ingresses::annotations).orElse(Map.of());
    metadata.put(
        "annotations",
        ManagedAnnotations.merge(observedAnnotations, ours, settings.annotationPrefix()));
    metadata.put(
        "ownerReferences",
        Ownership.ownerReferences(observed, request.rolloutName(), request.rolloutUid()));
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("apiVersion", INGRESS_API_VERSION);
    content.put("kind", INGRESS);
    content.put("metadata", metadata);
    content.put("spec", spec);
    return new Manifest(content);
  }

  /** Why {@code stable} (absent when not found) gives no canary Ingress. */
  private static String unusable(Manifest stable, RoutingRequest request) {
    if (stable == null) {
      return String.format(
          "not found in namespace %s; %s names it as a stable Ingress",
          request.rolloutNamespace(), NginxSettings.PATH);
    }
    if (!stable.apiVersion().equals(INGRESS_API_VERSION)) {
      return String.format(
          "is %s; only %s Ingresses are supported", stable.apiVersion(), INGRESS_API_VERSION);
    }
    return String.format(
        "has no path whose backend is the stableService %s,"
            + " so there is nothing to route to the canaryService %s",
        request.stableService(), request.canaryService());
  }

  /** The observed Ingresses in the Rollout's namespace, by name. */
  private static Map<String, Manifest> ingresses(RoutingRequest request) {
    Map<String, Manifest> byName = new LinkedHashMap<>();
    for (Manifest object : request.observed()) {
      boolean here = object.namespace().map(request.rolloutNamespace()::equals).orElse(true);
      if (object.kind().equals(INGRESS) && here) {
        // One Ingress may be listed under several API versions; prefer networking.k8s.io/v1.
        byName.merge(
            object.name(),
            object,
            (first, next) -> next.apiVersion().equals(INGRESS_API_VERSION) ? next : first);
      }
    }
    return byName;
  }

  private static RoutingProblem rolloutProblem(RoutingRequest request, String message) {
    return new RoutingProblem("Rollout", request.rolloutName(), message);
  }
}
