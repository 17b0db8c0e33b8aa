package dev.rollouts.cli.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.cli.Objects;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: {@code rollouts simulate --keep-running} pauses the demo at its
 * {@code pause: {}} step, {@code rollouts dashboard} serves it, and {@code e2e/dashboard.mjs}
 * drives Debian's Chromium with playwright-core: open the Rollout's page, click Promote, confirm,
 * see Healthy without a reload, take screenshots (into {@code target/dashboard-screenshots/}).
 *
 * <p>Skipped, saying why, where node, Chromium or {@code e2e/node_modules/playwright-core} is
 * missing ({@code .ci/run} installs them).
 */
class DashboardBrowserIT {

  private static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();
  private static final Path CHROMIUM =
      Path.of(Optional.ofNullable(System.getenv("CHROMIUM")).orElse("/usr/bin/chromium"));

  @Test
  void promotingInTheBrowserTakesThePausedDemoToHealthyWithoutAReload() throws Exception {
    skipUnlessTheBrowserIsThere();
    Path shots = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    Files.createDirectories(shots);
    CliCluster.Running simulation =
        CliCluster.startBare("simulate", "--keep-running", "--speed", "5", "--no-color");
    CliCluster.Running dashboard = null;
    try {
      simulation.awaitOutput("waits for a promote");
      Matcher kubeconfig = Pattern.compile("--kubeconfig (\\S+)").matcher(simulation.out());
      assertThat(kubeconfig.find()).as(simulation.out()).isTrue();
      dashboard =
          CliCluster.startBare(
              "dashboard", "--port", "0", "-n", "default", "--kubeconfig", kubeconfig.group(1));
      dashboard.awaitOutput("now available at ");
      Matcher url = Pattern.compile("now available at (\\S+)").matcher(dashboard.out());
      assertThat(url.find()).as(dashboard.out()).isTrue();

      String output = node("dashboard.mjs", url.group(1), "default", "demo", shots.toString());

      assertThat(output)
          .contains("e2e: the page of demo shows Paused")
          .contains("e2e: the page shows Healthy without a reload")
          .contains("e2e: passed");
      simulation.awaitOutput("is Healthy; stable: revision 2");
      assertThat(simulation.out())
          .contains("rollout 'default/demo' is Healthy; stable: revision 2");
      for (String shot : List.of("dashboard-list.png", "dashboard-rollout.png")) {
        assertThat(Files.size(shots.resolve(shot))).as(shot).isGreaterThan(1000);
      }
    } finally {
      if (dashboard != null) {
        dashboard.interrupt();
        dashboard.join();
      }
      simulation.interrupt();
      simulation.join();
    }
  }

  @Test
  void twoHundredRolloutsAreDrawnFilteredAndKeptLive() throws Exception {
    skipUnlessTheBrowserIsThere();
    Path shots = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    Files.createDirectories(shots);
    try (CliCluster cluster = CliCluster.start()) {
      for (int i = 0; i < 200; i++) {
        RolloutResource rollout = pausedCanary(cluster, "web-" + i);
        if (i == 1) {
          analysisRun(cluster, rollout);
        }
      }
      CliCluster.Running dashboard = cluster.start("dashboard", "--port", "0");
      try {
        dashboard.awaitOutput("now available at ");
        Matcher url = Pattern.compile("now available at (\\S+)").matcher(dashboard.out());
        assertThat(url.find()).as(dashboard.out()).isTrue();

        String output =
            node("many.mjs", url.group(1), CliCluster.NAMESPACE, "200", shots.toString());

        assertThat(output).contains("many: 200 cards drawn").contains("many: passed");
      } finally {
        dashboard.interrupt();
        dashboard.join();
      }
      CliCluster.Running readOnly = cluster.start("dashboard", "--port", "0", "--read-only");
      try {
        readOnly.awaitOutput("now available at ");
        Matcher url = Pattern.compile("now available at (\\S+)").matcher(readOnly.out());
        assertThat(url.find()).as(readOnly.out()).isTrue();

        assertThat(node("readonly.mjs", url.group(1), "web-7", shots.toString()))
            .contains("readonly: passed");
      } finally {
        readOnly.interrupt();
        readOnly.join();
      }
    }
  }

