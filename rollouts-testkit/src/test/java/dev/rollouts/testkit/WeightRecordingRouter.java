package dev.rollouts.testkit;

import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.core.traffic.RouterCapability;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficRouter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A router whose one routing object, a ConfigMap, records the weight it was asked for. */
final class WeightRecordingRouter implements TrafficRouter {

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public Set<RouterCapability> capabilities() {
    return Set.of();
  }

  @Override
  public RoutingPlan plan(RoutingRequest request) {
    Manifest route =
        new Manifest(
            Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of("name", request.rolloutName() + "-route"),
                "data",
                Map.of("weight", Integer.toString(request.weight()))));
    Optional<Integer> observed =
        request.observed().stream()
            .filter(m -> m.is("ConfigMap", request.rolloutName() + "-route"))
            .findFirst()
            .map(
                m ->
                    Integer.parseInt(
                        ((Map<?, ?>) m.content().get("data")).get("weight").toString()));
    return RoutingPlan.builder().addDesired(route).observedWeight(observed).build();
  }
}
