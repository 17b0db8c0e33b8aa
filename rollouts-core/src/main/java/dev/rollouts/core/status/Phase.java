package dev.rollouts.core.status;

/** {@code status.phase}, as Argo Rollouts computes it. */
public enum Phase {
  /** Fully promoted and available. */
  Healthy,
  /** An update or a scale is in progress. */
  Progressing,
  /** Waiting: a pause step, a blue-green pause, or {@code spec.paused}. */
  Paused,
  /** Aborted, past its progress deadline, or otherwise failed. */
  Degraded
}
