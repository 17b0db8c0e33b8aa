package dev.rollouts.kubernetes.apply;

import dev.rollouts.core.decision.RolloutEvent;
import java.util.List;
import org.immutables.value.Value;

/** What applying one Decision wrote: objects, in order, and the events recorded. */
@Value.Immutable
public interface AppliedDecision {

  /** The writes, in the order they were made. */
  List<ObjectWrite> writes();

  /** The events recorded on the Rollout, in order. */
  List<RolloutEvent> events();

  /** Whether the Decision asked for nothing the cluster did not already have. */
  default boolean noop() {
    return writes().isEmpty();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AppliedDecision}. */
  final class Builder extends ImmutableAppliedDecision.Builder {}
}
