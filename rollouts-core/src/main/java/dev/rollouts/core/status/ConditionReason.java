package dev.rollouts.core.status;

/**
 * The condition reasons the engine writes, with the strings Argo Rollouts uses for them.
 *
 * <p>A {@link Condition} keeps its reason as a string, because a Rollout handed over from another
 * controller may carry reasons this enum does not know.
 */
public enum ConditionReason {
  /** {@code Available=True}: the Rollout has its minimum available pods. */
  AvailableReason("AvailableReason"),
  /** {@code Progressing=True}: a new ReplicaSet was created. */
  NewReplicaSetCreated("NewReplicaSetCreated"),
  /** {@code Progressing=True}: an existing ReplicaSet was found for the template. */
  FoundNewReplicaSet("FoundNewReplicaSet"),
  /** {@code Progressing=True}: a ReplicaSet is being scaled or traffic moved. */
  ReplicaSetUpdated("ReplicaSetUpdated"),
  /** {@code Progressing=True}: the new ReplicaSet is fully available. */
  NewReplicaSetAvailable("NewReplicaSetAvailable"),
  /** {@code Progressing=False}: no progress within {@code progressDeadlineSeconds}. */
  ProgressDeadlineExceeded("ProgressDeadlineExceeded"),
  /** {@code Progressing=Unknown} or {@code Paused=True}: the Rollout paused. */
  RolloutPaused("RolloutPaused"),
  /** {@code Progressing=Unknown}, {@code Paused=False}: the Rollout resumed. */
  RolloutResumed("RolloutResumed"),
  /** {@code Progressing=False}: the Rollout was aborted. */
  RolloutAborted("RolloutAborted"),
  /** {@code Completed=True}: the update completed. */
  RolloutCompleted("RolloutCompleted"),
  /** {@code Healthy=True} or {@code False}. */
  RolloutHealthy("RolloutHealthy"),
  /** {@code InvalidSpec=True}. */
  InvalidSpec("InvalidSpec"),
  /** {@code Progressing=Unknown}: a retry after an abort. */
  RolloutRetry("RolloutRetry"),
  /** {@code Progressing=True}: a fully promoted Rollout lost its minimum availability. */
  ReplicaSetNotAvailable("ReplicaSetNotAvailable"),
  /** {@code Progressing=False}: the traffic router reported a problem (this engine's own). */
  TrafficRoutingError("TrafficRoutingError"),
  /** {@code Progressing=False}: a step needs a capability this engine lacks (its own). */
  StepNotSupported("StepNotSupported"),
  /** {@code ReplicaFailure=True}. */
  FailedRSCreate("ReplicaSetCreateError");

  private final String value;

  ConditionReason(String value) {
    this.value = value;
  }

  /** The reason as written in {@code status.conditions[].reason}. */
  public String value() {
    return value;
  }
}
