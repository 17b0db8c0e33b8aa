package dev.rollouts.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Microsoft Teams Workflows webhooks (notifications-engine teams-workflows.go). */
class TeamsWorkflowsServiceTest extends NotificationServiceContract {

  @Override
  protected NotificationService service(String baseUrl, Duration timeout) {
    return NotificationServices.create(
        new ServiceConfig(
            "teams-workflows",
            "teams-workflows",
            Map.of("recipientUrls", Map.of("ops", baseUrl + "/powerautomate/hook?sig=" + SECRET))),
        timeout,
        Instant::now);
  }

  @Override
  protected Destination destination() {
    return new Destination("teams-workflows", "ops");
  }

  @Test
  void postsAnAdaptiveCardBuiltFromTheMessage() throws Exception {
    Notification n =
        new Notification(
            "Rollout guestbook has been completed.",
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.of(
                new Notification.TeamsWorkflows(
                    "",
                    "Done",
                    "",
                    "",
                    "Good",
                    "[{\"name\":\"Strategy\",\"value\":\"Canary\"}]",
                    "",
                    "",
                    "")));

    service(server.url(), Duration.ofSeconds(5)).send(n, destination());

    FakeHttpServer.Recorded request = server.requests().get(0);
    assertThat(request.pathAndQuery()).isEqualTo("/powerautomate/hook?sig=" + SECRET);
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.text())
        .isEqualTo(
            "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\","
                + "\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.4\",\"body\":["
                + "{\"type\":\"TextBlock\",\"text\":\"Done\",\"size\":\"Large\",\"weight\":\"Bolder\",\"color\":\"Good\",\"wrap\":true},"
                + "{\"type\":\"TextBlock\",\"text\":\"Rollout guestbook has been completed.\",\"wrap\":true},"
                + "{\"type\":\"FactSet\",\"facts\":[{\"title\":\"Strategy\",\"value\":\"Canary\"}]}]}}]}");
  }
}
