package dev.rollouts.core.status;

/** Why a Rollout paused, as written in {@code status.pauseConditions[].reason}. */
public enum PauseReason {
  /** A canary {@code pause} step. */
  CanaryPauseStep,
  /** A blue-green Rollout waiting for promotion. */
  BlueGreenPause,
  /** An analysis run ended inconclusive. */
  InconclusiveAnalysisRun,
  /** An experiment ended inconclusive. */
  InconclusiveExperiment
}
