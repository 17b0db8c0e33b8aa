package dev.rollouts.core.internal;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.status.Condition;
import dev.rollouts.core.status.ConditionReason;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.Phase;
import dev.rollouts.core.status.RolloutStatus;
import java.util.Optional;

/**
 * The Decision for an invalid Rollout: the {@code InvalidSpec} condition with the message, phase
 * {@code Degraded}, and nothing scaled, selected or routed.
 */
final class InvalidSpec {

  private InvalidSpec() {}

  static Decision decision(Sync sync, String message) {
    Optional<Condition> existing = sync.conditions().get(ConditionType.InvalidSpec);
    if (existing.isEmpty() || !existing.get().message().equals(message)) {
      sync.conditions()
          .replace(
              ConditionType.InvalidSpec,
              Conditions.TRUE,
              ConditionReason.InvalidSpec.value(),
              message,
              sync.now());
      sync.event(RolloutEvent.warning(EventReason.InvalidSpec, message));
    }
    RolloutStatus status =
        RolloutStatus.builder()
            .from(sync.rollout().status())
            .conditions(sync.conditions().list())
            .observedGeneration(Long.toString(sync.rollout().generation()))
            .phase(Phase.Degraded)
            .message("InvalidSpec: " + message)
            .build();
    return sync.toDecision(status);
  }
}
