package dev.rollouts.cli.verbs;

import static dev.rollouts.cli.CliCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.crd.RolloutResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromoteCommandTest extends ClusterTest {

  static Map<String, Object> pausedAt(int step) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("currentStepIndex", step);
    status.put("controllerPause", true);
    status.put(
        "pauseConditions",
        List.of(Map.of("reason", "CanaryPauseStep", "startTime", "2026-01-01T00:00:00Z")));
    status.put("stableRS", "aaa");
    status.put("currentPodHash", "bbb");
    return status;
  }

  @Test
  void promoteOfAPausedCanaryClearsItsPauseConditionsAndLeavesTheStep() {
    cluster.create(Objects.canary(NAMESPACE, "paused", "nginx:2", Objects.steps()), pausedAt(1));

    CliCluster.Result result = cluster.run("promote", "paused");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("rollout 'paused' promoted\n");
    RolloutResource after = cluster.get(NAMESPACE, "paused");
    assertThat(after.getStatus())
        .doesNotContainKey("pauseConditions")
        .containsEntry("currentStepIndex", 1)
        .containsEntry("controllerPause", true);
  }

  @Test
  void promoteOfACanaryThatIsNotPausedMovesItToTheNextStep() {
    cluster.create(
        Objects.canary(NAMESPACE, "stepping", "nginx:2", Objects.steps()),
        Map.of("currentStepIndex", 2));

    assertThat(cluster.run("promote", "stepping").exitCode()).isZero();

    assertThat(cluster.get(NAMESPACE, "stepping").getStatus()).containsEntry("currentStepIndex", 3);
  }

  @Test
  void promoteNeverMovesPastTheLastStep() {
    cluster.create(
        Objects.canary(NAMESPACE, "finished", "nginx:2", Objects.steps()),
        Map.of("currentStepIndex", 4));

    assertThat(cluster.run("promote", "finished").exitCode()).isZero();

    assertThat(cluster.get(NAMESPACE, "finished").getStatus()).containsEntry("currentStepIndex", 4);
  }

  @Test
  void promoteOfAManuallyPausedRolloutUnpausesItsSpec() {
    RolloutResource rollout = Objects.canary(NAMESPACE, "manual", "nginx:2", Objects.steps());
    Map<String, Object> spec = new LinkedHashMap<>(rollout.getSpec());
    spec.put("paused", true);
    rollout.setSpec(spec);
    cluster.create(rollout, pausedAt(3));

    assertThat(cluster.run("promote", "manual").exitCode()).isZero();

    RolloutResource after = cluster.get(NAMESPACE, "manual");
    assertThat(after.getSpec()).containsEntry("paused", false);
    assertThat(after.getStatus()).doesNotContainKey("pauseConditions");
  }

  @Test
  void promoteFullAsksForAFullPromotionAndNothingElse() {
    cluster.create(Objects.canary(NAMESPACE, "full", "nginx:2", Objects.steps()), pausedAt(1));

    CliCluster.Result result = cluster.run("promote", "full", "--full");

    assertThat(result.out()).isEqualTo("rollout 'full' fully promoted\n");
    assertThat(cluster.get(NAMESPACE, "full").getStatus())
        .containsEntry("promoteFull", true)
        .containsKey("pauseConditions");
  }

  @Test
  void promoteFullOfAFullyPromotedRolloutWritesNothing() {
    RolloutResource created =
        cluster.create(
            Objects.canary(NAMESPACE, "done", "nginx:2", Objects.steps()),
            Map.of("stableRS", "aaa", "currentPodHash", "aaa"));

    assertThat(cluster.run("promote", "done", "--full").exitCode()).isZero();

    RolloutResource after = cluster.get(NAMESPACE, "done");
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());
    assertThat(after.getStatus()).doesNotContainKey("promoteFull");
  }
}
