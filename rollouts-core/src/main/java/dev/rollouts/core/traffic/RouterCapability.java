package dev.rollouts.core.traffic;

/**
 * What a {@link TrafficRouter} can do beyond setting a weight. The engine asks a router only for
 * what it declares; a step that needs a capability the router lacks is reported, not ignored.
 */
public enum RouterCapability {
  /** {@code setHeaderRoute} steps. */
  HEADER_ROUTES,
  /** {@code setMirrorRoute} steps. */
  MIRROR_ROUTES
}
