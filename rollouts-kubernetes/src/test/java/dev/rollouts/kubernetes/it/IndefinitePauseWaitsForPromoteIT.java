package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.pause;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.sim.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code pause: {}} holds the canary where it is until the user promotes it. */
class IndefinitePauseWaitsForPromoteIT {

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void anIndefinitePauseHoldsTheCanaryUntilPromoted(Backend backend) {
    fixture = Fixture.on(backend);
    fixture.controller("controller");
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of("steps", List.of(setWeight(33), pause(), setWeight(100)))));
    fixture.awaitHealthyOn("web", "app:1");

    fixture.setImage("web", "app:2");
    fixture.awaitStatus(
        "web",
        "is paused at step 1",
        s ->
            "Paused".equals(s.get("phase"))
                && Integer.valueOf(1).equals(s.get("currentStepIndex")));
    fixture.touchAndAwaitSync("controller", NS, "web");

    assertThat(fixture.status("web"))
        .containsEntry("phase", "Paused")
        .containsEntry("currentStepIndex", 1)
        .containsKey("pauseConditions");
    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isEqualTo(1);
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas())
        .as("basic canary: 33% of 3 pods, the stable keeps the rest")
        .isEqualTo(2);

    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");

    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isEqualTo(3);
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isZero();
  }
}
