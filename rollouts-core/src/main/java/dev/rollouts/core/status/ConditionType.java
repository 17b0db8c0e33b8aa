package dev.rollouts.core.status;

/** The condition types Argo Rollouts writes, spelt as it spells them. */
public enum ConditionType {
  /** Enough pods are available ({@code replicas - maxUnavailable}). */
  Available,
  /** The update progresses, or why it does not. */
  Progressing,
  /** The Rollout is fully promoted and available. */
  Healthy,
  /** The Rollout is paused, by a step or by the user. */
  Paused,
  /** The latest update completed. */
  Completed,
  /** The spec is invalid; the message names the field. */
  InvalidSpec,
  /** A ReplicaSet could not be created or scaled. */
  ReplicaFailure
}
