package dev.rollouts.cli.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

      Process node =
          new ProcessBuilder(
                  "node",
                  E2E.resolve("dashboard.mjs").toString(),
                  url.group(1),
                  "default",
                  "demo",
                  shots.toString())
              .redirectErrorStream(true)
              .start();
      boolean ended = node.waitFor(3, TimeUnit.MINUTES);
      if (!ended) {
        node.destroyForcibly();
      }
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      System.out.println(output);

      assertThat(ended).as("the browser test ended within 3 minutes").isTrue();
      assertThat(node.exitValue()).as(output).isZero();
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
