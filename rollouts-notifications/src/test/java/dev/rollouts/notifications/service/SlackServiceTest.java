package dev.rollouts.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.NotificationConfig;
import dev.rollouts.notifications.ServiceConfig;
import dev.rollouts.notifications.TemplateVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Slack's chat.postMessage as notifications-engine sends it (slack.go, slack-go v0.16.0 chat.go).
 */
class SlackServiceTest extends NotificationServiceContract {

  private static final String OK =
      "{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1700000000.000100\"}";

  @Override
  protected NotificationService service(String baseUrl, Duration timeout) {
    return NotificationServices.create(
        new ServiceConfig("slack", "slack", Map.of("token", SECRET, "apiURL", baseUrl + "/api/")),
        timeout,
        Instant::now);
  }

  @Override
  protected Destination destination() {
    return new Destination("slack", "my-channel");
  }

  @Override
  protected FakeHttpServer.Reply success() {
    return new FakeHttpServer.Reply(200, Map.of(), OK);
  }

  private static Notification tutorialNotification() {
    NotificationConfig config = dev.rollouts.notifications.TutorialFixture.config();
    return config.render(
        List.of("rollout-completed"),
        TemplateVariables.of(
            dev.rollouts.notifications.TutorialFixture.canary(),
            Optional.empty(),
            Map.of(),
            Instant::now,
            new Destination("slack", "my-channel")));
  }

  @Test
  void postsTheTutorialsRolloutCompletedMessageByteForByte() throws Exception {
    server.thenReply(200, Map.of(), OK);
    NotificationService slack =
        NotificationServices.create(
            new ServiceConfig(
                "slack",
                "slack",
                Map.of("token", "xoxb-tutorial-token", "apiURL", server.url() + "/api/")),
            Duration.ofSeconds(5),
            Instant::now);

    slack.send(tutorialNotification(), new Destination("slack", "my-channel"));

    FakeHttpServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.pathAndQuery()).isEqualTo("/api/chat.postMessage");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.text())
        .isEqualTo(
            "attachments=%5B%7B%22color%22%3A%22%2318be52%22%2C%22title%22%3A%22canary-demo%22%2C%22fields%22%3A%5B%7B%22title%22%3A%22Strategy%22%2C%22value%22%3A%22Canary%22%2C%22short%22%3Atrue%7D%2C%7B%22title%22%3A%22app%22%2C%22value%22%3A%22nginx%3A1.27%22%2C%22short%22%3Atrue%7D%2C%7B%22title%22%3A%22sidecar%22%2C%22value%22%3A%22envoy%3A1.30%22%2C%22short%22%3Atrue%7D%5D%7D%5D"
                + "&channel=my-channel&text=Rollout+canary-demo+has+been+completed.&token=xoxb-tutorial-token");
  }

  @Test
  void sendsUsernameIconBlocksAndUnfurlOptions() throws Exception {
    server.thenReply(200, Map.of(), OK);
    NotificationService slack =
        NotificationServices.create(
            new ServiceConfig(
                "slack",
                "slack",
                Map.of(
                    "token",
                    "t",
                    "apiURL",
                    server.url() + "/",
                    "username",
                    "svc-user",
                    "icon",
                    ":rocket:",
                    "disableUnfurl",
                    true)),
            Duration.ofSeconds(5),
            Instant::now);
    Notification n =
        new Notification(
            "hi",
            Optional.empty(),
            Optional.of(
                new Notification.Slack(
                    "", "[{\"type\":\"divider\"}]", "tpl-user", "", "", false, "Post")),
            Map.of(),
            Optional.empty());

    slack.send(n, new Destination("slack", "C1"));

    assertThat(server.requests().get(0).text())
        .isEqualTo(
            "attachments=%5B%5D&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D&channel=C1&icon_emoji=%3Arocket%3A"
                + "&text=hi&token=t&unfurl_links=false&unfurl_media=false&username=tpl-user");
  }

  @Test
  void okFalseIsAPermanentFailureCarryingSlacksError() {
    server.alwaysReply(200, "{\"ok\":false,\"error\":\"channel_not_found\"}");

    assertThatThrownBy(
            () ->
                service(server.url() + "/", Duration.ofSeconds(5))
                    .send(notification(), destination()))
        .isInstanceOfSatisfying(
            SendException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("channel_not_found");
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void invalidAttachmentJsonIsASendError() {
    Notification n =
        new Notification(
            "x",
            Optional.empty(),
            Optional.of(new Notification.Slack("[{", "", "", "", "", false, "Post")),
            Map.of(),
            Optional.empty());

    assertThatThrownBy(
            () -> service(server.url() + "/", Duration.ofSeconds(5)).send(n, destination()))
        .isInstanceOf(SendException.class)
        .hasMessageStartingWith("failed to unmarshal attachments '[{'");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aGroupingKeyThreadsLaterMessagesUnderTheFirst() throws Exception {
    server.thenReply(200, Map.of(), OK).thenReply(200, Map.of(), OK);
    NotificationService slack = service(server.url() + "/", Duration.ofSeconds(5));
    Notification n =
        new Notification(
            "x",
            Optional.empty(),
            Optional.of(new Notification.Slack("", "", "", "", "rollout-1", false, "Post")),
            Map.of(),
            Optional.empty());

    slack.send(n, destination());
    slack.send(n, destination());

    assertThat(server.requests().get(0).text()).doesNotContain("thread_ts");
    assertThat(server.requests().get(1).text()).contains("thread_ts=1700000000.000100");
  }
}
