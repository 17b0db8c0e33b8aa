package dev.rollouts.kubernetes.mapping;

/**
 * The labels and annotations Argo Rollouts puts on ReplicaSets and Rollouts, with the keys it uses.
 */
public final class Annotations {

  private Annotations() {}

  /**
   * Label on a ReplicaSet, its selector and its pods: the pod-template hash that tells the
   * ReplicaSets of one Rollout apart.
   */
  public static final String POD_TEMPLATE_HASH_LABEL =
      dev.rollouts.core.observe.ObservedReplicaSet.POD_TEMPLATE_HASH_LABEL;

  /**
   * Annotation on a Rollout and its ReplicaSets: the revision, a decimal integer. A new ReplicaSet
   * gets one more than the highest revision of the others.
   */
  public static final String REVISION = "rollout.argoproj.io/revision";

  /**
   * Annotation on a ReplicaSet: {@code spec.replicas} of the Rollout when the ReplicaSet was last
   * scaled, a decimal integer. A ReplicaSet whose annotation differs from the Rollout's replicas
   * marks a scaling event.
   */
  public static final String DESIRED_REPLICAS = "rollout.argoproj.io/desired-replicas";

  /**
   * Annotation on a ReplicaSet: when it may be scaled to zero, RFC 3339 in UTC with seconds
   * precision ({@code 2026-01-01T00:00:30Z}). Argo's {@code
   * DefaultReplicaSetScaleDownDeadlineAnnotationKey}: the key has no prefix.
   */
  public static final String SCALE_DOWN_DEADLINE = "scale-down-deadline";

  /**
   * Annotation on a ReplicaSet: the labels and annotations Argo added to its pod template from
   * {@code canaryMetadata}/{@code stableMetadata}, as JSON {@code
   * {"labels":{…},"annotations":{…}}}.
   */
  public static final String EPHEMERAL_METADATA = "rollout.argoproj.io/ephemeral-metadata";
}
