package dev.rollouts.traffic.replicaset.bluegreen;

import static dev.rollouts.traffic.replicaset.bluegreen.BlueGreenCluster.ACTIVE;
import static dev.rollouts.traffic.replicaset.bluegreen.BlueGreenCluster.PREVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whole blue-green updates against the simulated cluster, one scenario each. */
class BlueGreenScenarioTest {

  @Test
  void theSeedManifestDeploysPausesForPromotionSwitchesAndScalesTheOldVersionDown() {
    BlueGreenCluster bg = new BlueGreenCluster(3, BlueGreenCluster.seed().build()).deployed();
    assertThat(bg.status().phase()).contains(Phase.Healthy);
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    assertThat(bg.status().stableRS()).contains("hash1");

    bg.setImage("2");
    bg.run(5);
    assertThat(bg.status().phase()).contains(Phase.Paused);
    assertThat(bg.status().message()).contains("BlueGreenPause");
    assertThat(bg.status().pauseConditions())
        .extracting(p -> p.reason())
        .containsExactly(PauseReason.BlueGreenPause);
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    assertThat(bg.selects(PREVIEW)).contains("hash2");
    assertThat(bg.status().blueGreen().previewSelector()).contains("hash2");
    assertThat(bg.status().blueGreen().activeSelector()).contains("hash1");
    assertThat(bg.replicas("2")).isEqualTo(3);

    bg.promote();
    bg.run(2);
    assertThat(bg.selects(ACTIVE)).contains("hash2");
    assertThat(bg.status().stableRS()).contains("hash2");
    assertThat(bg.status().phase()).contains(Phase.Healthy);
    assertThat(bg.replicas("1")).isEqualTo(3);
    assertThat(bg.rs("1").get().scaleDownDeadline()).contains(bg.cluster.now().plusSeconds(30));
    assertThat(bg.last().requeueAfter()).isPresent();

    bg.advance(30);
    bg.run(2);
    assertThat(bg.replicas("1")).isZero();
    assertThat(bg.sync().requeueAfter()).isEmpty();
  }

  @Test
  void autoPromotionSwitchesAsSoonAsThePreviewIsAvailable() {
    BlueGreenCluster bg =
        new BlueGreenCluster(2, BlueGreenCluster.seed().autoPromotionEnabled(true).build())
            .deployed();

    bg.setImage("2");
    bg.run(4);

    assertThat(bg.decisions)
        .noneMatch(d -> d.status().phase().equals(java.util.Optional.of(Phase.Paused)));
    assertThat(bg.selects(ACTIVE)).contains("hash2");
    assertThat(bg.status().stableRS()).contains("hash2");
  }

  @Test
  void autoPromotionSecondsPromoteWhenTheEngineIsCalledBack() {
    BlueGreenCluster bg =
        new BlueGreenCluster(
                2,
                BlueGreenCluster.seed().autoPromotionEnabled(true).autoPromotionSeconds(45).build())
            .deployed();
    bg.setImage("2");
    bg.run(4);
    assertThat(bg.status().phase()).contains(Phase.Paused);
    Duration wait = bg.sync().requeueAfter().orElseThrow();
    assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(45));

    bg.cluster.advance(wait);
    bg.run(1);

