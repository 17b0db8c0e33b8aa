package dev.rollouts.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.sim.PodSimulator;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The controller {@code manifests/install.yaml} describes starts from the shaded jar with the
 * Deployment's own arguments, against the in-process API server: it becomes ready, serves metrics,
 * takes the Lease and rolls a Rollout out. Runs after {@code package} (the {@code shaded-jar}
 * execution of the surefire plugin in rollouts-cli's pom), when the jar exists.
 */
class InstalledControllerCheck {

  static final Duration DEADLINE = Duration.ofSeconds(90);

  @Test
  void theDeploymentsControllerStartsFromTheShadedJarAndRollsOut() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().matches("rollouts-cli-.*-shaded\\.jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no shaded jar in target/: run after package"));
    }
    Deployment deployment;
    try (CliCluster cluster = CliCluster.start()) {
      deployment =
          cluster
              .client()
              .load(
                  new ByteArrayInputStream(
                      Files.readAllBytes(Path.of("..", "manifests", "install.yaml"))))
              .items()
              .stream()
              .filter(Deployment.class::isInstance)
              .map(Deployment.class::cast)
              .findFirst()
              .orElseThrow();
      var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      int metricsPort = freePort();
      int healthzPort = freePort();
      List<String> args = new ArrayList<>();
      for (String arg : container.getArgs()) {
        // Kubernetes expands $(POD_NAMESPACE); the ports are the only change, to free ones.
        args.add(
            arg.replace("$(POD_NAMESPACE)", InstallManifests.NAMESPACE)
                .replace(
                    Integer.toString(InstallManifests.METRICS_PORT), Integer.toString(metricsPort))
                .replace(
                    Integer.toString(InstallManifests.HEALTHZ_PORT),
                    Integer.toString(healthzPort)));
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-jar");
      command.add(jar.toString());
      command.addAll(args);
      Path log = Files.createTempFile("installed-controller-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      // In a pod the client finds the cluster from the service account; here, the kubeconfig.
      builder.environment().put("KUBECONFIG", cluster.kubeconfig().toString());
      builder.environment().put("HOSTNAME", "rollouts-controller-0");
      cluster
          .client()
          .namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName(InstallManifests.NAMESPACE)
                  .endMetadata()
                  .build())
          .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
      Process process = builder.start();
      try (PodSimulator pods =
          PodSimulator.of(cluster.server().newClient(), Duration.ofMillis(20)).start()) {
        String health = "http://127.0.0.1:" + healthzPort;
        await("/readyz answers 200", () -> status(health + "/readyz") == 200, log);
        assertThat(status(health + "/healthz")).isEqualTo(200);
        assertThat(body("http://127.0.0.1:" + metricsPort + "/metrics")).contains("jvm_");

        cluster.create(Objects.canary("shop", "installed", "nginx:1", Objects.steps()), Map.of());
        await(
            "the Rollout is Healthy",
            () -> {
              var r = cluster.get("shop", "installed");
              return r != null && "Healthy".equals(r.getStatus().get("phase"));
            },
            log);
        assertThat(
                cluster
                    .client()
                    .leases()
                    .inNamespace(InstallManifests.NAMESPACE)
                    .withName("argo-rollouts-controller-lock")
                    .get()
                    .getSpec()
                    .getHolderIdentity())
            .startsWith("rollouts-controller-0");
        assertThat(Files.readString(log))
            .as("--log-format json: every line a JSON object")
            .isNotBlank()
            .satisfies(
                text ->
                    assertThat(text.lines().filter(l -> !l.isBlank()))
                        .allMatch(l -> l.startsWith("{\"time\":") && l.endsWith("}")));
      } finally {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
      assertThat(process.isAlive()).isFalse();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static int status(String url) {
    try {
      return get(url).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  static String body(String url) throws Exception {
    return get(url).body();
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static void await(String what, BooleanSupplier condition, Path log) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + DEADLINE
                + " waiting until "
                + what
                + "; log:\n"
                + Files.readString(log));
      }
      Thread.sleep(50);
    }
  }
}
