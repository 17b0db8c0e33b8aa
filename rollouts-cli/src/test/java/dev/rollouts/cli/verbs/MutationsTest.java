package dev.rollouts.cli.verbs;

import static dev.rollouts.cli.CliCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.crd.RolloutResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** abort, retry, pause, resume, restart and set image: what they print and what they write. */
class MutationsTest extends ClusterTest {

  static RolloutResource rollout(String name) {
    return cluster.create(
        Objects.canary(NAMESPACE, name, "nginx:1", Objects.steps()), Map.of("currentStepIndex", 1));
  }

  @Test
  void abortSetsStatusAbortAndRetryClearsIt() {
    rollout("aborting");

    CliCluster.Result abort = cluster.run("abort", "aborting");
    assertThat(abort.out()).isEqualTo("rollout 'aborting' aborted\n");
    assertThat(cluster.get(NAMESPACE, "aborting").getStatus())
        .containsEntry("abort", true)
        .containsEntry("currentStepIndex", 1);

    CliCluster.Result retry = cluster.run("retry", "rollout", "aborting");
    assertThat(retry.out()).isEqualTo("rollout 'aborting' retried\n");
    assertThat(cluster.get(NAMESPACE, "aborting").getStatus()).containsEntry("abort", false);
  }

  @Test
  void abortTakesSeveralRollouts() {
    rollout("first");
    rollout("second");

    CliCluster.Result result = cluster.run("abort", "first", "second");

    assertThat(result.out()).isEqualTo("rollout 'first' aborted\nrollout 'second' aborted\n");
    assertThat(cluster.get(NAMESPACE, "second").getStatus()).containsEntry("abort", true);
  }

  @Test
  void pauseSetsSpecPausedAndResumeClearsIt() {
    rollout("pausing");

    assertThat(cluster.run("pause", "pausing").out()).isEqualTo("rollout 'pausing' paused\n");
    assertThat(cluster.get(NAMESPACE, "pausing").getSpec()).containsEntry("paused", true);

    assertThat(cluster.run("resume", "pausing").out()).isEqualTo("rollout 'pausing' resumed\n");
    assertThat(cluster.get(NAMESPACE, "pausing").getSpec()).containsEntry("paused", false);
  }

  @Test
  void restartSetsSpecRestartAtToNowOrLater() {
    rollout("restarting");

    CliCluster.Result now = cluster.run("restart", "restarting");
    assertThat(now.out()).isEqualTo("rollout 'restarting' restarts in 0s\n");
    Instant at =
        Instant.parse((String) cluster.get(NAMESPACE, "restarting").getSpec().get("restartAt"));
    assertThat(at.getEpochSecond()).isCloseTo(Instant.now().getEpochSecond(), within(60L));

    CliCluster.Result later = cluster.run("restart", "restarting", "--in", "1h");
    assertThat(later.out()).isEqualTo("rollout 'restarting' restarts in 1h\n");
    Instant laterAt =
        Instant.parse((String) cluster.get(NAMESPACE, "restarting").getSpec().get("restartAt"));
    assertThat(Duration.between(at, laterAt).toMinutes()).isBetween(59L, 61L);
  }

  @Test
  void setImageChangesTheNamedContainersImageInTheTemplate() {
    rollout("imaging");

    CliCluster.Result result = cluster.run("set", "image", "imaging", "app=nginx:2");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("rollout \"imaging\" image updated\n");
    assertThat(containers(cluster.get(NAMESPACE, "imaging")))
        .containsExactly(Map.of("name", "app", "image", "nginx:2"));
    assertThat(cluster.get(NAMESPACE, "imaging").getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void setImageOfAContainerThatIsNotThereFailsAndChangesNothing() {
    rollout("missing-container");

    CliCluster.Result result = cluster.run("set", "image", "missing-container", "sidecar=envoy:1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error: unable to find container named \"sidecar\" in rollout \"missing-container\"\n");
    assertThat(containers(cluster.get(NAMESPACE, "missing-container")))
        .containsExactly(Map.of("name", "app", "image", "nginx:1"));
  }

  @Test
  void setImageWithoutContainerEqualsImageIsBadUsage() {
    CliCluster.Result result = cluster.run("set", "image", "whatever", "nginx:2");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: expected CONTAINER=IMAGE, got 'nginx:2'\nSee 'rollouts set image --help'.\n");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> containers(RolloutResource rollout) {
    Map<String, Object> template = (Map<String, Object>) rollout.getSpec().get("template");
    return (List<Map<String, Object>>)
        ((Map<String, Object>) template.get("spec")).get("containers");
  }
}
