package dev.rollouts.cli.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardCommandTest {

  CliCluster cluster;

  @BeforeEach
  void start() {
    cluster = CliCluster.start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void itPrintsItsLoopbackUrlAndServesTheContextsNamespaceUntilInterrupted() throws Exception {
    CliCluster.Running dashboard = cluster.start("dashboard", "--port", "0");
    dashboard.awaitOutput("Ctrl-C to stop");
    Matcher url =
        Pattern.compile("now available at (http://127\\.0\\.0\\.1:\\d+/rollouts/)")
            .matcher(dashboard.out());
    assertThat(url.find()).as(dashboard.out()).isTrue();

    HttpResponse<String> namespace =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.group(1) + "api/v1/namespace")).build(),
                HttpResponse.BodyHandlers.ofString());
    dashboard.interrupt();
    CliCluster.Result result = dashboard.join();

    assertThat(namespace.body()).contains("\"namespace\":\"" + CliCluster.NAMESPACE + "\"");
    assertThat(result.out()).contains("namespace " + CliCluster.NAMESPACE + "; Ctrl-C to stop");
  }

  @Test
  void theHelpNamesTheSafeDefaults() {
    String help = CliCluster.runBare("dashboard", "--help").out();

    assertThat(help)
        .startsWith("Usage: rollouts dashboard")
        .contains("--address=ADDRESS")
        .contains("(default: 127.0.0.1;")
        .contains("(default: 3100;")
        .contains("--read-only")
        .contains("--kubeconfig=FILE");
  }

  @Test
  void aTakenPortIsAFailureThatNamesIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliCluster.Result result =
          cluster.run("dashboard", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err())
          .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void aRootPathOfSeveralSegmentsIsBadInput() {
    CliCluster.Result result = cluster.run("dashboard", "--root-path", "a/b");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("the root path must be one path segment");
  }
}
