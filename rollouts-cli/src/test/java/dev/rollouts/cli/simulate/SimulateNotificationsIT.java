package dev.rollouts.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.cli.CliCluster;
import dev.rollouts.notifications.service.FakeHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * simulate runs the controller as if installed in argo-rollouts with self-service notifications on:
 * the tutorial's Secret, ConfigMap and annotation, unchanged but for a loopback Slack.
 */
class SimulateNotificationsIT {

  @Test
  void theTutorialsSlackMessageIsSentWhenTheSimulatedRolloutCompletes(@TempDir Path dir)
      throws Exception {
    try (FakeHttpServer slack = new FakeHttpServer().alwaysReply(200, "{\"ok\":true}")) {
      String tutorial =
          Files.readString(Path.of("..", "examples", "notifications", "tutorial.yaml"));
      Path file = dir.resolve("tutorial.yaml");
      Files.writeString(
          file,
          tutorial.replace(
              "    token: $slack-token\n",
              "    token: $slack-token\n    apiURL: " + slack.url() + "/api/\n"));

      CliCluster.Result result =
          CliCluster.runBare(
              "simulate",
              "--timeout",
              "2m",
              file.toString(),
              "--set-image",
              "app=nginx:1.27",
              "--speed",
              "20");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(slack.requests())
          .anySatisfy(
              r ->
                  assertThat(r.text())
                      .contains("channel=my-channel")
                      .contains("text=Rollout+canary-demo+has+been+completed.")
                      .contains("token=%3Cmy-slack-token%3E")
                      .contains("%22value%22%3A%22nginx%3A1.27%22"));
    }
  }
}
