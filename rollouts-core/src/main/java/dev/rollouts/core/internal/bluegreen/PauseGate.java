package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.internal.PauseState;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pause before the active Service switches, as Argo's reconcileBlueGreenPause and
 * CompletedBlueGreenPause decide it.
 *
 * <p>Once the new ReplicaSet has its preview pods available, a Rollout with {@code
 * autoPromotionEnabled: false} or {@code autoPromotionSeconds > 0} gets a {@code BlueGreenPause}
 * pause condition. It is over when the user promotes (clears the pause conditions while {@code
 * controllerPause} stays true) or, with auto-promotion, {@code autoPromotionSeconds} after the
 * condition's start time. With {@code autoPromotionEnabled: false}, {@code autoPromotionSeconds} is
 * ignored. A fast-tracked update, one already past its preview checkpoint, or one with
 * auto-promotion and no delay does not pause.
 *
 * <p>One deliberate difference from Argo: a promote during an {@code autoPromotionSeconds}
 * countdown promotes, as it does without auto-promotion. Argo's CompletedBlueGreenPause ignores it
 * there, so the next sync pauses again and the countdown restarts.
 *
 * <p>Example: {@code autoPromotionSeconds: 30}, paused at 12:00:00 → the condition is removed and
 * the active Service switched by the first sync at or after 12:00:30, which the Decision asks for.
 */
final class PauseGate {

  private final BlueGreenSync bg;

  PauseGate(BlueGreenSync bg) {
    this.bg = bg;
  }

  /**
   * Adds or removes the {@code BlueGreenPause} condition; asks to be called back at auto-promotion.
   */
  void reconcile() {
    PauseState pause = bg.sync().pause();
    if (bg.aborted() || !bg.readyForPause() || bg.halted()) {
      return;
    }
    RolloutStatus previous = bg.previous();
    if (bg.fastTracked()
        || previous.blueGreen().scaleUpPreviewCheckPoint()
        || !bg.needsControllerPause()) {
      pause.removePause(PauseReason.BlueGreenPause);
      return;
    }
    if (PromotionAnalysis.prePromotionPending(bg)) {
      return;
    }
    Optional<PauseCondition> condition = pause.previousCondition(PauseReason.BlueGreenPause);
    if (condition.isPresent()) {
      if (completed()) {
        pause.removePause(PauseReason.BlueGreenPause);
      } else {
        autoPromotionAt(condition.get().startTime())
            .ifPresent(at -> bg.sync().requeueAfter(Duration.between(bg.sync().now(), at)));
      }
    } else if (!previous.controllerPause()) {
      pause.addPause(PauseReason.BlueGreenPause);
      autoPromotionAt(bg.sync().now())
          .ifPresent(at -> bg.sync().requeueAfter(Duration.between(bg.sync().now(), at)));
    }
  }

  /**
   * Argo's CompletedBlueGreenPause: whether the pause before the switch is over (or never needed):
   * the user promoted (the condition is gone while {@code controllerPause} is still true), or the
   * auto-promotion time came. False in the sync that adds the pause.
   */
  boolean completed() {
    PauseState pause = bg.sync().pause();
    RolloutStatus previous = bg.previous();
    if (pause.hasAddedPause()) {
      return false;
    }
    if (previous.blueGreen().scaleUpPreviewCheckPoint() || !bg.needsControllerPause()) {
      return true;
    }
    Optional<PauseCondition> condition = pause.previousCondition(PauseReason.BlueGreenPause);
    if (condition.isEmpty()) {
      return previous.controllerPause();
    }
    return autoPromotionAt(condition.get().startTime())
        .map(at -> !bg.sync().now().isBefore(at))
        .orElse(false);
  }

  /**
   * When a pause that began at {@code start} auto-promotes, if the strategy auto-promotes after a
   * delay.
   */
  private Optional<Instant> autoPromotionAt(Instant start) {
    BlueGreenStrategy strategy = bg.strategy();
    int seconds = strategy.autoPromotionSeconds().orElse(0);
    if (!strategy.effectiveAutoPromotionEnabled() || seconds <= 0) {
      return Optional.empty();
    }
    return Optional.of(start.plusSeconds(seconds));
  }
}
