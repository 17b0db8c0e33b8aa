package dev.rollouts.cli.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unknown rollouts, wrong namespaces, unreachable clusters, bad usage: one line, and the exit code.
 */
class ErrorsTest extends ClusterTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "promote",
        "abort",
        "pause",
        "resume",
        "restart",
        "undo",
        "status",
        "get rollout",
        "retry rollout"
      })
  void anUnknownRolloutIsOneLineAndExitCodeOne(String verb) {
    CliCluster.Result result = cluster.run((verb + " nope").split(" "));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: rollout \"nope\" not found in namespace \"shop\"\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void theNamespaceOptionIsTheNamespaceLookedIn() {
    CliCluster.Result result = cluster.run("set", "image", "web", "app=nginx:2", "-n", "elsewhere");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("error: rollout \"web\" not found in namespace \"elsewhere\"\n");
  }

  @Test
  void anUnreachableClusterIsOneLineNamingTheServer(@TempDir Path dir) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        cluster
            .server()
            .kubeconfig("shop")
            .replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://localhost:" + port + "/"));

    CliCluster.Result result =
        CliCluster.runBare("promote", "web", "--kubeconfig", kubeconfig.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "error: cannot reach the Kubernetes API server at http://localhost:" + port + "/: ")
        .hasLineCount(1);
  }

  @Test
  void anUnknownContextIsOneLine() {
    CliCluster.Result result = cluster.run("promote", "web", "--context", "prod");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("error: context \"prod\" not found in the kubeconfig\n");
  }

  @Test
  void aMissingKubeconfigIsOneLine() {
    CliCluster.Result result =
        CliCluster.runBare("promote", "web", "--kubeconfig", "/nonexistent/config");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("error: cannot read the kubeconfig file /nonexistent/config\n");
  }

  @Test
  void aMissingArgumentIsBadUsage() {
    CliCluster.Result result = CliCluster.runBare("promote");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: Missing required parameter: 'NAME'\nSee 'rollouts promote --help'.\n");
  }

  @Test
  void aMistypedCommandIsBadUsageWithASuggestion() {
    CliCluster.Result result = CliCluster.runBare("promot", "web");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: Unmatched arguments from index 0: 'promot', 'web'\n")
        .contains("promote")
        .endsWith("See 'rollouts --help'.\n");
  }

  @Test
  void noCommandIsBadUsage() {
    assertThat(CliCluster.runBare().exitCode()).isEqualTo(2);
  }
}
