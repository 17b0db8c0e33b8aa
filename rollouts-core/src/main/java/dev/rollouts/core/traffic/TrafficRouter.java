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
 */
public non-sealed interface TrafficRouter extends TrafficPlugin {

  /** What this router can do beyond weights. */
  Set<RouterCapability> capabilities();

  /** The routing objects that carry {@code request}'s weight and routes. */
  RoutingPlan plan(RoutingRequest request);
}
