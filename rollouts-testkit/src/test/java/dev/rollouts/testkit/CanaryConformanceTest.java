package dev.rollouts.testkit;

import static dev.rollouts.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.AntiAffinityRule;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.core.spec.TrafficRouting;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Canary rules of Argo's that the engine once got wrong (conformance, round two). */
class CanaryConformanceTest {

  private final RolloutEngine engine =
      RolloutEngine.withPlugins(List.of(new WeightRecordingRouter()));

  private SimulatedCluster deployed(
      int replicas, UnaryOperator<CanaryStrategy.Builder> edit, CanaryStep... steps) {
    CanaryStrategy canary =
        edit.apply(
                CanaryStrategy.builder()
                    .steps(List.of(steps))
                    .canaryService("demo-canary")
                    .stableService("demo-stable")
                    .trafficRouting(
                        TrafficRouting.builder().putRouter("recording", Map.of()).build()))
            .build();
    SimulatedCluster cluster =
        SimulatedCluster.of(
            Fixtures.rollout(Fixtures.canarySpec(replicas, "1", canary)),
            List.of(Fixtures.service("demo-canary"), Fixtures.service("demo-stable")),
            T0);
    cluster.run(engine, 4);
    return cluster;
  }

  private static int replicas(SimulatedCluster cluster, String hash) {
    return cluster.replicaSet("demo-hash" + hash).map(ObservedReplicaSet::specReplicas).orElse(-1);
  }

  /** Argo's CheckMinPodsPerReplicaSet caps the floor at spec.replicas. */
  @Test
  void minPodsPerReplicaSetNeverGivesTheCanaryMorePodsThanSpecReplicas() {
    SimulatedCluster cluster =
        deployed(
            1,
            c -> c.minPodsPerReplicaSet(2),
            new CanaryStep.SetWeight(10),
            CanaryStep.Pause.indefinitely());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    cluster.run(engine, 6);
    assertThat(replicas(cluster, "2")).isEqualTo(1);
    assertThat(replicas(cluster, "1")).isEqualTo(1);
  }

  /**
   * Argo's trafficWeightToReplicas: weight × replicas in 64 bits, so the largest maxTrafficWeight
   * still sizes the canary right.
   */
  @Test
  void weightTimesReplicasDoesNotOverflowAtTheLargestMaxTrafficWeight() {
    int total = 100_000_000;
    SimulatedCluster cluster =
        deployed(
            23,
            c ->
                c.trafficRouting(
                    TrafficRouting.builder()
                        .putRouter("recording", Map.of())
                        .maxTrafficWeight(total)
                        .build()),
            new CanaryStep.SetWeight(total / 2),
            CanaryStep.Pause.indefinitely(),
            new CanaryStep.SetWeight(total),
            CanaryStep.Pause.indefinitely());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    cluster.run(engine, 6);
    assertThat(replicas(cluster, "2")).isEqualTo(12);
    cluster.updateStatus(
        s ->
            dev.rollouts.core.status.RolloutStatus.builder()
                .from(s)
                .pauseConditions(List.of())
                .build());
    cluster.run(engine, 6);
    assertThat(cluster.rollout().status().currentStepIndex()).contains(3);
    assertThat(replicas(cluster, "2")).isEqualTo(23);
  }

  /**
   * Argo's GetDesiredCanaryWeight and calculateDesiredWeightOnAbortOrStableRollback: an abort at
   * weight 80 with dynamicStableScale steps the weight back through 50 and 20 to 0, each step only
   * once stable has the available pods for it, and scales stable from that weight (5 pods first,
   * not all 10 at once).
   */
  @Test
  void anAbortWithDynamicStableScaleStepsTheWeightDownThroughTheSteps() {
    SimulatedCluster cluster =
        deployed(
            10,
            c -> c.dynamicStableScale(true),
            new CanaryStep.SetWeight(20),
            new CanaryStep.SetWeight(50),
            new CanaryStep.SetWeight(80),
            CanaryStep.Pause.indefinitely());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    cluster.run(engine, 10);
    assertThat(weight(cluster)).isEqualTo(80);
    assertThat(replicas(cluster, "1")).isEqualTo(2);

    cluster.updateStatus(
        s -> dev.rollouts.core.status.RolloutStatus.builder().from(s).abort(true).build());
    cluster.sync(engine);
    assertThat(weight(cluster)).as("stable has 2 pods: the weight stays").isEqualTo(80);
    assertThat(replicas(cluster, "1")).as("stable sized for weight 50, not whole").isEqualTo(5);
    assertThat(replicas(cluster, "2")).as("the canary keeps its pods for weight 80").isEqualTo(8);

    List<Integer> weights = new java.util.ArrayList<>();
    for (int pass = 0; pass < 12; pass++) {
      cluster.makePodsAvailable();
      cluster.sync(engine);
      if (weights.isEmpty() || weights.get(weights.size() - 1) != weight(cluster)) {
        weights.add(weight(cluster));
      }
    }
    assertThat(weights).containsExactly(50, 20, 0);
    assertThat(replicas(cluster, "1")).isEqualTo(10);
  }

