package dev.rollouts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rollouts notifications}, as Argo's plugin has it, on the tutorial's files. */
class NotificationsCommandTest {

  private static final String TUTORIAL =
      Path.of("..", "examples", "notifications", "tutorial.yaml").toString();

  @Test
  void templateGetListsNameAndPreview() {
    Cli.Result result = Cli.run("notifications", "template", "get", "--config-map", TUTORIAL);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "NAME                PREVIEW",
            "rollout-completed   Rollout {{.rollout.metadata.name}} has been completed.");
  }

  @Test
  void templateNotifyPrintsTheRenderedNotificationToTheConsole() {
    Cli.Result result =
        Cli.run(
            "notifications",
            "template",
            "notify",
            "rollout-completed",
            "canary-demo",
            "--config-map",
            TUTORIAL,
            "-f",
            TUTORIAL);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("message: Rollout canary-demo has been completed.\n");
    Map<String, Object> printed = yaml(result.out());
    assertThat(printed.get("email"))
        .isEqualTo(Map.of("subject", "Rollout canary-demo has been completed.", "body", ""));
    assertThat(((Map<?, ?>) printed.get("slack")).get("attachments").toString())
        .contains("\"value\": \"Canary\"")
        .contains("\"value\": \"nginx:1.25\"");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    try {
      return new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void templateNotifyDryRunNamesTheDestinationAndSendsNothing() {
    Cli.Result result =
        Cli.run(
            "notifications",
            "template",
            "notify",
            "rollout-completed",
            "canary-demo",
            "--config-map",
            TUTORIAL,
            "-f",
            TUTORIAL,
            "--recipient",
            "slack:my-channel",
            "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith(
            "destination: slack:my-channel\nmessage: Rollout canary-demo has been completed.");
  }

  @Test
  void triggerGetAndRun() {
    Cli.Result get = Cli.run("notifications", "trigger", "get", "--config-map", TUTORIAL);
    Cli.Result run =
        Cli.run(
            "notifications",
            "trigger",
            "run",
            "on-rollout-completed",
            "canary-demo",
            "--config-map",
            TUTORIAL,
            "-f",
            TUTORIAL);

    assertThat(get.out().lines())
        .containsExactly(
            "NAME                   TEMPLATE            CONDITION",
            "on-rollout-completed   rollout-completed");
    assertThat(run.out().lines()).containsExactly("CONDITION   RESULT", "            false");
  }

  @Test
  void anUnknownTemplateIsAnError() {
    Cli.Result result =
        Cli.run("notifications", "template", "get", "nope", "--config-map", TUTORIAL);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("template 'nope' is not configured");
  }
}
