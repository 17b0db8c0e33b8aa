package dev.rollouts.core.internal.bluegreen;

/**
 * {@code prePromotionAnalysis} and {@code postPromotionAnalysis} without the analysis capability.
 *
 * <p>Argo runs the pre-promotion analysis once the preview is ready and switches the active Service
 * only after it succeeds; it runs the post-promotion analysis after the switch and marks the new
 * ReplicaSet stable only after that succeeds. This engine cannot run analyses yet, so a Rollout
 * that names one waits at that point, with the Progressing condition saying why ({@value #REASON}),
 * and the progress deadline does not run. A full promotion ({@code status.promoteFull}, {@code
 * kubectl argo rollouts promote --full}) skips both, as in Argo.
 */
final class PromotionAnalysis {

  /** The Progressing condition's reason while a Rollout waits on an analysis it cannot run. */
  static final String REASON = "AnalysisNotSupported";

  private PromotionAnalysis() {}

  /** Argo's !completedPrePromotionAnalysis: a pre-promotion analysis is named and cannot run. */
  static boolean prePromotionPending(BlueGreenSync bg) {
    return bg.strategy().prePromotionAnalysis().isPresent();
  }

  /** Whether this sync waits on the pre-promotion analysis before switching the active Service. */
  static boolean waitsBeforeSwitch(BlueGreenSync bg) {
    return prePromotionPending(bg)
        && !bg.aborted()
        && !bg.halted()
        && !bg.fastTracked()
        && bg.readyForPause();
  }

  /**
   * Whether the post-promotion analysis keeps the new ReplicaSet from becoming stable once the
   * active Service selects it; a rollback within the scale-down delay skips it, as in Argo.
   */
  static boolean waitsAfterSwitch(BlueGreenSync bg, boolean activeSelectsNew) {
    return bg.strategy().postPromotionAnalysis().isPresent()
        && activeSelectsNew
        && !bg.newIsStable()
        && !bg.previous().promoteFull()
        && !bg.aborted()
        && bg.newRS().scaleDownDeadline().isEmpty();
  }

  /** Records on the sync that the Rollout waits on {@code field}. */
  static void report(BlueGreenSync bg, String field) {
    bg.sync()
        .blockedBy(
            REASON,
            String.format(
                "spec.strategy.blueGreen.%s needs the analysis capability, which this engine does not have yet;"
                    + " promote the Rollout fully (kubectl argo rollouts promote --full) to skip it",
                field));
  }
}
