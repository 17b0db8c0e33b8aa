package dev.rollouts.core.traffic;

/**
 * A traffic plug-in, registered under {@code
 * META-INF/services/dev.rollouts.core.traffic.TrafficPlugin}.
 *
 * <p>Implementations must be stateless and thread-safe: the engine calls them from many threads and
 * expects equal answers to equal requests.
 */
public sealed interface TrafficPlugin permits ReplicaWeighting, TrafficRouter {

  /**
   * The name a Rollout selects this plug-in by: the key under {@code trafficRouting} for a router
   * ({@code nginx}), {@value ReplicaWeighting#DEFAULT_NAME} for the weighting used without one.
   */
  String name();
}
