package dev.rollouts.notifications;

import java.util.List;

/** One notification to send: the trigger that fired, the templates it sends, and where to. */
public record PlannedSend(String trigger, List<String> templates, Destination destination) {

  /** Copies the templates. */
  public PlannedSend {
    templates = List.copyOf(templates);
  }
}
