package dev.rollouts.core.status;

import java.time.Instant;

/**
 * One entry of {@code status.pauseConditions}. A promote removes them all.
 *
 * @param reason why the Rollout paused
 * @param startTime when the pause began; a timed pause ends this long after it
 */
public record PauseCondition(PauseReason reason, Instant startTime) {}
