package dev.rollouts.cli;

import static dev.rollouts.cli.Cli.example;
import static dev.rollouts.cli.Cli.file;
import static dev.rollouts.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollouts plan} with the real engine and the plug-ins on the class path, on the examples.
 */
class PlanWithEngineTest {

  @TempDir Path dir;

  @Test
  void aCanaryInATimedPauseWaitsAndSaysWhenToLookAgain() {
    Cli.Result result =
        run("plan", "-f", example("canary-state.yaml").toString(), "--now", "2026-01-01T00:00:10Z");

    assertThat(result.exitCode()).isZero();
    Map<String, Object> plan = result.plan();
    assertThat(plan.get("replicaSets")).isEqualTo(Map.of("web-687d76d795", 4, "web-5b7c6f8d49", 1));
    assertThat(status(plan)).containsEntry("currentStepIndex", 1).containsEntry("phase", "Paused");
    assertThat(((Number) plan.get("requeueAfterSeconds")).doubleValue()).isBetween(19.0, 21.0);
  }

  @Test
  void aCanaryWhosePauseEndedMovesToTheNextStep() {
    Map<String, Object> plan =
        run("plan", "-f", example("canary-state.yaml").toString(), "--now", "2026-01-01T00:01:00Z")
            .plan();

    assertThat(status(plan))
        .containsEntry("currentStepIndex", 2)
        .doesNotContainKey("pauseConditions");
  }

  @Test
  void anNginxCanaryGetsItsCanaryIngressAndServiceSelectors() {
    Map<String, Object> plan =
        run("plan", "-f", example("nginx-state.yaml").toString(), "--now", "2026-01-01T00:01:00Z")
            .plan();

    assertThat(plan.get("services"))
        .isEqualTo(
            Map.of(
                "store-stable",
                    Map.of(
                        "selector",
                        Map.of("app", "store", "rollouts-pod-template-hash", "6c9f8d7b45")),
                "store-canary",
                    Map.of(
                        "selector",
                        Map.of("app", "store", "rollouts-pod-template-hash", "7d4f9b6c85"))));
    assertThat((List<?>) plan.get("ingresses"))
        .anySatisfy(
            ingress ->
                assertThat(ingress.toString())
                    .contains("name=store-store-canary")
                    .contains("nginx.ingress.kubernetes.io/canary-weight=20"));
    assertThat(status(plan).get("canary").toString()).contains("weight=20");
    assertThat(status(plan)).containsEntry("currentPodHash", "7d4f9b6c85");
  }

  @Test
  void anInvalidRolloutIsPlannedWithItsInvalidSpecStatusAndUnchangedCounts() throws Exception {
    Path invalid =
        file(
            dir,
            "invalid.yaml",
            Files.readString(example("canary-state.yaml"))
                .replace("- setWeight: 50", "- setWeight: 150"));

    Cli.Result result = run("plan", "-f", invalid.toString(), "--now", "2026-01-01T00:01:00Z");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    Map<String, Object> plan = result.plan();
    assertThat(plan.get("replicaSets")).isEqualTo(Map.of("web-687d76d795", 4, "web-5b7c6f8d49", 1));
    assertThat(status(plan)).containsEntry("phase", "Degraded");
    assertThat(status(plan).get("message").toString())
        .startsWith("InvalidSpec: ")
        .contains("setWeight");
    assertThat((List<?>) status(plan).get("conditions"))
        .anySatisfy(c -> assertThat(c.toString()).contains("type=InvalidSpec"));
  }

  @Test
  void planningTwiceGivesTheSameLines() {
    String[] args = {
      "plan",
      "-f",
      example("canary-state.yaml").toString(),
      "-f",
      example("nginx-state.yaml").toString(),
      "--now",
      "2026-01-01T00:01:00Z"
    };

    Cli.Result first = run(args);

    assertThat(first.plans()).hasSize(2);
    assertThat(run(args).out()).isEqualTo(first.out());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(Map<String, Object> plan) {
    return (Map<String, Object>) plan.get("status");
  }
}
