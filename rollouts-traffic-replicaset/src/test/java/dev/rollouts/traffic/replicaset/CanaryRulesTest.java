package dev.rollouts.traffic.replicaset;

import static dev.rollouts.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.testkit.Fixtures;
import dev.rollouts.testkit.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One rule of the canary per test, on a 4-replica Rollout with surge 1 and no unavailability. */
class CanaryRulesTest {

  private final RolloutEngine engine = RolloutEngine.withInstalledPlugins();

  private static CanaryStrategy.Builder strategy() {
    return CanaryStrategy.builder()
        .steps(
            List.of(
                new CanaryStep.SetWeight(25),
                CanaryStep.Pause.indefinitely(),
                new CanaryStep.SetWeight(75),
                CanaryStep.Pause.ofSeconds(30)))
        .maxSurge(IntOrPercent.of(1))
        .maxUnavailable(IntOrPercent.of(0));
  }

  private SimulatedCluster deployed(CanaryStrategy canary) {
    SimulatedCluster cluster =
        SimulatedCluster.of(Fixtures.rollout(Fixtures.canarySpec(4, "1", canary)), List.of(), T0);
    run(cluster, 4);
    return cluster;
  }

  private void run(SimulatedCluster cluster, int passes) {
    cluster.run(engine, passes);
  }

  private static int replicas(SimulatedCluster cluster, String name) {
    return cluster.replicaSet(name).map(ObservedReplicaSet::specReplicas).orElse(-1);
  }

  private static void promote(SimulatedCluster cluster) {
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
  }

