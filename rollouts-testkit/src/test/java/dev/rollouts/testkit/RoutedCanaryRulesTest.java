package dev.rollouts.testkit;

import static dev.rollouts.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.ReplicaProgressThreshold;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.status.RolloutStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The canary rules that apply with a traffic router, on 10 replicas. */
class RoutedCanaryRulesTest {

  private final RolloutEngine engine =
      RolloutEngine.withPlugins(List.of(new WeightRecordingRouter()));

  private SimulatedCluster updating(
      UnaryOperator<CanaryStrategy.Builder> edit, CanaryStep... steps) {
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
            Fixtures.rollout(Fixtures.canarySpec(10, "1", canary)),
            List.of(Fixtures.service("demo-canary"), Fixtures.service("demo-stable")),
            T0);
    run(cluster, 4);
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    return cluster;
  }

  private void run(SimulatedCluster cluster, int passes) {
    cluster.run(engine, passes);
  }

  private static int replicas(SimulatedCluster cluster, String hash) {
    return cluster.replicaSet("demo-hash" + hash).map(ObservedReplicaSet::specReplicas).orElse(-1);
  }

  private static int weight(SimulatedCluster cluster) {
    return cluster.rollout().status().canary().weights().map(w -> w.canary().weight()).orElse(-1);
  }

  @Test
  void givesTheCanaryTheCeilingOfItsWeightShareAndKeepsStableWhole() {
    SimulatedCluster cluster =
        updating(c -> c, new CanaryStep.SetWeight(25), CanaryStep.Pause.indefinitely());
    run(cluster, 6);
    assertThat(replicas(cluster, "2")).isEqualTo(3);
    assertThat(replicas(cluster, "1")).isEqualTo(10);
    assertThat(weight(cluster)).isEqualTo(25);
  }

  /**
   * A step may set the weight and the canary's size at once, as Argo's own canary tests do: the
   * canary gets the setCanaryScale count (GetCanaryReplicasOrWeight), the router the setWeight
   * (GetCurrentSetWeight), and the step is done once the canary has its pods
   * (completedCurrentCanaryStep looks at setCanaryScale before setWeight).
   */
  @Test
  void aStepWithSetWeightAndSetCanaryScaleScalesToTheOneAndRoutesTheOther() {
    SimulatedCluster cluster =
        updating(
            c -> c,
            CanaryStep.Combined.of(
                new CanaryStep.SetWeight(10),
                new CanaryStep.SetCanaryScale(Optional.of(5), Optional.empty(), false)),
            CanaryStep.Pause.indefinitely());
    run(cluster, 8);
    assertThat(replicas(cluster, "2")).isEqualTo(5);
    assertThat(replicas(cluster, "1")).isEqualTo(10);
    assertThat(weight(cluster)).isEqualTo(10);
    assertThat(cluster.rollout().status().currentStepIndex()).contains(1);
  }

  @Test
  void setCanaryScaleReplicasSizesTheCanaryIndependentlyOfTheWeight() {
    SimulatedCluster cluster =
        updating(
            c -> c,
            new CanaryStep.SetCanaryScale(Optional.of(4), Optional.empty(), false),
            new CanaryStep.SetWeight(10),
            CanaryStep.Pause.indefinitely());
    run(cluster, 8);
    assertThat(replicas(cluster, "2")).isEqualTo(4);
    assertThat(weight(cluster)).isEqualTo(10);
  }

  @Test
  void setCanaryScaleWeightSizesTheCanaryAsAShareOfReplicas() {
    SimulatedCluster cluster =
        updating(
            c -> c,
            new CanaryStep.SetCanaryScale(Optional.empty(), Optional.of(50), false),
            CanaryStep.Pause.indefinitely());
    run(cluster, 6);
    assertThat(replicas(cluster, "2")).isEqualTo(5);
    assertThat(weight(cluster)).isZero();
  }

  @Test
  void matchTrafficWeightGoesBackToSizingTheCanaryByItsWeight() {
    SimulatedCluster cluster =
        updating(
            c -> c,
            new CanaryStep.SetCanaryScale(Optional.of(6), Optional.empty(), false),
            new CanaryStep.SetWeight(20),
            new CanaryStep.SetCanaryScale(Optional.empty(), Optional.empty(), true),
            CanaryStep.Pause.indefinitely());
    run(cluster, 10);
    assertThat(replicas(cluster, "2")).isEqualTo(2);
    assertThat(weight(cluster)).isEqualTo(20);
  }

  @Test
  void minPodsPerReplicaSetGivesASmallCanaryAtLeastThatManyPods() {
    SimulatedCluster cluster =
        updating(
            c -> c.minPodsPerReplicaSet(2),
            new CanaryStep.SetWeight(5),
            CanaryStep.Pause.indefinitely());
    run(cluster, 6);
    assertThat(replicas(cluster, "2")).isEqualTo(2);
  }

  @Test
  void dynamicStableScaleShrinksStableAsTrafficLeavesIt() {
    SimulatedCluster cluster =
        updating(
            c -> c.dynamicStableScale(true),
            new CanaryStep.SetWeight(40),
            CanaryStep.Pause.indefinitely());
    run(cluster, 8);
    assertThat(weight(cluster)).isEqualTo(40);
    assertThat(replicas(cluster, "2")).isEqualTo(4);
    assertThat(replicas(cluster, "1")).isEqualTo(6);
  }

  @Test
  void replicaProgressThresholdCompletesAStepWithFewerAvailablePods() {
    SimulatedCluster cluster =
        updating(
            c ->
                c.replicaProgressThreshold(
                    new ReplicaProgressThreshold(ReplicaProgressThreshold.Type.PERCENT, 50)),
            new CanaryStep.SetWeight(40),
            CanaryStep.Pause.indefinitely());
    cluster.sync(engine);
    cluster.sync(engine);
    ObservedReplicaSet canary = cluster.replicaSet("demo-hash2").orElseThrow();
    cluster.withReplicaSet(
        ObservedReplicaSet.builder()
            .from(canary)
            .statusReplicas(4)
            .readyReplicas(2)
            .availableReplicas(2)
            .build());
    Decision decision = cluster.sync(engine);
    assertThat(decision.status().currentStepIndex()).contains(1);
  }

  @Test
  void withoutTheThresholdAStepWaitsForEveryCanaryPod() {
    SimulatedCluster cluster =
        updating(c -> c, new CanaryStep.SetWeight(40), CanaryStep.Pause.indefinitely());
    cluster.sync(engine);
    cluster.sync(engine);
    ObservedReplicaSet canary = cluster.replicaSet("demo-hash2").orElseThrow();
    cluster.withReplicaSet(
        ObservedReplicaSet.builder()
            .from(canary)
            .statusReplicas(4)
            .readyReplicas(2)
            .availableReplicas(2)
            .build());
    Decision decision = cluster.sync(engine);
    assertThat(decision.status().currentStepIndex()).contains(0);
  }

  @Test
  void promoteFullKeepsTheLastWeightUntilTheNewReplicaSetIsWholeThenPromotes() {
    SimulatedCluster cluster =
        updating(c -> c, new CanaryStep.SetWeight(30), CanaryStep.Pause.indefinitely());
    run(cluster, 6);
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).promoteFull(true).build());
    Decision first = cluster.sync(engine);
    assertThat(first.status().canary().weights().map(w -> w.canary().weight())).contains(30);
    cluster.makePodsAvailable();
    run(cluster, 4);
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
    assertThat(replicas(cluster, "2")).isEqualTo(10);
  }
}
