package dev.rollouts.core.traffic;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The output of a {@link TrafficRouter}: the routing objects it wants, whole. */
@Value.Immutable
public interface RoutingPlan {

  /** Every routing object the router wants to exist, whole, changed or not. */
  List<Manifest> desired();

  /** The canary weight the observed objects route now; absent when none route yet. */
  Optional<Integer> observedWeight();

  /** Why the router cannot route as asked; empty when it can. */
  List<RoutingProblem> problems();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RoutingPlan}. */
  final class Builder extends ImmutableRoutingPlan.Builder {}
}