  private static int weight(SimulatedCluster cluster) {
    return cluster.rollout().status().canary().weights().map(w -> w.canary().weight()).orElse(-1);
  }

  /** Argo's GenerateReplicaSetAffinity applies to canary as to blue-green. */
  @Test
  void aCanaryCreatedWhileAnotherIsStableKeepsAwayFromTheStablePods() {
    SimulatedCluster cluster =
        deployed(
            4,
            c -> c.antiAffinity(new AntiAffinity.Preferred(50)),
            new CanaryStep.SetWeight(25),
            CanaryStep.Pause.indefinitely());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    Decision decision = cluster.sync(engine);
    assertThat(decision.createReplicaSet().flatMap(c -> c.antiAffinity()))
        .contains(new AntiAffinityRule("hash1", new AntiAffinity.Preferred(50)));
  }

  /** The first ReplicaSet has no stable pods to keep away from. */
  @Test
  void theFirstCanaryReplicaSetHasNoAntiAffinity() {
    CanaryStrategy canary =
        CanaryStrategy.builder()
            .antiAffinity(new AntiAffinity.Required())
            .steps(List.of(new CanaryStep.SetWeight(25)))
            .build();
    SimulatedCluster cluster =
        SimulatedCluster.of(Fixtures.rollout(Fixtures.canarySpec(4, "1", canary)), List.of(), T0);
    Decision first =
        cluster.sync(RolloutEngine.withPlugins(List.of(new WeightRecordingRouter(), weighting())));
    assertThat(first.createReplicaSet()).isPresent();
    assertThat(first.createReplicaSet().get().antiAffinity()).isEmpty();
  }

  /**
   * Argo's reconcileEphemeralMetadata for canary: the canary's pods carry canaryMetadata and the
   * stable ones stableMetadata while the update runs; once promoted, the new ReplicaSet carries
   * stableMetadata and the old one none.
   */
  @Test
  void canaryAndStablePodsCarryTheirMetadataAndThePromotedOneTheStableMetadata() {
    PodMetadata canaryMeta = new PodMetadata(Map.of("role", "canary"), Map.of());
    PodMetadata stableMeta = new PodMetadata(Map.of("role", "stable"), Map.of("note", "s"));
    SimulatedCluster cluster =
        deployed(
            4,
            c -> c.canaryMetadata(canaryMeta).stableMetadata(stableMeta),
            new CanaryStep.SetWeight(25),
            CanaryStep.Pause.indefinitely());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    Decision created = cluster.sync(engine);
    assertThat(created.createReplicaSet().flatMap(c -> c.podMetadata())).contains(canaryMeta);
    assertThat(created.replicaSet("demo-hash1").flatMap(u -> u.podMetadata())).contains(stableMeta);

    cluster.updateStatus(
        s -> dev.rollouts.core.status.RolloutStatus.builder().from(s).promoteFull(true).build());
    cluster.run(engine, 6);
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
    Decision promoted = cluster.sync(engine);
    assertThat(promoted.replicaSet("demo-hash2").flatMap(u -> u.podMetadata()))
        .contains(stableMeta);
    assertThat(promoted.replicaSet("demo-hash1").flatMap(u -> u.podMetadata()))
        .contains(new PodMetadata(Map.of(), Map.of()));
  }

  private static dev.rollouts.core.traffic.ReplicaWeighting weighting() {
    return new dev.rollouts.core.traffic.ReplicaWeighting() {
      @Override
      public String name() {
        return DEFAULT_NAME;
      }

      @Override
      public dev.rollouts.core.traffic.ReplicaSplit split(
          dev.rollouts.core.traffic.WeightingRequest request) {
        return new dev.rollouts.core.traffic.ReplicaSplit(
            request.replicas() * request.weight() / 100,
            request.replicas() - request.replicas() * request.weight() / 100);
      }
    };
  }
}
