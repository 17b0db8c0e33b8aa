package dev.rollouts.core.traffic;

import java.util.Set;

/**
 * Moves a canary's weight with routing objects (an Ingress, a route), as an Argo Rollouts traffic
 * router does.
 *
 * <p>Contract, which {@code TrafficRouterContract} in {@code rollouts-testkit} checks for every
 * router:
 *
 * <ul>
 *   <li>{@link #plan} is pure: equal requests give equal plans, and planning again on the objects
 *       it asked for asks for the same objects (idempotent);
 *   <li>the weight it routes to the canary is the request's weight, between 0 and the total;
 *   <li>it never throws for a request it cannot serve; it returns {@link RoutingPlan#problems()}
 *       naming the object at fault;
 *   <li>it declares in {@link #capabilities()} what it can do beyond weights, and is never asked
 *       for more.
 * </ul>
 *
 * <p>A sample router, whose one routing object is a ConfigMap carrying the weight (a real router
 * writes an Ingress or a route the same way), registered in {@code
 * META-INF/services/dev.rollouts.core.traffic.TrafficPlugin} and named in a Rollout as {@code
 * trafficRouting: {configmap: {}}}:
 *
 * <pre>{@code
 * public final class ConfigMapRouter implements TrafficRouter {
 *   public String name() {
 *     return "configmap";
 *   }
 *
 *   public Set<RouterCapability> capabilities() {
 *     return Set.of();
 *   }
 *
 *   public RoutingPlan plan(RoutingRequest request) {
 *     String name = request.rolloutName() + "-route";
 *     Manifest route = new Manifest(Map.of(
 *         "apiVersion", "v1",
 *         "kind", "ConfigMap",
 *         "metadata", Map.of("name", name, "namespace", request.rolloutNamespace()),
 *         "data", Map.of(
 *             "canary", request.canaryService() + "=" + request.weight(),
 *             "stable", request.stableService() + "=" + (request.totalWeight() - request.weight()))));
 *     return RoutingPlan.builder().addDesired(route).build();
 *   }
 * }
 * }</pre>
 */
public non-sealed interface TrafficRouter extends TrafficPlugin {

  /** What this router can do beyond weights. */
  Set<RouterCapability> capabilities();

  /** The routing objects that carry {@code request}'s weight and routes. */
  RoutingPlan plan(RoutingRequest request);
}
