package dev.rollouts.core.internal.bluegreen;

import static dev.rollouts.core.internal.bluegreen.BlueGreenState.ACTIVE;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.PREVIEW;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.T0;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.deadlineOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.hash;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.replicasOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The old ReplicaSets after a promotion: {@code scaleDownDelaySeconds} and its revision limit. */
class BlueGreenScaleDownTest {

  private static final Instant NOW = T0.plusSeconds(100);

  /** Version 2 promoted (active, preview and stable), version 1 still at {@code v1Pods} pods. */
  private static BlueGreenState promoted(BlueGreenStrategy strategy, Optional<Instant> v1Deadline) {
    return BlueGreenState.healthy(strategy)
        .template("2")
        .replicaSet("1", 1, 3, 3, v1Deadline)
        .replicaSet("2", 2, 3, 3)
        .select(ACTIVE, "2")
        .select(PREVIEW, "2")
        .status(
            s ->
                s.observedGeneration("2")
                    .currentPodHash(hash("2"))
                    .stableRS(hash("2"))
                    .replicas(6)
                    .blueGreen(
                        new BlueGreenStatus(
                            Optional.of(hash("2")), Optional.of(hash("2")), false)));
  }

  @Test
  void theOldReplicaSetGetsAScaleDownDeadlineAndKeepsItsPods() {
    Decision d = promoted(strategy().build(), Optional.empty()).decide(NOW);

    assertThat(replicasOf(d, "1")).isEqualTo(3);
    assertThat(deadlineOf(d, "1")).contains(NOW.plusSeconds(30));
    assertThat(d.requeueAfter()).contains(Duration.ofSeconds(30));
    assertThat(d.status().phase())
        .as("old pods waiting out the delay do not hold the phase")
        .contains(Phase.Healthy);
  }

  @Test
  void scaleDownDelaySecondsSetsTheDeadline() {
    Decision d =
        promoted(strategy().scaleDownDelaySeconds(300).build(), Optional.empty()).decide(NOW);

    assertThat(deadlineOf(d, "1")).contains(NOW.plusSeconds(300));
  }

  @Test
  void theOldReplicaSetKeepsItsPodsUntilTheDeadlineAndAsksToBeCalledBackThen() {
    Decision d = promoted(strategy().build(), Optional.of(NOW.plusSeconds(12))).decide(NOW);

    assertThat(replicasOf(d, "1")).isEqualTo(3);
    assertThat(deadlineOf(d, "1")).contains(NOW.plusSeconds(12));
    assertThat(d.requeueAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void theOldReplicaSetScalesToZeroOnceTheDeadlinePasses() {
    Decision d = promoted(strategy().build(), Optional.of(NOW)).decide(NOW);

    assertThat(replicasOf(d, "1")).isZero();
    assertThat(deadlineOf(d, "1")).isEmpty();
    assertThat(d.requeueAfter()).isEmpty();
  }

  @Test
  void aZeroScaleDownDelayScalesTheOldReplicaSetDownAtOnce() {
    Decision d =
        promoted(strategy().scaleDownDelaySeconds(0).build(), Optional.empty()).decide(NOW);

    assertThat(replicasOf(d, "1")).isZero();
  }

  @Test
  void beyondTheRevisionLimitOldReplicaSetsScaleDownAtOnceNewestKeptFirst() {
    BlueGreenState state =
        promoted(strategy().scaleDownDelayRevisionLimit(1).build(), Optional.empty())
            .template("3")
            .replicaSet("2", 2, 3, 3, Optional.of(NOW.plusSeconds(20)))
            .replicaSet("3", 3, 3, 3)
            .select(ACTIVE, "3")
            .select(PREVIEW, "3")
            .status(
                s ->
                    s.observedGeneration("3")
                        .currentPodHash(hash("3"))
                        .stableRS(hash("3"))
                        .blueGreen(
                            new BlueGreenStatus(
                                Optional.of(hash("3")), Optional.of(hash("3")), false)));

    Decision d = state.decide(NOW);

    assertThat(replicasOf(d, "2")).isEqualTo(3);
    assertThat(replicasOf(d, "1")).isZero();
  }

  @Test
  void aRevisionLimitOfZeroScalesEveryOldReplicaSetDownAtOnce() {
    Decision d =
        promoted(strategy().scaleDownDelayRevisionLimit(0).build(), Optional.empty()).decide(NOW);

    assertThat(replicasOf(d, "1")).isZero();
  }

  @Test
  void aReplicaSetTheActiveServiceStillSelectsIsNeverScaledDown() {
    Decision d =
        promoted(strategy().build(), Optional.of(NOW.minusSeconds(5)))
            .select(ACTIVE, "1")
            .decide(NOW);

    assertThat(replicasOf(d, "1")).isEqualTo(3);
  }

  @Test
  void oldReplicaSetsBeyondTheRevisionHistoryLimitAreDeletedOnceScaledDown() {
    BlueGreenState state =
        promoted(strategy().build(), Optional.empty())
            .replicaSet("1", 1, 0, 0)
            .revisionHistoryLimit(0);

    assertThat(state.decide(NOW).deleteReplicaSets()).containsExactly("demo-hash1");
    assertThat(
            promoted(strategy().build(), Optional.empty())
                .revisionHistoryLimit(0)
                .decide(NOW)
                .deleteReplicaSets())
        .as("a ReplicaSet with pods is kept")
        .isEmpty();
  }
}
