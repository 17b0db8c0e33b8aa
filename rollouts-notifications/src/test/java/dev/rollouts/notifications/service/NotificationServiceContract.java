package dev.rollouts.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.notifications.Destination;
import dev.rollouts.notifications.Notification;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every HTTP {@link NotificationService}'s tests extend, as traffic routers extend
 * {@code TrafficRouterContract}: the rules of the service SPI, checked for one service against a
 * {@link FakeHttpServer} on loopback. A service's test says how to make the service for a server
 * URL (with {@link #SECRET} in its credentials), a destination, a notification, and the reply that
 * means success; it inherits one test per rule:
 *
 * <ul>
 *   <li>a send makes exactly one request, and returns when the server accepts it;
 *   <li>a 5xx reply is a retryable {@link SendException}, and the service does not retry by itself;
 *   <li>a 429 reply carries its {@code Retry-After};
 *   <li>an unreachable server is a retryable failure, reported within the timeout;
 *   <li>no failure message contains the secret.
 * </ul>
 *
 * <p>Published in rollouts-notifications' test-jar (a contract in rollouts-testkit would make the
 * modules depend on each other in a cycle).
 */
public abstract class NotificationServiceContract {

  /** A credential the service is configured with; it must never appear in a message. */
  protected static final String SECRET = "s3cr3t-token-value";

  protected FakeHttpServer server;

  /** The service under test, sending to {@code baseUrl} with {@link #SECRET} as its credential. */
  protected abstract NotificationService service(String baseUrl, Duration timeout);

  /** A destination the service can send to. */
  protected abstract Destination destination();

  /** The server reply that means "accepted". */
  protected FakeHttpServer.Reply success() {
    return new FakeHttpServer.Reply(200, Map.of(), "");
  }

  /** A notification to send. */
  protected Notification notification() {
    return new Notification(
        "Rollout guestbook has been completed.",
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        Map.of(),
        java.util.Optional.empty());
  }

  @BeforeEach
  void startServer() {
    server = new FakeHttpServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private NotificationService service() {
    return service(server.url(), Duration.ofSeconds(5));
  }

  @Test
  void aSendMakesExactlyOneRequest() throws Exception {
    FakeHttpServer.Reply ok = success();
    server.thenReply(ok.status(), ok.headers(), ok.body());

    service().send(notification(), destination());

    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aServerErrorIsRetryableAndNotRetriedByTheService() {
    server.alwaysReply(503, "unavailable");

    assertThatThrownBy(() -> service().send(notification(), destination()))
        .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    server.thenReply(429, Map.of("Retry-After", "7"), "");

    assertThatThrownBy(() -> service().send(notification(), destination()))
        .isInstanceOfSatisfying(
            SendException.class,
            e -> {
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
            });
  }

  @Test
  void anUnreachableServerIsARetryableFailure() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    NotificationService unreachable = service("http://127.0.0.1:" + port, Duration.ofSeconds(2));

    assertThatThrownBy(() -> unreachable.send(notification(), destination()))
        .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void noFailureMessageContainsTheSecret() {
    server.alwaysReply(400, "bad request");

    assertThatThrownBy(() -> service().send(notification(), destination()))
        .isInstanceOf(SendException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }
}
