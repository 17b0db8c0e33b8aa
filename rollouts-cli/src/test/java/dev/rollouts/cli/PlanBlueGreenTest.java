package dev.rollouts.cli;

import static dev.rollouts.cli.Cli.example;
import static dev.rollouts.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rollouts plan} with the real engine on the blue-green example. */
class PlanBlueGreenTest {

  @Test
  void aBlueGreenRolloutWaitsForItsAutoPromotion() {
    Cli.Result result =
        run(
            "plan",
            "-f",
            example("bluegreen-state.yaml").toString(),
            "--now",
            "2026-01-01T00:00:10Z");

    assertThat(result.exitCode()).isZero();
    Map<String, Object> plan = result.plan();
    assertThat(plan.get("replicaSets")).isEqualTo(Map.of("api-7f8c9d6b54", 3, "api-84d9f6c7b8", 3));
    assertThat(plan.get("status").toString())
        .contains("activeSelector=7f8c9d6b54")
        .contains("phase=Paused");
  }

  @Test
  void aBlueGreenRolloutPastItsAutoPromotionSwitchesTheActiveService() {
    Map<String, Object> plan =
        run(
                "plan",
                "-f",
                example("bluegreen-state.yaml").toString(),
                "--now",
                "2026-01-01T00:01:00Z")
            .plan();

    assertThat(plan.get("services"))
        .isEqualTo(
            Map.of(
                "api-active",
                Map.of(
                    "selector", Map.of("app", "api", "rollouts-pod-template-hash", "84d9f6c7b8")),
                "api-preview",
                Map.of(
                    "selector", Map.of("app", "api", "rollouts-pod-template-hash", "84d9f6c7b8"))));
    assertThat(plan.get("status").toString()).contains("activeSelector=84d9f6c7b8");
  }
}
