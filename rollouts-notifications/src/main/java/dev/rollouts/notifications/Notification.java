package dev.rollouts.notifications;

import java.util.Map;
import java.util.Optional;

/**
 * A rendered notification, notifications-engine's {@code services.Notification}: the {@code
 * message} every service can use, and the parts particular services read. Produced by rendering the
 * templates a trigger sends, in order, onto one notification.
 */
public record Notification(
    String message,
    Optional<Email> email,
    Optional<Slack> slack,
    Map<String, Webhook> webhook,
    Optional<TeamsWorkflows> teamsWorkflows) {

  /** Copies the webhook map. */
  public Notification {
    webhook = Map.copyOf(webhook);
  }

  /** A notification with no content yet. */
  public static Notification empty() {
    return new Notification("", Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
  }

  /** The {@code email:} part: subject and body (the body defaults to the message when sent). */
  public record Email(String subject, String body) {}

  /**
   * The {@code slack:} part: {@code attachments} and {@code blocks} as JSON text, {@code username},
   * {@code icon} (an {@code :emoji:} or a URL), {@code groupingKey}, {@code notifyBroadcast} and
   * {@code deliveryPolicy} ({@code Post}, {@code PostAndUpdate}, {@code Update}).
   */
  public record Slack(
      String attachments,
      String blocks,
      String username,
      String icon,
      String groupingKey,
      boolean notifyBroadcast,
      String deliveryPolicy) {}

  /** One {@code webhook.<service name>:} part: method (default GET), path and body. */
  public record Webhook(String method, String path, String body) {}

  /** The {@code teams-workflows:} part, each field rendered text. */
  public record TeamsWorkflows(
      String template,
      String title,
      String summary,
      String text,
      String themeColor,
      String facts,
      String sections,
      String potentialAction,
      String adaptiveCard) {}
}
