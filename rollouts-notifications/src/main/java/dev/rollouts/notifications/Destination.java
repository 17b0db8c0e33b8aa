package dev.rollouts.notifications;

/**
 * Where a notification goes: a service by its configured name ({@code slack}, or {@code workspace1}
 * for {@code service.slack.workspace1}) and a recipient whose meaning is the service's (a Slack
 * channel, Grafana tags {@code a|b}, e-mail addresses; empty for a webhook).
 */
public record Destination(String service, String recipient) {

  /** {@code service:recipient}, as the CLI's {@code --recipient} and the ConfigMap write it. */
  @Override
  public String toString() {
    return service + ":" + recipient;
  }

  /**
   * Parses {@code service:recipient} as notifications-engine does: split on {@code :}, keeping only
   * the first two parts (so {@code webhook:https://x} keeps {@code https}).
   */
  public static Destination parse(String text) {
    String[] parts = text.split(":", -1);
    return new Destination(parts[0], parts.length > 1 ? parts[1] : "");
  }
}
