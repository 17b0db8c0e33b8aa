package dev.rollouts.testkit;

import static dev.rollouts.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.ReplicaWeighting;
import dev.rollouts.core.traffic.RouterCapability;
import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingRequest;
import dev.rollouts.core.traffic.TrafficRouter;
import dev.rollouts.core.traffic.WeightingRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine checks a plug-in's answer and names the plug-in that broke its contract. */
class PluginContractTest {

  /** Asks for every pod at once, whatever the surge. */
  static final class Greedy implements ReplicaWeighting {
    @Override
    public String name() {
      return DEFAULT_NAME;
    }

    @Override
    public ReplicaSplit split(WeightingRequest request) {
      return new ReplicaSplit(request.replicas(), request.replicas());
    }
  }

  /** Throws instead of reporting a problem. */
  static final class Throwing implements TrafficRouter {
    @Override
    public String name() {
      return "throwing";
    }

    @Override
    public Set<RouterCapability> capabilities() {
      return Set.of();
    }

    @Override
    public RoutingPlan plan(RoutingRequest request) {
      throw new IllegalArgumentException("no Ingress");
    }
  }

  @Test
  void aWeightingThatAsksForMoreThanTheSurgeIsNamed() {
    RolloutEngine engine = RolloutEngine.withPlugins(List.of(new Greedy()));
    SimulatedCluster cluster =
        SimulatedCluster.of(
            Fixtures.rollout(
                Fixtures.canarySpec(4, "1", Fixtures.canary(new CanaryStep.SetWeight(50)))),
            List.of(),
            T0);
    cluster.sync(engine);
    assertThatThrownBy(() -> cluster.sync(engine))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "traffic plug-in 'replicaset' (dev.rollouts.testkit.PluginContractTest$Greedy)")
        .hasMessageContaining("above replicas + maxSurge = 5");
  }

  @Test
  void aRouterThatThrowsIsNamed() {
    RolloutEngine engine = RolloutEngine.withPlugins(List.of(new Throwing()));
    CanaryStrategy canary =
        CanaryStrategy.builder()
            .canaryService("c")
            .stableService("s")
            .trafficRouting(TrafficRouting.builder().putRouter("throwing", Map.of()).build())
            .build();
    SimulatedCluster cluster =
        SimulatedCluster.of(
            Fixtures.rollout(Fixtures.canarySpec(2, "1", canary)),
            List.of(Fixtures.service("c"), Fixtures.service("s")),
            T0);
    cluster.sync(engine);
    assertThatThrownBy(() -> cluster.sync(engine))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("traffic plug-in 'throwing'")
        .hasMessageContaining("RoutingPlan.problems()");
  }
}
