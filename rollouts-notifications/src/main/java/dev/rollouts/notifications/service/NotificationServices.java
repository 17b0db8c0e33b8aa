package dev.rollouts.notifications.service;

import dev.rollouts.notifications.NotificationConfigException;
import dev.rollouts.notifications.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Makes the service a {@code service.<type>[.<name>]} entry configures: {@code slack}, {@code
 * webhook}, {@code grafana}, {@code email}, {@code teams-workflows}. Every network call is bounded
 * by {@code timeout} (notifications-engine sets none).
 */
public final class NotificationServices {

  /** The timeout when none is given: connect and each request. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  private NotificationServices() {}

  /**
   * The service for {@code config}.
   *
   * @throws NotificationConfigException for a type this library does not implement, worded as
   *     notifications-engine words it: {@code service type 'x' is not supported}
   */
  public static NotificationService create(
      ServiceConfig config, Duration timeout, Supplier<Instant> clock) {
    Http http = new Http(timeout);
    return switch (config.type()) {
      case "slack" -> new SlackService(config.settings(), http);
      case "webhook" -> new WebhookService(config.settings(), http);
      case "grafana" -> new GrafanaService(config.settings(), http, clock);
      case "email" -> new EmailService(config.settings(), timeout, clock);
      case "teams-workflows" -> new TeamsWorkflowsService(config.settings(), http);
      default ->
          throw new NotificationConfigException(
              "service type '" + config.type() + "' is not supported");
    };
  }
}
