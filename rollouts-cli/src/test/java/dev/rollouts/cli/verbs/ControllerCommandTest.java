package dev.rollouts.cli.verbs;

import static dev.rollouts.cli.CliCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.sim.PodSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ControllerCommandTest extends ClusterTest {

  @Test
  void theControllerElectsALeaderBringsARolloutToHealthyAndStopsWhenInterrupted() throws Exception {
    try (PodSimulator pods =
        PodSimulator.of(cluster.server().newClient(), Duration.ofMillis(20)).start()) {
      CliCluster.Running controller =
          cluster.start(
              "controller", "-n", NAMESPACE, "--metrics-port", "0", "--healthz-port", "0");
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

  @Test
  void theControllerServesMetricsAndProbesAndIsReadyOnceStarted() throws Exception {
    try (PodSimulator pods =
        PodSimulator.of(cluster.server().newClient(), Duration.ofMillis(20)).start()) {
      CliCluster.Running controller =
          cluster.start(
              "controller",
              "-n",
              NAMESPACE,
              "--no-leader-elect",
              "--metrics-port",
              "0",
              "--healthz-port",
              "0",
              "--listen-address",
              "127.0.0.1");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!controller.err().contains("Ctrl-C") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Matcher ports =
          Pattern.compile("/metrics on port (\\d+) and /healthz, /readyz on port (\\d+)")
              .matcher(controller.err());
      assertThat(ports.find()).as(controller.err()).isTrue();
      String metrics = "http://127.0.0.1:" + ports.group(1);
      String health = "http://127.0.0.1:" + ports.group(2);
      cluster.create(Objects.canary(NAMESPACE, "served", "nginx:1", Objects.steps()), Map.of());
      CliCluster.Result status = cluster.run("status", "served", "--timeout", "1m");

      HttpResponse<String> healthz = get(health + "/healthz");
      HttpResponse<String> readyz = get(health + "/readyz");
      HttpResponse<String> scrape = get(metrics + "/metrics");
      controller.interrupt();
      CliCluster.Result stopped = controller.join();

      assertThat(status.exitCode()).isZero();
      assertThat(healthz.statusCode()).isEqualTo(200);
      assertThat(readyz.statusCode()).isEqualTo(200);
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      assertThat(scrape.body())
          .contains("# TYPE rollout_info gauge")
          .containsPattern("rollout_info\\{[^}]*name=\"served\"[^}]*phase=\"Healthy\"")
          .contains("jvm_memory_used_bytes");
      assertThat(stopped.exitCode()).isZero();
    }
  }

  @Test
  void aWrongSettingIsBadUsageNamingIt() {
    CliCluster.Result result =
        cluster.run("controller", "--workers", "0", "--metrics-port", "0", "--healthz-port", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("RolloutController setting workers is 0");
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