  /** A canary at its {@code pause: {}} step (index 3), 1 of 5 pods updated, as Argo leaves it. */
  private static RolloutResource pausedCanary(CliCluster cluster, String name) {
    RolloutResource rollout =
        cluster.create(
            Objects.canary(CliCluster.NAMESPACE, name, "nginx:2", Objects.steps()),
            Map.of(
                "currentStepIndex", 3,
                "currentPodHash", "bbb",
                "stableRS", "aaa",
                "replicas", 5,
                "updatedReplicas", 1,
                "availableReplicas", 5,
                "pauseConditions",
                    List.of(
                        Map.of("reason", "CanaryPauseStep", "startTime", "2026-01-01T00:00:00Z"))));
    ReplicaSet stable = cluster.create(Objects.replicaSet(rollout, "aaa", 1, "nginx:1", 4, 4));
    ReplicaSet canary = cluster.create(Objects.replicaSet(rollout, "bbb", 2, "nginx:2", 1, 1));
    cluster.create(Objects.pod(stable, "a", true, "2026-01-01T00:00:00Z"));
    cluster.create(Objects.pod(canary, "b", true, "2026-01-01T00:00:00Z"));
    return rollout;
  }

  /** A Successful AnalysisRun of {@code owner}'s revision 2, read by the dashboard generically. */
  private static void analysisRun(CliCluster cluster, RolloutResource owner) {
    GenericKubernetesResource run = new GenericKubernetesResource();
    run.setApiVersion("argoproj.io/v1alpha1");
    run.setKind("AnalysisRun");
    run.setMetadata(
        new ObjectMetaBuilder()
            .withName(owner.getMetadata().getName() + "-bbb-2-1")
            .withNamespace(CliCluster.NAMESPACE)
            .addToAnnotations("rollout.argoproj.io/revision", "2")
            .addNewOwnerReference()
            .withApiVersion(RolloutResource.API_VERSION)
            .withKind(RolloutResource.KIND)
            .withName(owner.getMetadata().getName())
            .withUid(owner.getMetadata().getUid())
            .withController(true)
            .endOwnerReference()
            .build());
    run.setAdditionalProperty(
        "spec",
        Map.of(
            "metrics",
            List.of(Map.of("name", "success-rate", "successCondition", "result[0] >= 0.95"))));
    var runs =
        cluster
            .client()
            .genericKubernetesResources(
                new ResourceDefinitionContext.Builder()
                    .withGroup("argoproj.io")
                    .withVersion("v1alpha1")
                    .withKind("AnalysisRun")
                    .withPlural("analysisruns")
                    .withNamespaced(true)
                    .build())
            .inNamespace(CliCluster.NAMESPACE);
    // the CRD has a status subresource: a create keeps no status, as on a real API server
    GenericKubernetesResource created = runs.resource(run).create();
    created.setAdditionalProperty(
        "status",
        Map.of(
            "phase",
            "Successful",
            "metricResults",
            List.of(
                Map.of(
                    "name",
                    "success-rate",
                    "phase",
                    "Successful",
                    "successful",
                    2,
                    "measurements",
                    List.of(
                        Map.of("phase", "Successful", "value", "[0.99]"),
                        Map.of("phase", "Successful", "value", "[0.98]"))))));
    runs.resource(created).updateStatus();
  }

  /** Runs {@code e2e/SCRIPT ARGS} with node; returns what it printed, after checking it passed. */
  private static String node(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", E2E.resolve(script).toString()));
    command.addAll(List.of(args));
    Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean ended = node.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      node.destroyForcibly();
    }
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(ended).as(script + " ended within 3 minutes").isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    return output;
  }

  private static void skipUnlessTheBrowserIsThere() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (apt-get install chromium)");
    }
    if (!Files.isDirectory(E2E.resolve("node_modules").resolve("playwright-core"))) {
      missing.add(E2E.resolve("node_modules/playwright-core") + " (npm ci --prefix e2e)");
    }
    if (!runs("node", "--version")) {
      missing.add("node");
    }
    if (!missing.isEmpty()) {
      String reason =
          "the dashboard's browser test is skipped: missing " + String.join(", ", missing);
      System.out.println(reason);
      Assumptions.abort(reason);
    }
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
