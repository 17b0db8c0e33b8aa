package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.pause;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.sim.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The controller keeps no state of its own: one stopped in the middle of a rollout and a new one
 * started later resume from the Rollout's status, without repeating or skipping a step. The timed
 * pause is 100 s on the controllers' accelerated clock (10 s of real time), long enough to stop one
 * controller inside it.
 */
class RestartResumesIT {

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void aNewControllerResumesWhereTheStoppedOneLeftOff(Backend backend) {
    fixture = Fixture.on(backend);
    RolloutController first = fixture.controller("first");
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of(
                "steps",
                List.of(setWeight(33), pause("100s"), setWeight(66), pause(), setWeight(100)))));
    fixture.awaitHealthyOn("web", "app:1");

    try (Watcher watcher = new Watcher(fixture.admin, NS, "web")) {
      watcher.arm();
      fixture.setImage("web", "app:2");
      fixture.awaitStatus(
          "web",
          "is in its timed pause",
          s ->
              Integer.valueOf(1).equals(s.get("currentStepIndex"))
                  && s.containsKey("pauseConditions"));
      first.close();
      assertThat(first.isActive()).isFalse();

      fixture.controller("second");
      fixture.awaitStatus(
          "web",
          "is in its indefinite pause",
          s ->
              Integer.valueOf(3).equals(s.get("currentStepIndex"))
                  && s.containsKey("pauseConditions"));
      fixture.promote("web");
      fixture.awaitHealthyOn("web", "app:2");

      watcher.catchUp(fixture.admin, NS);
      assertThat(watcher.stepIndices()).containsExactly(5, 0, 1, 2, 3, 4, 5);
      assertThat(watcher.pauseStarts().get(1))
          .as("the timed pause was not started again")
          .hasSize(1);
      assertThat(watcher.replicaSetNames()).as("no second new ReplicaSet").hasSize(2);
      assertThat(watcher.maxPods()).isLessThanOrEqualTo(4);
      assertThat(watcher.minAvailable()).isGreaterThanOrEqualTo(3);
    }
    if (backend == Backend.IN_PROCESS) {
      assertThat(fixture.cluster.faults().count(r -> r.userAgent().equals("second") && r.isWrite()))
          .as("the second controller did the rest")
          .isPositive();
    }
  }
}
