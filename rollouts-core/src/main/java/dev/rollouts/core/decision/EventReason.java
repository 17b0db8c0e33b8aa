package dev.rollouts.core.decision;

/**
 * The reasons of the events the engine records, spelt as Argo Rollouts spells them; {@link
 * RolloutEvent#reason()} is the constant's name.
 */
public enum EventReason {
  /** A ReplicaSet for the new template was created. */
  NewReplicaSetCreated,
  /** The Rollout moved to a new revision. */
  RolloutUpdated,
  /** A ReplicaSet was scaled up or down. */
  ScalingReplicaSet,
  /** A canary step was completed. */
  RolloutStepCompleted,
  /** The Rollout paused. */
  RolloutPaused,
  /** The Rollout resumed. */
  RolloutResumed,
  /** The Rollout was aborted. */
  RolloutAborted,
  /** The update completed: the new ReplicaSet is stable. */
  RolloutCompleted,
  /** An update started and is not complete. */
  RolloutNotCompleted,
  /** The traffic router was asked for a new weight. */
  TrafficWeightUpdated,
  /** The traffic router reported a problem. */
  TrafficRoutingError,
  /** A Service was switched to another ReplicaSet. */
  SwitchService,
  /** A rollback to the stable ReplicaSet skipped the steps. */
  SkipSteps,
  /** The spec is invalid. */
  InvalidSpec
}
