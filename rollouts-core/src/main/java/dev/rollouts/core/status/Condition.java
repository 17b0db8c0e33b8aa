package dev.rollouts.core.status;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * One entry of {@code status.conditions}.
 *
 * <p>{@code lastTransitionTime} changes only when {@code status} flips; {@code lastUpdateTime} each
 * time the reason or message changes.
 */
@Value.Immutable
public interface Condition {

  /** {@code type}. */
  ConditionType type();

  /** {@code status}: {@code "True"}, {@code "False"} or {@code "Unknown"}. */
  String status();

  /** {@code reason}; see {@link ConditionReason} for the ones the engine writes. */
  String reason();

  /** {@code message}. */
  String message();

  /** {@code lastUpdateTime}. */
  Instant lastUpdateTime();

  /** {@code lastTransitionTime}. */
  Instant lastTransitionTime();

  /** Whether {@code status} is {@code "True"}. */
  default boolean isTrue() {
    return "True".equals(status());
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Condition}. */
  final class Builder extends ImmutableCondition.Builder {}
}
