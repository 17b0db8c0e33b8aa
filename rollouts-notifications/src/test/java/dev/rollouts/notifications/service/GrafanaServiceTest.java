package dev.rollouts.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grafana annotations (notifications-engine grafana.go). */
class GrafanaServiceTest extends NotificationServiceContract {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.750Z");

  @Override
  protected NotificationService service(String baseUrl, Duration timeout) {
    return NotificationServices.create(
        new ServiceConfig(
            "grafana", "grafana", Map.of("apiUrl", baseUrl + "/api", "apiKey", SECRET)),
        timeout,
        () -> NOW);
  }

  @Override
  protected Destination destination() {
    return new Destination("grafana", "rollouts|canary-demo");
  }

  @Test
  void postsAnAnnotationTaggedWithTheRecipientSplitOnBars() throws Exception {
    service(server.url(), Duration.ofSeconds(5)).send(notification(), destination());

    FakeHttpServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.pathAndQuery()).isEqualTo("/api/annotations");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    assertThat(request.text())
        .isEqualTo(
            "{\"time\":1767225600000,\"isRegion\":false,\"tags\":[\"rollouts\",\"canary-demo\"],"
                + "\"text\":\"Rollout guestbook has been completed.\"}");
  }

  @Test
  void onlyOkIsSuccess() {
    server.alwaysReply(201, "created");

    assertThatThrownBy(
            () -> service(server.url(), Duration.ofSeconds(5)).send(notification(), destination()))
        .isInstanceOf(SendException.class)
        .hasMessageContaining("has failed with error code 201 : created");
  }
}
