package dev.rollouts.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import dev.rollouts.notifications.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generic webhook of notifications-engine (webhook.go). */
class WebhookServiceTest extends NotificationServiceContract {

  @Override
  protected NotificationService service(String baseUrl, Duration timeout) {
    return NotificationServices.create(
        new ServiceConfig(
            "webhook",
            "github",
            Map.of("url", baseUrl, "basicAuth", Map.of("username", "u", "password", SECRET))),
        timeout,
        Instant::now);
  }

  @Override
  protected Destination destination() {
    return new Destination("github", "");
  }

  @Test
  void withoutATemplatePartSendsTheMessageWithGet() throws Exception {
    NotificationService webhook =
        NotificationServices.create(
            new ServiceConfig("webhook", "hook", Map.of("url", server.url() + "/hook")),
            Duration.ofSeconds(5),
            Instant::now);

    webhook.send(notification(), new Destination("hook", ""));

    FakeHttpServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.pathAndQuery()).isEqualTo("/hook");
    assertThat(request.text()).isEqualTo("Rollout guestbook has been completed.");
    assertThat(request.header("Content-Type")).isNull();
  }

  @Test
  void sendsTheTemplatesMethodPathBodyHeadersAndBasicAuth() throws Exception {
    NotificationService webhook =
        NotificationServices.create(
            new ServiceConfig(
                "webhook",
                "github",
                Map.of(
                    "url", server.url() + "/api/",
                    "headers",
                        List.of(
                            Map.of("name", "Content-Type", "value", "application/json"),
                            Map.of("name", "X-Token", "value", "abc")),
                    "basicAuth", Map.of("username", "user", "password", "pass"))),
            Duration.ofSeconds(5),
            Instant::now);
    Notification n =
        new Notification(
            "ignored",
            Optional.empty(),
            Optional.empty(),
            Map.of(
                "github",
                new Notification.Webhook(
                    "POST", "/repos/x/statuses/abc", "{\"state\":\"success\"}")),
            Optional.empty());

    webhook.send(n, new Destination("github", ""));

    FakeHttpServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.pathAndQuery()).isEqualTo("/api/repos/x/statuses/abc");
    assertThat(request.text()).isEqualTo("{\"state\":\"success\"}");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("X-Token")).isEqualTo("abc");
    assertThat(request.header("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
  }
}
