package dev.rollouts.cli.verbs;

import static dev.rollouts.cli.CliCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** get rollout and list rollouts against the API server. */
class GetAndListTest extends ClusterTest {

  @BeforeAll
  static void twoRollouts() {
    RolloutResource web =
        cluster.create(
            Objects.canary(NAMESPACE, "web", "nginx:2", Objects.steps()),
            Map.of(
                "observedGeneration",
                "1",
                "phase",
                "Paused",
                "message",
                "CanaryPauseStep",
                "currentStepIndex",
                1,
                "stableRS",
                "s1",
                "currentPodHash",
                "c2",
                "replicas",
                6,
                "updatedReplicas",
                1,
                "readyReplicas",
                6,
                "availableReplicas",
                6));
    ReplicaSet stable = cluster.create(Objects.replicaSet(web, "s1", 1, "nginx:1", 5, 5));
    ReplicaSet canary = cluster.create(Objects.replicaSet(web, "c2", 2, "nginx:2", 1, 1));
    cluster.create(Objects.pod(stable, "aaaaa", true, "2026-01-01T00:00:00Z"));
    cluster.create(Objects.pod(canary, "bbbbb", false, "2026-01-01T00:00:00Z"));
    cluster.server().createNamespace("other");
    cluster.create(
        Objects.blueGreen("other", "api", "nginx:1"),
        Map.of("phase", "Healthy", "replicas", 3, "availableReplicas", 3));
  }

  @Test
  void getRolloutPrintsTheSummaryAndTheTreeOfReplicaSetsAndPods() {
    CliCluster.Result result = cluster.run("get", "rollout", "web");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "Name:            web\n"
                + "Namespace:       shop\n"
                + "Status:          ॥ Paused\n"
                + "Message:         CanaryPauseStep\n")
        .contains("  Step:          1/4\n  SetWeight:     20\n  ActualWeight:  16\n")
        .contains("Images:          nginx:1 (stable)\n                 nginx:2 (canary)\n")
        .containsPattern(
            "├──# revision:2\n"
                + "│  └──⧉ web-c2 +ReplicaSet  ✔ Healthy .* canary\n"
                + "│     └──□ web-c2-bbbbb +Pod  +◌ ContainerCreating .* ready:0/1\n")
        .containsPattern(
            "└──# revision:1\n"
                + "   └──⧉ web-s1 +ReplicaSet  ✔ Healthy .* stable\n"
                + "      └──□ web-s1-aaaaa +Pod +✔ Running .* ready:1/1\n");
  }

  @Test
  void getRolloutAsJsonPrintsOneObject() throws Exception {
    CliCluster.Result result = cluster.run("get", "rollout", "web", "-o", "json");

    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("status").asText()).isEqualTo("Paused");
    assertThat(json.get("revisions").size()).isEqualTo(2);
  }

  @Test
  void getRolloutWatchPrintsTheRolloutUntilTheTimeout() {
    CliCluster.Result result =
        cluster.run("get", "rollout", "web", "--watch", "--timeout-seconds", "1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Name:            web\n").contains("⟳ web");
  }

  @Test
  void listRolloutsPrintsOneLinePerRolloutOfTheNamespace() {
    CliCluster.Result result = cluster.run("list", "rollouts");

    assertThat(result.out())
        .isEqualTo(
            """
            NAME  STRATEGY  STATUS  STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE
            web   Canary    Paused  1/4   20          6/6    5        1           6
            """);
  }

  @Test
  void listRolloutsOfAllNamespacesAddsTheNamespace() {
    CliCluster.Result result = cluster.run("list", "rollouts", "-A");

    assertThat(result.out())
        .isEqualTo(
            """
NAMESPACE  NAME  STRATEGY   STATUS   STEP  SET-WEIGHT  READY  DESIRED  UP-TO-DATE  AVAILABLE
other      api   BlueGreen  Healthy  -     -           0/3    3        0           3
shop       web   Canary     Paused   1/4   20          6/6    5        1           6
""");
  }

  @Test
  void listRolloutsOfAnEmptyNamespaceSaysSoOnStandardError() {
    CliCluster.Result result = cluster.run("list", "rollouts", "-n", "empty");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("No resources found in namespace \"empty\".\n");
  }
}
