package dev.rollouts.cli.verbs;

import static dev.rollouts.cli.CliCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.sim.PodSimulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerCommandTest extends ClusterTest {

  @Test
  void theControllerElectsALeaderBringsARolloutToHealthyAndStopsWhenInterrupted() throws Exception {
    try (PodSimulator pods =
        PodSimulator.of(cluster.server().newClient(), Duration.ofMillis(20)).start()) {
      CliCluster.Running controller = cluster.start("controller", "-n", NAMESPACE);
      cluster.create(Objects.canary(NAMESPACE, "managed", "nginx:1", Objects.steps()), Map.of());

      CliCluster.Result status = cluster.run("status", "managed", "--timeout", "1m");
      controller.interrupt();
      CliCluster.Result stopped = controller.join();

      assertThat(status.exitCode()).isZero();
      assertThat(status.out()).endsWith("Healthy\n");
      assertThat(stopped.exitCode()).isZero();
      assertThat(stopped.err())
          .startsWith("rollouts controller started, watching namespace shop")
          .contains("acting while it holds the Lease argo-rollouts-controller-lock");
    }
  }
}
