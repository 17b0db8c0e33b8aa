package dev.rollouts.core.traffic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The input of a {@link TrafficRouter}: the weight wanted and the routing objects as they are. */
@Value.Immutable
public interface RoutingRequest {

  /** The Rollout's {@code metadata.name}. */
  String rolloutName();

  /** The Rollout's {@code metadata.namespace}. */
  String rolloutNamespace();

  /** The Rollout's {@code metadata.uid}, for owner references; absent before it has one. */
  Optional<String> rolloutUid();

  /** This router's block under {@code trafficRouting}, verbatim. */
  Map<String, Object> config();

  /** {@code canaryService}. */
  String canaryService();

  /** {@code stableService}. */
  String stableService();

  /** The canary weight wanted, 0 to {@link #totalWeight()}. */
  int weight();

  /** {@code trafficRouting.maxTrafficWeight} as written; the total is 100 when absent. */
  Optional<Integer> maxTrafficWeight();

  /**
   * The header routes wanted; only for a router that declares {@link
   * RouterCapability#HEADER_ROUTES}.
   */
  List<HeaderRoute> headerRoutes();

  /** The routing objects observed in the Rollout's namespace, whole. */
  List<Manifest> observed();

  /** The total a weight is out of. */
  default int totalWeight() {
    return maxTrafficWeight().orElse(100);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RoutingRequest}. */
  final class Builder extends ImmutableRoutingRequest.Builder {}
}
