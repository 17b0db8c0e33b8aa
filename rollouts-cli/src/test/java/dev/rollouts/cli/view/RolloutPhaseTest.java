package dev.rollouts.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutPhaseTest {

  static final Map<String, Object> CANARY =
      Map.of("replicas", 3, "strategy", Map.of("canary", Map.of()));

  @Test
  void theControllersPhaseAndMessageAreTakenAsWritten() {
    assertThat(
            RolloutPhase.of(
                2L,
                CANARY,
                Map.of("observedGeneration", "2", "phase", "Paused", "message", "CanaryPauseStep")))
        .isEqualTo(new RolloutPhase("Paused", "CanaryPauseStep"));
  }

  @Test
  void aSpecChangeTheControllerHasNotSeenIsProgressing() {
    assertThat(RolloutPhase.of(3L, CANARY, Map.of("observedGeneration", "2", "phase", "Healthy")))
        .isEqualTo(
            new RolloutPhase("Progressing", "waiting for rollout spec update to be observed"));
  }

  @Test
  void aPromoteTheControllerHasNotSeenIsProgressing() {
    assertThat(
            RolloutPhase.of(
                2L,
                CANARY,
                Map.of("observedGeneration", "2", "controllerPause", true, "phase", "Paused")))
        .isEqualTo(new RolloutPhase("Progressing", "waiting for rollout to unpause"));
  }

  @Test
  void withoutAPhaseItIsComputedFromSpecAndStatusAsArgoDoes() {
    assertThat(RolloutPhase.of(1L, CANARY, Map.of()).toString())
        .isEqualTo("Progressing - more replicas need to be updated");
    assertThat(
            RolloutPhase.of(1L, CANARY, Map.of("updatedReplicas", 3, "availableReplicas", 2))
                .message())
        .isEqualTo("updated replicas are still becoming available");
    assertThat(
            RolloutPhase.of(
                    1L, CANARY, Map.of("updatedReplicas", 3, "availableReplicas", 3, "replicas", 5))
                .message())
        .isEqualTo("old replicas are pending termination");
    assertThat(
            RolloutPhase.of(
                1L,
                CANARY,
                Map.of(
                    "updatedReplicas",
                    3,
                    "availableReplicas",
                    3,
                    "replicas",
                    3,
                    "stableRS",
                    "a",
                    "currentPodHash",
                    "a")))
        .isEqualTo(new RolloutPhase("Healthy", ""));
    assertThat(
            RolloutPhase.of(
                1L,
                CANARY,
                Map.of("pauseConditions", List.of(Map.of("reason", "CanaryPauseStep")))))
        .isEqualTo(new RolloutPhase("Paused", "CanaryPauseStep"));
    assertThat(
            RolloutPhase.of(
                1L,
                CANARY,
                Map.of(
                    "conditions",
                    List.of(
                        Map.of(
                            "type",
                            "Progressing",
                            "reason",
                            "RolloutAborted",
                            "message",
                            "aborted")))))
        .isEqualTo(new RolloutPhase("Degraded", "RolloutAborted: aborted"));
  }

  @Test
  void onlyHealthyAndDegradedAreFinal() {
    assertThat(new RolloutPhase("Healthy", "").isFinal()).isTrue();
    assertThat(new RolloutPhase("Degraded", "x").isFinal()).isTrue();
    assertThat(new RolloutPhase("Paused", "x").isFinal()).isFalse();
    assertThat(new RolloutPhase("Progressing", "x").isFinal()).isFalse();
  }
}
