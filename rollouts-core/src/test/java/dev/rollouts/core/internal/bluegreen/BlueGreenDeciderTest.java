package dev.rollouts.core.internal.bluegreen;

import static dev.rollouts.core.internal.bluegreen.BlueGreenState.ACTIVE;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.PREVIEW;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.T0;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.hash;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.replicasOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.selectorOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlueGreenDeciderTest {

  private static final Instant NOW = T0.plusSeconds(100);

  @Test
  void aFirstDeployCreatesTheReplicaSetAtFullScaleAndMarksItStable() {
    Decision d = BlueGreenState.fresh(strategy().build()).decide(NOW);

    assertThat(d.createReplicaSet())
        .hasValueSatisfying(
            c -> {
              assertThat(c.name()).isEqualTo("demo-hash1");
              assertThat(c.replicas()).isEqualTo(3);
              assertThat(c.revision()).isEqualTo(1);
              assertThat(c.antiAffinity()).isEmpty();
            });
    assertThat(d.status().stableRS()).contains(hash("1"));
    assertThat(selectorOf(d, PREVIEW)).contains(hash("1"));
    assertThat(selectorOf(d, ACTIVE)).as("no pod is available yet").isEmpty();
    assertThat(d.status().phase()).contains(Phase.Progressing);
    assertThat(d.status().message()).contains("more replicas need to be updated");
    assertThat(d.status().currentStepIndex()).isEmpty();
    assertThat(d.status().currentStepHash()).isEmpty();
    assertThat(d.events())
        .contains(
            RolloutEvent.normal(
                "RolloutCompleted",
                "Rollout completed update to revision 1 (hash1): Initial deploy"));
  }

  @Test
  void aFirstDeploySwitchesTheActiveServiceWithoutPausingOnceAllPodsAreAvailable() {
    BlueGreenState state =
        BlueGreenState.fresh(strategy().build())
            .replicaSet("1", 1, 3, 3)
            .select(PREVIEW, "1")
            .status(
                s ->
                    s.observedGeneration("1")
                        .currentPodHash(hash("1"))
                        .stableRS(hash("1"))
                        .blueGreen(
                            new BlueGreenStatus(Optional.empty(), Optional.of(hash("1")), false)));

    Decision d = state.decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.serviceSelectors().get(ACTIVE)).containsEntry("app", "demo");
    assertThat(d.status().blueGreen().activeSelector()).contains(hash("1"));
    assertThat(d.status().pauseConditions()).isEmpty();
    assertThat(d.status().phase()).contains(Phase.Healthy);
    assertThat(d.status().selector()).contains("app=demo,rollouts-pod-template-hash=hash1");
    assertThat(d.status().condition(ConditionType.Available))
        .hasValueSatisfying(c -> assertThat(c.isTrue()).isTrue());
  }

  @Test
  void aNewTemplateCreatesAReplicaSetAtZeroPointsThePreviewAtItAndKeepsTheActiveService() {
    Decision d = BlueGreenState.healthy(strategy().build()).template("2").decide(NOW);

    assertThat(d.createReplicaSet())
        .hasValueSatisfying(
            c -> {
              assertThat(c.name()).isEqualTo("demo-hash2");
              assertThat(c.replicas()).isZero();
              assertThat(c.revision()).isEqualTo(2);
            });
    assertThat(selectorOf(d, PREVIEW)).contains(hash("2"));
    assertThat(selectorOf(d, ACTIVE)).isEmpty();
    assertThat(replicasOf(d, "1")).isEqualTo(3);
    assertThat(d.status().blueGreen())
        .isEqualTo(new BlueGreenStatus(Optional.of(hash("1")), Optional.of(hash("2")), false));
    assertThat(d.status().stableRS()).contains(hash("1"));
    assertThat(d.status().currentPodHash()).contains(hash("2"));
    assertThat(d.status().message()).contains("more replicas need to be updated");
  }

  @Test
  void thePreviewReplicaSetScalesToFullWithoutPreviewReplicaCount() {
    Decision d = BlueGreenState.previewing(strategy().build(), 0, 0).decide(NOW);

    assertThat(replicasOf(d, "2")).isEqualTo(3);
    assertThat(replicasOf(d, "1")).isEqualTo(3);
    assertThat(d.status().pauseConditions()).isEmpty();
  }

  @Test
  void thePreviewReplicaSetScalesToPreviewReplicaCount() {
    Decision d =
        BlueGreenState.previewing(strategy().previewReplicaCount(1).build(), 0, 0).decide(NOW);

    assertThat(replicasOf(d, "2")).isEqualTo(1);
  }

  @Test
  void anAvailablePreviewPausesWithBlueGreenPauseWhenAutoPromotionIsDisabled() {
    Decision d = BlueGreenState.previewing(strategy().build(), 3, 3).decide(NOW);

    assertThat(d.status().pauseConditions())
        .containsExactly(new PauseCondition(PauseReason.BlueGreenPause, NOW));
    assertThat(d.status().controllerPause()).isTrue();
    assertThat(d.status().phase()).contains(Phase.Paused);
    assertThat(d.status().message()).contains("BlueGreenPause");
    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.requeueAfter()).isEmpty();
    assertThat(d.events())
        .contains(RolloutEvent.normal("RolloutPaused", "Rollout is paused (BlueGreenPause)"));
  }

  @Test
  void aPausedRolloutStaysPausedUntilPromoted() {
    Decision d =
        BlueGreenState.pausedForPromotion(strategy().build(), T0)
            .decide(T0.plus(Duration.ofDays(2)));

    assertThat(d.status().pauseConditions())
        .extracting(PauseCondition::reason)
        .containsExactly(PauseReason.BlueGreenPause);
    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.status().phase()).as("a pause never times out").contains(Phase.Paused);
    assertThat(d.status().condition(ConditionType.Progressing))
        .hasValueSatisfying(c -> assertThat(c.reason()).isNotEqualTo("ProgressDeadlineExceeded"));
  }

  @Test
  void aPromoteSwitchesTheActiveServiceAndMarksTheNewReplicaSetStable() {
    BlueGreenState promoted =
        BlueGreenState.pausedForPromotion(strategy().build(), T0)
            .status(s -> s.pauseConditions(List.of()));

    Decision d = promoted.decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("2"));
    assertThat(d.status().stableRS()).contains(hash("2"));
    assertThat(d.status().blueGreen())
        .isEqualTo(new BlueGreenStatus(Optional.of(hash("2")), Optional.of(hash("2")), false));
    assertThat(d.status().controllerPause()).isFalse();
    assertThat(d.status().phase()).contains(Phase.Healthy);
    assertThat(replicasOf(d, "1")).as("the old ReplicaSet keeps its pods for now").isEqualTo(3);
    assertThat(d.events())
        .contains(
            RolloutEvent.normal(
                "SwitchService", "Switched selector for service 'active' from 'hash1' to 'hash2'"),
            RolloutEvent.normal(
                "RolloutCompleted",
                "Rollout completed update to revision 2 (hash2): Completed blue-green update"));
  }

  @Test
  void autoPromotionSwitchesAtOnceOnceThePreviewIsAvailable() {
    Decision d =
        BlueGreenState.previewing(strategy().autoPromotionEnabled(true).build(), 3, 3).decide(NOW);

    assertThat(d.status().pauseConditions()).isEmpty();
    assertThat(selectorOf(d, ACTIVE)).contains(hash("2"));
    assertThat(d.status().stableRS()).contains(hash("2"));
  }

  @Test
  void activeServiceWaitsUntilEveryNewPodIsAvailable() {
    Decision d =
        BlueGreenState.previewing(strategy().autoPromotionEnabled(true).build(), 3, 2).decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.status().message()).contains("active service cutover pending");
  }

  @Test
  void autoPromotionSecondsPausesAndAsksToBeCalledBackWhenThePauseEnds() {
    Decision d =
        BlueGreenState.previewing(
                BlueGreenState.strategy()
                    .autoPromotionEnabled(true)
                    .autoPromotionSeconds(60)
                    .build(),
                3,
                3)
            .decide(NOW);

    assertThat(d.status().pauseConditions())
        .containsExactly(new PauseCondition(PauseReason.BlueGreenPause, NOW));
    assertThat(d.requeueAfter()).contains(Duration.ofSeconds(60));
  }

  @Test
  void autoPromotionSecondsPromotesOnceTheyHavePassedSinceThePauseBegan() {
    BlueGreenState state =
        BlueGreenState.pausedForPromotion(
            strategy().autoPromotionEnabled(true).autoPromotionSeconds(60).build(), T0);

    Decision early = state.decide(T0.plusSeconds(45));
    assertThat(early.status().pauseConditions()).hasSize(1);
    assertThat(early.requeueAfter()).contains(Duration.ofSeconds(15));

    Decision due = state.decide(T0.plusSeconds(60));
    assertThat(due.status().pauseConditions()).isEmpty();
    assertThat(selectorOf(due, ACTIVE)).contains(hash("2"));
    assertThat(due.status().stableRS()).contains(hash("2"));
  }

  @Test
  void aPromoteDuringTheAutoPromotionCountdownPromotesAtOnce() {
    BlueGreenState promoted =
        BlueGreenState.pausedForPromotion(
                strategy().autoPromotionEnabled(true).autoPromotionSeconds(600).build(), T0)
            .status(s -> s.pauseConditions(List.of()));

    Decision d = promoted.decide(T0.plusSeconds(5));

    assertThat(selectorOf(d, ACTIVE)).contains(hash("2"));
    assertThat(d.status().pauseConditions()).isEmpty();
  }

  @Test
  void autoPromotionSecondsAreIgnoredWhenAutoPromotionIsDisabled() {
    BlueGreenState state =
        BlueGreenState.pausedForPromotion(strategy().autoPromotionSeconds(60).build(), T0);

    Decision d = state.decide(T0.plusSeconds(600));

    assertThat(d.status().pauseConditions()).hasSize(1);
    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.requeueAfter()).isEmpty();
  }

  @Test
  void specPausedFreezesBothServices() {
    Decision d =
        BlueGreenState.healthy(strategy().autoPromotionEnabled(true).build())
            .template("2")
            .specPaused()
            .decide(NOW);

    assertThat(d.serviceSelectors()).isEmpty();
    assertThat(d.status().phase()).contains(Phase.Paused);
    assertThat(d.status().message()).contains("manually paused");
  }

  @Test
  void whileAnotherReplicaSetIsActiveTheStatusCountsAndSelectsItsPods() {
    Decision d =
        BlueGreenState.previewing(strategy().build(), 3, 1).replicaSet("1", 1, 3, 2).decide(NOW);

    assertThat(d.status().availableReplicas()).isEqualTo(2);
    assertThat(d.status().readyReplicas()).isEqualTo(2);
    assertThat(d.status().updatedReplicas()).isEqualTo(3);
    assertThat(d.status().selector()).contains("app=demo,rollouts-pod-template-hash=hash1");
    assertThat(d.status().condition(ConditionType.Available))
        .hasValueSatisfying(c -> assertThat(c.isTrue()).isFalse());
  }

  @Test
  void aNewTemplateResetsThePreviewCheckpointAndThePause() {
    BlueGreenState midPromotion =
        BlueGreenState.pausedForPromotion(strategy().previewReplicaCount(1).build(), T0)
            .status(
                s ->
                    s.blueGreen(
                        new BlueGreenStatus(Optional.of(hash("1")), Optional.of(hash("2")), true)))
            .template("3");

    Decision d = midPromotion.decide(NOW);

    assertThat(d.status().blueGreen().scaleUpPreviewCheckPoint()).isFalse();
    assertThat(d.status().pauseConditions()).isEmpty();
    assertThat(d.status().controllerPause()).isFalse();
    assertThat(selectorOf(d, PREVIEW)).contains(hash("3"));
    assertThat(d.replicaSets()).allSatisfy(u -> assertThat(u.replicas()).isEqualTo(3));
  }

  @Test
  void theSwitchEventIsRecordedOnlyWhenASelectorChanges() {
    Decision d = BlueGreenState.healthy(strategy().build()).decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.events()).extracting(RolloutEvent::reason).doesNotContain("SwitchService");
  }
}
