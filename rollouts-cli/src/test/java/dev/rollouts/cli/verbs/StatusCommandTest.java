package dev.rollouts.cli.verbs;

import static dev.rollouts.cli.CliCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.crd.RolloutResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** status: what CI pipelines wait on; the exit code is the verdict. */
class StatusCommandTest extends ClusterTest {

  static final Map<String, Object> PROGRESSING =
      Map.of(
          "observedGeneration",
          "1",
          "phase",
          "Progressing",
          "message",
          "more replicas need to be updated");

  static void rollout(String name, Map<String, Object> status) {
    cluster.create(Objects.canary(NAMESPACE, name, "nginx:1", Objects.steps()), status);
  }

  @Test
  void aHealthyRolloutPrintsHealthyAndExitsZero() {
    rollout("healthy", Map.of("observedGeneration", "1", "phase", "Healthy"));

    CliCluster.Result result = cluster.run("status", "healthy");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Healthy\n");
  }

  @Test
  void aDegradedRolloutExitsOneAndSaysWhy() {
    rollout(
        "degraded",
        Map.of(
            "observedGeneration",
            "1",
            "phase",
            "Degraded",
            "message",
            "RolloutAborted: Rollout aborted update to revision 2"));

    CliCluster.Result result = cluster.run("status", "degraded");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo("Degraded - RolloutAborted: Rollout aborted update to revision 2\n");
    assertThat(result.err())
        .isEqualTo(
            "error: rollout \"degraded\" is Degraded: RolloutAborted: Rollout aborted update to"
                + " revision 2\n");
  }

  @Test
  void withoutWatchAProgressingRolloutIsPrintedOnce() {
    rollout("once", PROGRESSING);

    CliCluster.Result result = cluster.run("status", "once", "--watch=false");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Progressing - more replicas need to be updated\n");
  }

  @Test
  void aRolloutThatStaysProgressingFailsAtTheTimeout() {
    rollout("slow", PROGRESSING);

    CliCluster.Result result = cluster.run("status", "slow", "--timeout", "1s");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: rollout \"slow\" is not Healthy after 1s: Progressing - more replicas need to"
                + " be updated\n");
  }

  @Test
  void statusWaitsUntilTheRolloutIsHealthyPrintingEachChange() throws Exception {
    rollout("becoming", PROGRESSING);
    CliCluster.Running status = cluster.start("status", "becoming", "--timeout", "2m");
    status.awaitOutput("Progressing");
    update(
        "becoming",
        Map.of("observedGeneration", "1", "phase", "Paused", "message", "CanaryPauseStep"));
    status.awaitOutput("Paused");
    update("becoming", Map.of("observedGeneration", "1", "phase", "Healthy"));

    CliCluster.Result result = status.join();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Progressing - more replicas need to be updated\nPaused - CanaryPauseStep\nHealthy\n");
  }

  static void update(String name, Map<String, Object> status) {
    var rollouts = cluster.client().resources(RolloutResource.class).inNamespace(NAMESPACE);
    RolloutResource current = rollouts.withName(name).get();
    current.setStatus(status);
    rollouts.resource(current).updateStatus();
  }
}