  /**
   * Argo's newRolloutContext creates the new ReplicaSet (createDesiredReplicaSet, at 0 replicas)
   * before syncRolloutStatusCanary resets the status for the new template; the sync after scales
   * it.
   */
  @Test
  void aTemplateChangeCreatesTheNewReplicaSetAtZeroInTheSyncThatResetsTheStatus() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));

    Decision reset = cluster.sync(engine);
    assertThat(reset.createReplicaSet())
        .hasValueSatisfying(
            c -> {
              assertThat(c.name()).isEqualTo("demo-hash2");
              assertThat(c.podTemplateHash()).isEqualTo("hash2");
              assertThat(c.revision()).isEqualTo(2);
              assertThat(c.replicas()).isZero();
            });
    assertThat(reset.events())
        .extracting(e -> e.reason())
        .contains("NewReplicaSetCreated", "RolloutUpdated");
    assertThat(reset.status().currentStepIndex()).contains(0);
    assertThat(reset.status().currentPodHash()).contains("hash2");

    Decision scale = cluster.sync(engine);
    assertThat(scale.createReplicaSet()).isEmpty();
    assertThat(scale.replicaSet("demo-hash2"))
        .hasValueSatisfying(u -> assertThat(u.replicas()).isEqualTo(1));
  }

  @Test
  void aReplicaSetCreatedByArgoForTheSameTemplateIsAdoptedNotDuplicated() {
    SimulatedCluster cluster =
        SimulatedCluster.of(
                Fixtures.rollout(Fixtures.canarySpec(4, "1", strategy().build())), List.of(), T0)
            .withReplicaSet(
                ObservedReplicaSet.builder()
                    .name("demo-6f8b7c9d4")
                    .podTemplateHash("6f8b7c9d4")
                    .templateHash("hash1")
                    .revision(1)
                    .specReplicas(4)
                    .statusReplicas(4)
                    .availableReplicas(4)
                    .readyReplicas(4)
                    .creationTime(T0)
                    .build());
    run(cluster, 4);
    assertThat(cluster.replicaSets())
        .extracting(ObservedReplicaSet::name)
        .containsExactly("demo-6f8b7c9d4");
    assertThat(cluster.rollout().status().stableRS()).contains("6f8b7c9d4");
    assertThat(cluster.rollout().status().currentPodHash()).contains("6f8b7c9d4");
  }

  @Test
  void promoteFullSkipsTheRemainingSteps() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    run(cluster, 8);
    assertThat(cluster.rollout().status().currentStepIndex()).contains(1);
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).promoteFull(true).build());
    run(cluster, 8);
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
    assertThat(cluster.rollout().status().promoteFull()).isFalse();
    assertThat(replicas(cluster, "demo-hash2")).isEqualTo(4);
    assertThat(replicas(cluster, "demo-hash1")).isZero();
  }

  @Test
  void abortRestoresStableScalesTheCanaryDownAndDegrades() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    run(cluster, 8);
    assertThat(replicas(cluster, "demo-hash2")).isEqualTo(1);
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(true).build());
    run(cluster, 6);

    RolloutStatus status = cluster.rollout().status();
    assertThat(replicas(cluster, "demo-hash2")).isZero();
    assertThat(replicas(cluster, "demo-hash1")).isEqualTo(4);
    assertThat(status.phase()).contains(Phase.Degraded);
    assertThat(status.message()).contains("RolloutAborted: Rollout aborted update to revision 2");
    assertThat(status.abortedAt()).isPresent();
    assertThat(status.currentStepIndex()).contains(0);
    assertThat(status.pauseConditions()).isEmpty();
  }

  @Test
  void retryClearsTheAbortAndStartsAgainFromTheFirstStep() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    run(cluster, 8);
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(true).build());
    run(cluster, 6);
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(false).build());
    Decision retried = cluster.sync(engine);
    assertThat(retried.status().condition(ConditionType.Progressing).map(Condition::reason))
        .isPresent();
    run(cluster, 8);
    assertThat(cluster.rollout().status().abort()).isFalse();
    assertThat(cluster.rollout().status().phase()).contains(Phase.Paused);
    assertThat(cluster.rollout().status().currentStepIndex()).contains(1);
    assertThat(replicas(cluster, "demo-hash2")).isEqualTo(1);
  }

  @Test
  void specPausedHoldsEveryScaleAndReportsManuallyPaused() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(
        spec -> RolloutSpec.builder().from(Fixtures.withVersion(spec, "2")).paused(true).build());
    run(cluster, 4);
    assertThat(replicas(cluster, "demo-hash2")).isZero();
    assertThat(replicas(cluster, "demo-hash1")).isEqualTo(4);
    assertThat(cluster.rollout().status().phase()).contains(Phase.Paused);
    assertThat(cluster.rollout().status().message()).contains("manually paused");
  }

  @Test
  void aTimedPauseAsksToBeCalledBackWhenItEndsAndThenMovesOn() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    run(cluster, 8);
    promote(cluster);
    run(cluster, 8);
    assertThat(cluster.rollout().status().currentStepIndex()).contains(3);
    Decision waiting = cluster.sync(engine);
    assertThat(waiting.requeueAfter())
        .hasValueSatisfying(
            d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(31)));
    assertThat(waiting.status().phase()).contains(Phase.Paused);
    cluster.advance(Duration.ofSeconds(31));
    run(cluster, 6);
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
  }

  @Test
  void aNewTemplateMidRolloutStartsOverAndScalesThePreviousCanaryDown() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    run(cluster, 8);
    assertThat(replicas(cluster, "demo-hash2")).isEqualTo(1);
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "3"));
    run(cluster, 10);
    assertThat(replicas(cluster, "demo-hash2")).isZero();
    assertThat(replicas(cluster, "demo-hash3")).isEqualTo(1);
    assertThat(cluster.rollout().status().currentStepIndex()).contains(1);
    assertThat(cluster.rollout().status().stableRS()).contains("hash1");
  }

  @Test
  void oldReplicaSetsBeyondTheHistoryLimitAreDeletedOldestFirst() {
    CanaryStrategy noSteps = CanaryStrategy.builder().steps(List.of()).build();
    SimulatedCluster cluster =
        SimulatedCluster.of(
            Fixtures.rollout(
                RolloutSpec.builder()
                    .from(Fixtures.canarySpec(2, "1", noSteps))
                    .revisionHistoryLimit(1)
                    .build()),
            List.of(),
            T0);
    run(cluster, 4);
    for (String version : List.of("2", "3", "4")) {
      cluster.advance(Duration.ofMinutes(1));
      cluster.updateSpec(spec -> Fixtures.withVersion(spec, version));
      run(cluster, 8);
    }
    assertThat(cluster.replicaSets())
        .extracting(ObservedReplicaSet::name)
        .containsExactly("demo-hash3", "demo-hash4");
    assertThat(cluster.rollout().status().stableRS()).contains("hash4");
  }

  @Test
  void noProgressWithinTheDeadlineExceedsItAndAbortsWhenAsked() {
    CanaryStrategy canary = strategy().build();
    SimulatedCluster cluster = deployed(canary);
    cluster.updateSpec(
        spec ->
            RolloutSpec.builder()
                .from(Fixtures.withVersion(spec, "2"))
                .progressDeadlineSeconds(60)
                .progressDeadlineAbort(true)
                .build());
    cluster.neverReady(rs -> rs.podTemplateHash().equals("hash2"));
    run(cluster, 4);
    cluster.advance(Duration.ofSeconds(61));
    Decision timedOut = cluster.sync(engine);
    assertThat(timedOut.status().condition(ConditionType.Progressing))
        .hasValueSatisfying(
            c -> {
              assertThat(c.reason()).isEqualTo("ProgressDeadlineExceeded");
              assertThat(c.message())
                  .isEqualTo("ReplicaSet \"demo-hash2\" has timed out progressing.");
            });
    assertThat(timedOut.events())
        .anySatisfy(
            e ->
                assertThat(e.message())
                    .isEqualTo("ReplicaSet \"demo-hash2\" has timed out progressing."));
    run(cluster, 3);
    RolloutStatus status = cluster.rollout().status();
    assertThat(status.abort()).isTrue();
    assertThat(status.phase()).contains(Phase.Degraded);
    // As in Argo, the timeout detail is on the event; later syncs write the plain abort message.
    assertThat(status.message()).contains("RolloutAborted: Rollout aborted update to revision 2");
    assertThat(replicas(cluster, "demo-hash2")).isZero();
  }

  @Test
  void anInvalidSpecReportsInvalidSpecNamingTheFieldAndScalesNothing() {
    SimulatedCluster cluster = deployed(strategy().build());
    cluster.updateSpec(
        spec ->
            Fixtures.canarySpec(
                4,
                "2",
                CanaryStrategy.builder().steps(List.of(new CanaryStep.SetWeight(101))).build()));
    Decision decision = cluster.sync(engine);
    assertThat(decision.createReplicaSet()).isEmpty();
    assertThat(decision.replicaSet("demo-hash1").orElseThrow().replicas()).isEqualTo(4);
    assertThat(decision.status().phase()).contains(Phase.Degraded);
    assertThat(decision.status().condition(ConditionType.InvalidSpec).map(Condition::message))
        .contains(
            "The Rollout \"demo\" is invalid: spec.strategy.steps[0].setWeight: Invalid value: 101: SetWeight needs to be between 0 and 100");
    assertThat(decision.events()).extracting(e -> e.reason()).containsExactly("InvalidSpec");
  }

  @Test
  void undoReusesTheOlderReplicaSetAndMakesItTheLatestRevision() {
    SimulatedCluster cluster = deployed(CanaryStrategy.builder().steps(List.of()).build());
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    run(cluster, 8);
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "1"));
    run(cluster, 8);
    assertThat(cluster.replicaSets())
        .extracting(ObservedReplicaSet::name)
        .containsExactly("demo-hash1", "demo-hash2");
    assertThat(cluster.replicaSet("demo-hash1").orElseThrow().revision()).isEqualTo(3);
    assertThat(replicas(cluster, "demo-hash1")).isEqualTo(4);
    assertThat(cluster.rollout().status().stableRS()).contains("hash1");
  }

  @Test
  void restartAtIsCarriedIntoTheStatusOnceItHasPassed() {
    SimulatedCluster cluster = deployed(strategy().build());
    Instant restartAt = T0.plusSeconds(5);
    cluster.updateSpec(spec -> RolloutSpec.builder().from(spec).restartAt(restartAt).build());
    cluster.advance(Duration.ofSeconds(10));
    run(cluster, 2);
    assertThat(cluster.rollout().status().restartedAt()).contains(restartAt);
  }
}
