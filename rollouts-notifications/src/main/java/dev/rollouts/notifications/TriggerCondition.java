package dev.rollouts.notifications;

import java.util.List;
import java.util.Optional;

/**
 * One condition of a {@code trigger.<name>}: the templates to {@code send}, an optional {@code
 * when} expression (Argo's expr language; absent for the built-in triggers, which fire on events),
 * an optional {@code oncePer} expression, and a description.
 */
public record TriggerCondition(
    List<String> send, Optional<String> when, Optional<String> oncePer, String description) {

  /** Copies the template list. */
  public TriggerCondition {
    send = List.copyOf(send);
  }
}
