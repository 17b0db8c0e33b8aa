package dev.rollouts.core.internal.bluegreen;

import static dev.rollouts.core.internal.bluegreen.BlueGreenState.ACTIVE;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.T0;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.deadlineOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.hash;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.replicasOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.selectorOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Abort ({@code status.abort}), {@code abortScaleDownDelaySeconds} and retry. */
class BlueGreenAbortTest {

  private static final Instant NOW = T0.plusSeconds(100);

  private static BlueGreenState aborted(BlueGreenStrategy strategy) {
    return BlueGreenState.pausedForPromotion(strategy, T0)
        .status(s -> s.abort(true).pauseConditions(List.of()));
  }

  @Test
  void anAbortKeepsTheActiveServiceOnStableAndReportsDegradedAsArgoWritesIt() {
    Decision d = aborted(strategy().build()).decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.status().abort()).isTrue();
    assertThat(d.status().abortedAt()).contains(NOW);
    assertThat(d.status().pauseConditions()).isEmpty();
    assertThat(d.status().stableRS()).contains(hash("1"));
    assertThat(d.status().phase()).contains(Phase.Degraded);
    assertThat(d.status().message())
        .contains("RolloutAborted: Rollout aborted update to revision 2");
    assertThat(d.status().condition(ConditionType.Progressing))
        .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("RolloutAborted"));
  }

  @Test
  void anAbortedPreviewKeepsItsPodsForAbortScaleDownDelaySeconds() {
    Decision d = aborted(strategy().build()).decide(NOW);

    assertThat(replicasOf(d, "2")).isEqualTo(3);
    assertThat(deadlineOf(d, "2")).contains(NOW.plusSeconds(30));
    assertThat(d.requeueAfter()).contains(Duration.ofSeconds(30));
    assertThat(
            deadlineOf(aborted(strategy().abortScaleDownDelaySeconds(90).build()).decide(NOW), "2"))
        .contains(NOW.plusSeconds(90));
  }

  @Test
  void anAbortedPreviewScalesToZeroOnceItsDeadlinePassesAndKeepsTheAnnotation() {
    Decision d = aborted(strategy().build()).replicaSet("2", 2, 3, 3, Optional.of(NOW)).decide(NOW);

    assertThat(replicasOf(d, "2")).isZero();
    assertThat(deadlineOf(d, "2")).contains(NOW);
  }

  @Test
  void anAbortedPreviewWaitsForItsDeadline() {
    Decision d =
        aborted(strategy().build())
            .replicaSet("2", 2, 3, 3, Optional.of(NOW.plusSeconds(7)))
            .decide(NOW);

    assertThat(replicasOf(d, "2")).isEqualTo(3);
    assertThat(d.requeueAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void aZeroAbortScaleDownDelayKeepsThePreviewIndefinitely() {
    Decision d =
        aborted(strategy().abortScaleDownDelaySeconds(0).build())
            .decide(NOW.plus(Duration.ofDays(1)));

    assertThat(replicasOf(d, "2")).isEqualTo(3);
    assertThat(deadlineOf(d, "2")).isEmpty();
  }

  @Test
  void theDeadlineStartsOnlyOnceTheStableReplicaSetIsWhole() {
    Decision d = aborted(strategy().build()).replicaSet("1", 1, 3, 2).decide(NOW);

    assertThat(deadlineOf(d, "2")).isEmpty();
    assertThat(replicasOf(d, "2")).isEqualTo(3);
  }

  @Test
  void anAbortAfterTheSwitchSendsTheActiveServiceBackToStable() {
    BlueGreenState state =
        aborted(
                strategy()
                    .postPromotionAnalysis(
                        java.util.Map.of(
                            "templates", List.of(java.util.Map.of("templateName", "smoke"))))
                    .build())
            .select(ACTIVE, "2")
            .status(
                s ->
                    s.blueGreen(
                        new BlueGreenStatus(
                            Optional.of(hash("2")), Optional.of(hash("2")), false)));

    Decision d = state.decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(replicasOf(d, "2"))
        .as("not scaled down while the active Service still selects it")
        .isEqualTo(3);
    assertThat(d.status().stableRS()).contains(hash("1"));
  }

  @Test
  void anAbortedPreviewTheActiveServiceStillSelectsKeepsItsPodsPastItsDeadline() {
    BlueGreenState state =
        aborted(
                strategy()
                    .postPromotionAnalysis(
                        java.util.Map.of(
                            "templates", List.of(java.util.Map.of("templateName", "smoke"))))
                    .build())
            .replicaSet("1", 1, 3, 1)
            .replicaSet("2", 2, 3, 3, Optional.of(NOW.minusSeconds(1)))
            .select(ACTIVE, "2")
            .status(
                s ->
                    s.blueGreen(
                        new BlueGreenStatus(
                            Optional.of(hash("2")), Optional.of(hash("2")), false)));

    Decision d = state.decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).as("stable is not whole yet").contains(hash("2"));
    assertThat(replicasOf(d, "2")).isEqualTo(3);
    assertThat(replicasOf(d, "1")).isEqualTo(3);
  }

  @Test
  void aRetryScalesThePreviewUpAgainAndClearsItsDeadline() {
    BlueGreenState retried =
        BlueGreenState.previewing(strategy().build(), 0, 0)
            .replicaSet("2", 2, 0, 0, Optional.of(T0))
            .status(
                s ->
                    s.addConditions(
                        Condition.builder()
                            .type(ConditionType.Progressing)
                            .status("False")
                            .reason("RolloutAborted")
                            .message("Rollout aborted update to revision 2")
                            .lastUpdateTime(T0)
                            .lastTransitionTime(T0)
                            .build()));

    Decision d = retried.decide(NOW);

    assertThat(replicasOf(d, "2")).isEqualTo(3);
    assertThat(deadlineOf(d, "2")).isEmpty();
    assertThat(d.status().abort()).isFalse();
    assertThat(d.status().condition(ConditionType.Progressing))
        .hasValueSatisfying(c -> assertThat(c.reason()).isIn("RolloutRetry", "ReplicaSetUpdated"));
    assertThat(d.status().phase()).contains(Phase.Progressing);
  }

  @Test
  void anAbortOfAFullyPromotedRolloutIsDropped() {
    Decision d = BlueGreenState.healthy(strategy().build()).status(s -> s.abort(true)).decide(NOW);

    assertThat(d.status().abort()).isFalse();
    assertThat(d.status().phase()).contains(Phase.Healthy);
    assertThat(d.status().pauseConditions())
        .extracting(p -> p.reason())
        .doesNotContain(PauseReason.BlueGreenPause);
  }
}
