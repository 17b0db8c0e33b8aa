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

/** Abort returns every pod to the stable version; retry starts the update again from step 0. */
class AbortAndRetryIT {

  Fixture fixture;

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Backend.class)
  void anAbortedCanaryGoesBackToStableAndARetryWalksTheStepsAgain(Backend backend) {
    fixture = Fixture.on(backend);
    fixture.controller("controller");
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of("steps", List.of(setWeight(33), pause(), setWeight(66), pause()))));
    fixture.awaitHealthyOn("web", "app:1");
    fixture.setImage("web", "app:2");
    fixture.awaitStatus(
        "web",
        "is paused at step 1",
        s ->
            Integer.valueOf(1).equals(s.get("currentStepIndex"))
                && s.containsKey("pauseConditions"));

    fixture.abort("web");
    fixture.awaitStatus("web", "is aborted", s -> "Degraded".equals(s.get("phase")));
    fixture.awaitStatus(
        "web",
        "has scaled the canary away",
        s -> fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas() == 0);

    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isEqualTo(3);
    assertThat(fixture.status("web"))
        .containsEntry("abort", true)
        .containsEntry("currentStepIndex", 0);
    assertThat(fixture.events("web"))
        .anyMatch(e -> e.getReason().equals("RolloutAborted") && e.getType().equals("Warning"));

    fixture.retry("web");
    fixture.awaitStatus(
        "web",
        "is paused at step 1 again",
        s ->
            Integer.valueOf(1).equals(s.get("currentStepIndex"))
                && s.containsKey("pauseConditions"));
    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isEqualTo(1);

    fixture.promote("web");
    fixture.awaitStatus(
        "web",
        "is paused at step 3",
        s ->
            Integer.valueOf(3).equals(s.get("currentStepIndex"))
                && s.containsKey("pauseConditions"));
    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");
    assertThat(fixture.replicaSets("web")).hasSize(2);
  }
}
