package dev.rollouts.notifications;

import java.util.List;
import java.util.Map;

/**
 * One entry of the ConfigMap's {@code subscriptions}: recipients ({@code service:recipient}), the
 * triggers (none means the default triggers), and a label selector on the Rollout's labels.
 */
public record GlobalSubscription(List<String> recipients, List<String> triggers, String selector) {

  /** Copies the lists and checks the selector's syntax. */
  public GlobalSubscription {
    recipients = List.copyOf(recipients);
    triggers = List.copyOf(triggers);
    LabelSelector.parse(selector);
  }

  /** Whether the selector matches {@code labels} (an empty selector matches everything). */
  public boolean matches(Map<String, String> labels) {
    return LabelSelector.parse(selector).matches(labels);
  }

  boolean matchesTrigger(String trigger) {
    return triggers.isEmpty() || triggers.contains(trigger);
  }
}