    assertThat(bg.selects(ACTIVE)).contains("hash2");
    assertThat(bg.status().stableRS()).contains("hash2");
  }

  @Test
  void previewReplicaCountRunsAReducedPreviewThenScalesUpBeforeTheSwitch() {
    BlueGreenCluster bg =
        new BlueGreenCluster(4, BlueGreenCluster.seed().previewReplicaCount(1).build()).deployed();
    bg.setImage("2");
    bg.run(4);
    assertThat(bg.replicas("2")).isEqualTo(1);
    assertThat(bg.status().phase()).contains(Phase.Paused);

    bg.promote();
    bg.run(1);
    assertThat(bg.status().blueGreen().scaleUpPreviewCheckPoint()).isTrue();
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    bg.run(1);
    assertThat(bg.replicas("2")).isEqualTo(4);
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    bg.run(2);
    assertThat(bg.selects(ACTIVE)).contains("hash2");
    assertThat(bg.status().phase()).contains(Phase.Healthy);
    assertThat(bg.status().blueGreen().scaleUpPreviewCheckPoint()).isFalse();
  }

  @Test
  void anAbortKeepsStableServingScalesThePreviewDownAfterTheDelayAndARetryResumes() {
    BlueGreenCluster bg = new BlueGreenCluster(3, BlueGreenCluster.seed().build()).deployed();
    bg.setImage("2");
    bg.run(5);

    bg.abort();
    bg.run(2);
    assertThat(bg.status().phase()).contains(Phase.Degraded);
    assertThat(bg.status().message())
        .contains("RolloutAborted: Rollout aborted update to revision 2");
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    assertThat(bg.replicas("2")).isEqualTo(3);
    bg.advance(30);
    bg.run(2);
    assertThat(bg.replicas("2")).isZero();
    assertThat(bg.replicas("1")).isEqualTo(3);

    bg.retry();
    bg.run(4);
    assertThat(bg.status().condition(ConditionType.Progressing)).isPresent();
    assertThat(bg.replicas("2")).isEqualTo(3);
    assertThat(bg.status().phase()).contains(Phase.Paused);
    bg.promote();
    bg.run(2);
    assertThat(bg.status().stableRS()).contains("hash2");
    assertThat(bg.status().phase()).contains(Phase.Healthy);
  }

  @Test
  void anUndoWithinTheScaleDownDelayGoesBackToTheWarmReplicaSetWithoutAPause() {
    BlueGreenCluster bg =
        new BlueGreenCluster(3, BlueGreenCluster.seed().scaleDownDelaySeconds(600).build())
            .deployed();
    bg.setImage("2");
    bg.run(5);
    bg.promote();
    bg.run(3);
    assertThat(bg.status().stableRS()).contains("hash2");
    assertThat(bg.rs("1").get().scaleDownDeadline()).isPresent();
    int before = bg.cluster.replicaSets().size();

    bg.setImage("1");
    bg.run(3);

    assertThat(bg.cluster.replicaSets()).hasSize(before);
    assertThat(bg.rs("1").get().revision()).isEqualTo(3);
    assertThat(bg.rs("1").get().scaleDownDeadline()).isEmpty();
    assertThat(bg.decisions)
        .noneMatch(
            d ->
                !d.status().pauseConditions().isEmpty()
                    && d.status().currentPodHash().equals(java.util.Optional.of("hash1")));
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    assertThat(bg.status().stableRS()).contains("hash1");
    assertThat(bg.rs("2").get().scaleDownDeadline()).isPresent();
  }

  @Test
  void anUndoAfterTheDelayScalesTheOlderReplicaSetUpAndPausesAgain() {
    BlueGreenCluster bg = new BlueGreenCluster(2, BlueGreenCluster.seed().build()).deployed();
    bg.setImage("2");
    bg.run(5);
    bg.promote();
    bg.run(2);
    bg.advance(31);
    bg.run(2);
    assertThat(bg.replicas("1")).isZero();

    bg.setImage("1");
    bg.run(4);

    assertThat(bg.replicas("1")).isEqualTo(2);
    assertThat(bg.status().phase()).contains(Phase.Paused);
    assertThat(bg.selects(PREVIEW)).contains("hash1");
    assertThat(bg.selects(ACTIVE)).contains("hash2");
  }

  @Test
  void aFullPromotionSkipsThePause() {
    BlueGreenCluster bg = new BlueGreenCluster(3, BlueGreenCluster.seed().build()).deployed();
    bg.setImage("2");
    bg.run(1);
    bg.promoteFull();
    bg.run(3);

    assertThat(bg.decisions.subList(5, bg.decisions.size()))
        .allMatch(d -> d.status().pauseConditions().isEmpty());
    assertThat(bg.selects(ACTIVE)).contains("hash2");
    assertThat(bg.status().stableRS()).contains("hash2");
    assertThat(bg.status().promoteFull()).isFalse();
  }
}
