package dev.rollouts.core.internal.bluegreen;

import static dev.rollouts.core.internal.bluegreen.BlueGreenState.ACTIVE;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.PREVIEW;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.T0;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.deadlineOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.hash;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.replicasOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.selectorOf;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.decision.AntiAffinityRule;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.PodMetadata;
import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * previewReplicaCount, full promotion, undo, anti-affinity, ephemeral metadata and analysis fields.
 */
class BlueGreenPromotionTest {

  private static final Instant NOW = T0.plusSeconds(100);
  private static final Map<String, Object> ANALYSIS =
      Map.of("templates", List.of(Map.of("templateName", "smoke")));

  private static BlueGreenState previewOfOne() {
    return BlueGreenState.pausedForPromotion(strategy().previewReplicaCount(1).build(), T0)
        .replicaSet("2", 2, 1, 1)
        .status(s -> s.replicas(4).updatedReplicas(1));
  }

  @Test
  void aPromoteWithPreviewReplicaCountFirstSetsTheCheckpoint() {
    Decision d = previewOfOne().status(s -> s.pauseConditions(List.of())).decide(NOW);

    assertThat(d.status().blueGreen().scaleUpPreviewCheckPoint()).isTrue();
    assertThat(replicasOf(d, "2")).isEqualTo(1);
    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
  }

  @Test
  void pastTheCheckpointTheNewReplicaSetScalesToFullBeforeTheSwitch() {
    BlueGreenState pastCheckpoint =
        previewOfOne()
            .status(
                s ->
                    s.pauseConditions(List.of())
                        .controllerPause(false)
                        .blueGreen(
                            new BlueGreenStatus(
                                Optional.of(hash("1")), Optional.of(hash("2")), true)));

    Decision scaling = pastCheckpoint.decide(NOW);
    assertThat(replicasOf(scaling, "2")).isEqualTo(3);
    assertThat(selectorOf(scaling, ACTIVE)).contains(hash("1"));

    Decision switching = pastCheckpoint.replicaSet("2", 2, 3, 3).decide(NOW);
    assertThat(selectorOf(switching, ACTIVE)).contains(hash("2"));
    assertThat(switching.status().stableRS()).contains(hash("2"));
    assertThat(switching.status().blueGreen().scaleUpPreviewCheckPoint()).isFalse();
  }

  @Test
  void aFullPromotionSkipsThePauseAndThePreviewReplicaCount() {
    BlueGreenState full =
        previewOfOne().status(s -> s.pauseConditions(List.of()).promoteFull(true));

    assertThat(replicasOf(full.decide(NOW), "2")).isEqualTo(3);
    Decision d = full.replicaSet("2", 2, 3, 3).decide(NOW);
    assertThat(selectorOf(d, ACTIVE)).contains(hash("2"));
    assertThat(d.status().stableRS()).contains(hash("2"));
    assertThat(d.status().promoteFull()).isFalse();
    assertThat(d.events())
        .contains(
            RolloutEvent.normal(
                "RolloutCompleted",
                "Rollout completed update to revision 2 (hash2): Full promotion requested"));
  }

  @Test
  void anUndoReusesTheOlderReplicaSetMovesItsRevisionToTheTopAndResetsTheStatus() {
    BlueGreenState undo =
        BlueGreenState.healthy(strategy().build())
            .template("2")
            .template("1")
            .replicaSet("1", 1, 3, 3, Optional.of(NOW.plusSeconds(20)))
            .replicaSet("2", 2, 3, 3)
            .select(ACTIVE, "2")
            .select(PREVIEW, "2")
            .status(
                s ->
                    s.currentPodHash(hash("2"))
                        .stableRS(hash("2"))
                        .blueGreen(
                            new BlueGreenStatus(
                                Optional.of(hash("2")), Optional.of(hash("2")), false)));

    Decision d = undo.decide(NOW);

    assertThat(d.createReplicaSet()).isEmpty();
    assertThat(d.replicaSet("demo-hash1"))
        .hasValueSatisfying(u -> assertThat(u.revision()).isEqualTo(3));
    assertThat(d.events())
        .contains(RolloutEvent.normal("RolloutUpdated", "Rollout updated to revision 3"));
    assertThat(selectorOf(d, PREVIEW)).contains(hash("1"));
    assertThat(selectorOf(d, ACTIVE)).isEmpty();
    assertThat(d.status().currentPodHash()).contains(hash("1"));
    assertThat(d.status().blueGreen().activeSelector()).contains(hash("2"));
  }

  @Test
  void anUndoWithinTheScaleDownDelayIsFastTrackedWithoutAPause() {
    BlueGreenState undone =
        BlueGreenState.healthy(strategy().build())
            .template("2")
            .template("1")
            .replicaSet("1", 3, 3, 3, Optional.of(NOW.plusSeconds(20)))
            .replicaSet("2", 2, 3, 3)
            .select(ACTIVE, "2")
            .select(PREVIEW, "1")
            .status(
                s ->
                    s.observedGeneration("3")
                        .currentPodHash(hash("1"))
                        .stableRS(hash("2"))
                        .blueGreen(
                            new BlueGreenStatus(
                                Optional.of(hash("2")), Optional.of(hash("1")), false)));

    Decision d = undone.decide(NOW);

    assertThat(d.status().pauseConditions()).isEmpty();
    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(deadlineOf(d, "1")).isEmpty();
    assertThat(d.status().stableRS()).contains(hash("1"));
  }

  @Test
  void theNewReplicaSetAvoidsTheStablePodsPreferablyWithTheWeight() {
    Decision d =
        BlueGreenState.healthy(strategy().antiAffinity(new AntiAffinity.Preferred(40)).build())
            .template("2")
            .decide(NOW);

    assertThat(d.createReplicaSet().flatMap(c -> c.antiAffinity()))
        .contains(new AntiAffinityRule(hash("1"), new AntiAffinity.Preferred(40)));
  }

