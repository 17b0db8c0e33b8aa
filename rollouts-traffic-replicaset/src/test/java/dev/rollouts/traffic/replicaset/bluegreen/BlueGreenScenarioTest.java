package dev.rollouts.traffic.replicaset.bluegreen;

import static dev.rollouts.traffic.replicaset.bluegreen.BlueGreenCluster.ACTIVE;
import static dev.rollouts.traffic.replicaset.bluegreen.BlueGreenCluster.PREVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.Phase;
import org.junit.jupiter.api.Test;

class BlueGreenScenarioTest {

  @Test
  void theSeedManifestDeploysPausesForPromotionAndSwitches() {
    BlueGreenCluster bg = new BlueGreenCluster(3, BlueGreenCluster.seed().build()).deployed();
    assertThat(bg.status().phase()).contains(Phase.Healthy);
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    assertThat(bg.status().stableRS()).contains("hash1");

    bg.setImage("2");
    bg.run(5);
    assertThat(bg.status().phase()).contains(Phase.Paused);
    assertThat(bg.status().message()).contains("BlueGreenPause");
    assertThat(bg.selects(ACTIVE)).contains("hash1");
    assertThat(bg.selects(PREVIEW)).contains("hash2");
    assertThat(bg.replicas("2")).isEqualTo(3);

    bg.promote();
    bg.run(2);
    assertThat(bg.selects(ACTIVE)).contains("hash2");
    assertThat(bg.status().stableRS()).contains("hash2");
    assertThat(bg.status().phase()).contains(Phase.Healthy);
    assertThat(bg.replicas("1")).isEqualTo(3);
    assertThat(bg.rs("1").get().scaleDownDeadline()).isPresent();
    bg.advance(31);
    bg.run(2);
    assertThat(bg.replicas("1")).isZero();
    System.out.println(bg.status());
  }
}
