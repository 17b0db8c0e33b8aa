package dev.rollouts.traffic.replicaset;

import static dev.rollouts.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import dev.rollouts.testkit.Fixtures;
import dev.rollouts.testkit.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicCanaryScenarioTest {

  private final RolloutEngine engine = RolloutEngine.withInstalledPlugins();

  private static CanaryStrategy strategy() {
    return CanaryStrategy.builder()
        .steps(
            List.of(
                new CanaryStep.SetWeight(20),
                CanaryStep.Pause.indefinitely(),
                new CanaryStep.SetWeight(50),
                CanaryStep.Pause.ofSeconds(10)))
        .maxSurge(IntOrPercent.of(1))
        .maxUnavailable(IntOrPercent.of(0))
        .build();
  }

  private SimulatedCluster healthyCluster() {
    SimulatedCluster cluster =
        SimulatedCluster.of(
            Fixtures.rollout(Fixtures.canarySpec(10, "1", strategy())), List.of(), T0);
    cluster.run(engine, 5);
    return cluster;
  }

  private void run(SimulatedCluster cluster, int passes) {
    cluster.run(engine, passes);
  }

  @Test
  void firstDeployGoesStraightToFullScaleAndBecomesStable() {
    SimulatedCluster cluster = healthyCluster();
    assertThat(cluster.replicaSet("demo-hash1"))
        .hasValueSatisfying(rs -> assertThat(rs.specReplicas()).isEqualTo(10));
    assertThat(cluster.rollout().status().stableRS()).contains("hash1");
    assertThat(cluster.rollout().status().phase()).contains(Phase.Healthy);
    assertThat(cluster.rollout().status().currentStepIndex()).contains(4);
  }

  @Test
  void anImageChangeWalksTheStepsAndWaitsAtTheIndefinitePause() {
    SimulatedCluster cluster = healthyCluster();
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    run(cluster, 10);
    assertThat(cluster.replicaSet("demo-hash2"))
        .hasValueSatisfying(rs -> assertThat(rs.specReplicas()).isEqualTo(2));
    assertThat(cluster.replicaSet("demo-hash1"))
        .hasValueSatisfying(rs -> assertThat(rs.specReplicas()).isEqualTo(8));
    assertThat(cluster.rollout().status().currentStepIndex()).contains(1);
    assertThat(cluster.rollout().status().phase()).contains(Phase.Paused);
    assertThat(cluster.rollout().status().pauseConditions())
        .extracting(p -> p.reason())
        .containsExactly(PauseReason.CanaryPauseStep);

    cluster.updateStatus(
        s ->
            dev.rollouts.core.status.RolloutStatus.builder()
                .from(s)
                .pauseConditions(List.of())
                .build());
    run(cluster, 10);
    assertThat(cluster.replicaSet("demo-hash2"))
        .hasValueSatisfying(rs -> assertThat(rs.specReplicas()).isEqualTo(5));
    assertThat(cluster.rollout().status().currentStepIndex()).contains(3);
    Decision paused = cluster.sync(engine);
    assertThat(paused.requeueAfter()).isPresent();
    cluster.advance(Duration.ofSeconds(11));
    run(cluster, 12);
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
    assertThat(cluster.replicaSet("demo-hash2"))
        .hasValueSatisfying(rs -> assertThat(rs.specReplicas()).isEqualTo(10));
    assertThat(cluster.replicaSet("demo-hash1"))
        .hasValueSatisfying(rs -> assertThat(rs.specReplicas()).isZero());
    assertThat(cluster.rollout().status().phase()).contains(Phase.Healthy);
  }
}
