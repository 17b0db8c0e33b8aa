package dev.rollouts.core.internal;

import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A working list of conditions with Argo's update rule: setting a condition whose status and reason
 * are unchanged changes nothing (not even the message); a changed reason keeps {@code
 * lastTransitionTime} while the status is the same; a set condition moves to the end.
 */
public final class Conditions {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private final List<Condition> conditions;
  private final Instant now;

  Conditions(List<Condition> initial, Instant now) {
    this.conditions = new ArrayList<>(initial);
    this.now = now;
  }

  public Optional<Condition> get(ConditionType type) {
    for (Condition c : conditions) {
      if (c.type() == type) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Sets the condition; returns whether anything changed. */
  public boolean set(ConditionType type, String status, String reason, String message) {
    Optional<Condition> existing = get(type);
    if (existing.isPresent()
        && existing.get().status().equals(status)
        && existing.get().reason().equals(reason)) {
      return false;
    }
    Instant transition =
        existing
            .filter(c -> c.status().equals(status))
            .map(Condition::lastTransitionTime)
            .orElse(now);
    replace(type, status, reason, message, transition);
    return true;
  }

  /** Replaces the condition unconditionally, keeping the given transition time. */
  public void replace(
      ConditionType type, String status, String reason, String message, Instant transition) {
    remove(type);
    conditions.add(
        Condition.builder()
            .type(type)
            .status(status)
            .reason(reason)
            .message(message)
            .lastUpdateTime(now)
            .lastTransitionTime(transition)
            .build());
  }

  public void remove(ConditionType type) {
    conditions.removeIf(c -> c.type() == type);
  }

  public List<Condition> list() {
    return List.copyOf(conditions);
  }
}