  @Test
  void theNewReplicaSetAvoidsTheStablePodsAsARequirement() {
    Decision d =
        BlueGreenState.healthy(strategy().antiAffinity(new AntiAffinity.Required()).build())
            .template("2")
            .decide(NOW);

    assertThat(d.createReplicaSet().flatMap(c -> c.antiAffinity()))
        .contains(new AntiAffinityRule(hash("1"), new AntiAffinity.Required()));
  }

  @Test
  void aFirstDeployHasNothingToAvoid() {
    Decision d =
        BlueGreenState.fresh(strategy().antiAffinity(new AntiAffinity.Required()).build())
            .decide(NOW);

    assertThat(d.createReplicaSet().flatMap(c -> c.antiAffinity())).isEmpty();
  }

  @Test
  void previewPodsCarryPreviewMetadataAndActivePodsActiveMetadata() {
    PodMetadata preview = new PodMetadata(Map.of("role", "preview"), Map.of());
    PodMetadata active = new PodMetadata(Map.of("role", "active"), Map.of());
    BlueGreenStrategy strategy = strategy().previewMetadata(preview).activeMetadata(active).build();

    Decision d = BlueGreenState.previewing(strategy, 0, 0).decide(NOW);

    assertThat(d.replicaSet("demo-hash2").flatMap(u -> u.podMetadata())).contains(preview);
    assertThat(d.replicaSet("demo-hash1").flatMap(u -> u.podMetadata())).contains(active);
  }

  @Test
  void onceFullyPromotedTheNewPodsCarryActiveMetadataAndOldOnesNone() {
    PodMetadata active = new PodMetadata(Map.of("role", "active"), Map.of());
    BlueGreenStrategy strategy = strategy().activeMetadata(active).build();
    BlueGreenState promoted =
        BlueGreenState.healthy(strategy)
            .template("2")
            .replicaSet("2", 2, 3, 3)
            .select(ACTIVE, "2")
            .select(PREVIEW, "2")
            .status(
                s ->
                    s.currentPodHash(hash("2"))
                        .stableRS(hash("2"))
                        .blueGreen(
                            new BlueGreenStatus(
                                Optional.of(hash("2")), Optional.of(hash("2")), false)));

    Decision d = promoted.decide(NOW);

    assertThat(d.replicaSet("demo-hash2").flatMap(u -> u.podMetadata())).contains(active);
    assertThat(d.replicaSet("demo-hash1").flatMap(u -> u.podMetadata()))
        .contains(new PodMetadata(Map.of(), Map.of()));
  }

  @Test
  void withoutEphemeralMetadataTheDecisionLeavesPodMetadataAlone() {
    Decision d = BlueGreenState.previewing(strategy().build(), 0, 0).decide(NOW);

    assertThat(d.replicaSets()).allSatisfy(u -> assertThat(u.podMetadata()).isEmpty());
  }

  @Test
  void aPrePromotionAnalysisHoldsTheSwitchAndSaysWhy() {
    BlueGreenStrategy strategy = strategy().prePromotionAnalysis(ANALYSIS).build();

    Decision d = BlueGreenState.previewing(strategy, 3, 3).decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("1"));
    assertThat(d.status().pauseConditions()).isEmpty();
    assertThat(d.status().condition(ConditionType.Progressing))
        .hasValueSatisfying(
            c -> {
              assertThat(c.reason()).isEqualTo("AnalysisNotSupported");
              assertThat(c.message())
                  .contains("spec.strategy.blueGreen.prePromotionAnalysis", "promote --full");
            });
    assertThat(d.status().message()).contains("active service cutover pending");
  }

  @Test
  void aPrePromotionAnalysisDoesNotHoldAFirstDeploy() {
    BlueGreenStrategy strategy = strategy().prePromotionAnalysis(ANALYSIS).build();
    BlueGreenState first =
        BlueGreenState.fresh(strategy)
            .replicaSet("1", 1, 3, 3)
            .status(s -> s.observedGeneration("1").currentPodHash(hash("1")).stableRS(hash("1")));

    assertThat(selectorOf(first.decide(NOW), ACTIVE)).contains(hash("1"));
  }

  @Test
  void aFullPromotionSkipsThePrePromotionAnalysis() {
    BlueGreenStrategy strategy = strategy().prePromotionAnalysis(ANALYSIS).build();

    Decision d =
        BlueGreenState.previewing(strategy, 3, 3).status(s -> s.promoteFull(true)).decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("2"));
    assertThat(d.status().stableRS()).contains(hash("2"));
  }

  @Test
  void aPostPromotionAnalysisKeepsTheOldStableAfterTheSwitch() {
    BlueGreenStrategy strategy =
        strategy().autoPromotionEnabled(true).postPromotionAnalysis(ANALYSIS).build();

    Decision d = BlueGreenState.previewing(strategy, 3, 3).decide(NOW);

    assertThat(selectorOf(d, ACTIVE)).contains(hash("2"));
    assertThat(d.status().stableRS()).contains(hash("1"));
    assertThat(d.status().phase()).contains(Phase.Progressing);
    assertThat(d.status().message()).contains("waiting for analysis to complete");
    assertThat(d.status().condition(ConditionType.Progressing))
        .hasValueSatisfying(
            c -> {
              assertThat(c.reason()).isEqualTo("AnalysisNotSupported");
              assertThat(c.message()).contains("spec.strategy.blueGreen.postPromotionAnalysis");
            });
  }
}
