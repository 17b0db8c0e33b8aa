package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.pause;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.sim.Backend;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed scenario, at its real pace: {@code replicas: 3}, {@code setWeight 33 → pause 10s → 66 →
 * pause 10s → 100}; after an image change the canary walks every step and completes.
 */
class CanaryCompletesIT {

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void aSeedShapedCanaryWalksEveryStepAndCompletesAfterAnImageChange(Backend backend) {
    fixture = Fixture.on(backend);
    fixture.controller("controller");
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "nginx:1.25",
            Map.of(
                "steps",
                List.of(
                    setWeight(33), pause("10s"), setWeight(66), pause("10s"), setWeight(100)))));
    fixture.awaitHealthyOn("web", "nginx:1.25");

    try (Watcher watcher = new Watcher(fixture.admin, NS, "web")) {
      watcher.arm();
      fixture.setImage("web", "nginx:1.26");
      fixture.awaitHealthyOn("web", "nginx:1.26");

      watcher.catchUp(fixture.admin, NS);
      assertThat(watcher.stepIndices())
          .as("fully promoted, reset by the new template, then each step once, in order")
          .containsExactly(5, 0, 1, 2, 3, 4, 5);
      assertThat(watcher.maxPods())
          .as("replicas + maxSurge (25% of 3, rounded up)")
          .isLessThanOrEqualTo(4);
      assertThat(watcher.minAvailable())
          .as("replicas - maxUnavailable (25% of 3, rounded down)")
          .isGreaterThanOrEqualTo(3);
    }
    assertThat(fixture.replicaSets("web")).hasSize(2);
    assertThat(fixture.replicaSetRunning("web", "nginx:1.26").getSpec().getReplicas()).isEqualTo(3);
    assertThat(fixture.replicaSetRunning("web", "nginx:1.25").getSpec().getReplicas()).isZero();
    assertThat(fixture.status("web"))
        .containsEntry("currentStepIndex", 5)
        .containsEntry("availableReplicas", 3);
    assertThat(fixture.events("web")).extracting(Event::getReason).contains("ScalingReplicaSet");
  }
}
