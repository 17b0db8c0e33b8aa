package dev.rollouts.core.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code spec.strategy.canary.trafficRouting}: which traffic router moves the canary's weight, and
 * its configuration.
 *
 * <p>Each router Argo knows is a key beside {@code maxTrafficWeight} and {@code managedRoutes}
 * ({@code nginx: {stableIngress: app}}); {@link #routers()} keeps each such key with its body
 * verbatim, so a router plug-in reads its own configuration.
 */
@Value.Immutable
public interface TrafficRouting {

  /** Router name (the key, e.g. {@code nginx}) to that router's configuration, in order. */
  Map<String, Map<String, Object>> routers();

  /** {@code maxTrafficWeight}: the total a weight is out of; 100 when absent. */
  Optional<Integer> maxTrafficWeight();

  /** {@code managedRoutes[].name}: the header and mirror routes steps may set, in order. */
  List<String> managedRoutes();

  /** The total a weight is out of: {@code maxTrafficWeight}, or 100. */
  default int effectiveMaxTrafficWeight() {
    return maxTrafficWeight().orElse(100);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TrafficRouting}. */
  final class Builder extends ImmutableTrafficRouting.Builder {}
}
