package dev.rollouts.cli.verbs;

import static dev.rollouts.cli.CliCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.crd.RolloutResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UndoCommandTest extends ClusterTest {

  /**
   * A Rollout on nginx:3 with ReplicaSets of revisions 1 (nginx:1), 2 (nginx:2) and 3 (nginx:3).
   */
  static void threeRevisions(String name) {
    RolloutResource rollout =
        cluster.create(Objects.canary(NAMESPACE, name, "nginx:3", Objects.steps()), Map.of());
    cluster.create(Objects.replicaSet(rollout, "h1", 1, "nginx:1", 0, 0));
    cluster.create(Objects.replicaSet(rollout, "h2", 2, "nginx:2", 0, 0));
    cluster.create(Objects.replicaSet(rollout, "h3", 3, "nginx:3", 5, 5));
  }

  @Test
  void undoCopiesThePreviousRevisionsTemplateBackWithoutItsHashLabel() {
    threeRevisions("undo-previous");

    CliCluster.Result result = cluster.run("undo", "undo-previous");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("rollout 'undo-previous' undo (to revision 2)\n");
    RolloutResource after = cluster.get(NAMESPACE, "undo-previous");
    assertThat(MutationsTest.containers(after))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("image", "nginx:2"));
    assertThat(after.getSpec().get("template").toString())
        .doesNotContain("rollouts-pod-template-hash");
  }

  @Test
  void undoToARevisionCopiesThatRevision() {
    threeRevisions("undo-to-1");

    assertThat(cluster.run("undo", "undo-to-1", "--to-revision", "1").exitCode()).isZero();

    assertThat(MutationsTest.containers(cluster.get(NAMESPACE, "undo-to-1")))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("image", "nginx:1"));
  }

  @Test
  void undoToTheRevisionTheTemplateAlreadyIsWritesNothing() {
    threeRevisions("undo-same");
    String version = cluster.get(NAMESPACE, "undo-same").getMetadata().getResourceVersion();

    CliCluster.Result result = cluster.run("undo", "undo-same", "--to-revision", "3");

    assertThat(result.out())
        .isEqualTo("skipped rollback (current template already matches revision 3)\n");
    assertThat(cluster.get(NAMESPACE, "undo-same").getMetadata().getResourceVersion())
        .isEqualTo(version);
  }

  @Test
  void undoGivenAKindAndANamePrintsArgosUsageAndChangesNothing() {
    threeRevisions("undo-usage");
    String version = cluster.get(NAMESPACE, "undo-usage").getMetadata().getResourceVersion();

    CliCluster.Result result = cluster.run("undo", "rollout", "undo-usage");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("Usage:\n  kubectl argo rollouts undo ROLLOUT_NAME [flags]\n")
        .contains("--to-revision int   The revision to rollback to.");
    assertThat(cluster.get(NAMESPACE, "undo-usage").getMetadata().getResourceVersion())
        .isEqualTo(version);
  }

  @Test
  void undoToARevisionThatIsNotThereFails() {
    threeRevisions("undo-missing");

    CliCluster.Result result = cluster.run("undo", "undo-missing", "--to-revision", "9");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("error: unable to find revision 9 of rollout \"undo-missing\"\n");
  }
}
