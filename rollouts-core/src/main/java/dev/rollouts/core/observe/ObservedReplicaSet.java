package dev.rollouts.core.observe;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A ReplicaSet controlled by the Rollout, as observed.
 *
 * <p>{@code podTemplateHash} is the value of its {@code rollouts-pod-template-hash} label; {@code
 * templateHash} the fingerprint of its template computed exactly as {@link
 * dev.rollouts.core.spec.PodTemplate#hash()} is, so that a ReplicaSet created by another controller
 * for the same template is recognised.
 */
@Value.Immutable
public interface ObservedReplicaSet {

  /**
   * {@code rollouts-pod-template-hash}: the label that ties a ReplicaSet, its pods and a Service
   * selector to one pod template, as Argo's {@code DefaultRolloutUniqueLabelKey}. The one owner of
   * the name: the engine's selectors and the adapter's labels use it.
   */
  String POD_TEMPLATE_HASH_LABEL = "rollouts-pod-template-hash";

  /** {@code metadata.name}. */
  String name();

  /** The {@code rollouts-pod-template-hash} label. */
  String podTemplateHash();

  /** The fingerprint of its pod template; see {@link dev.rollouts.core.spec.PodTemplate}. */
  String templateHash();

  /** The {@code rollout.argoproj.io/revision} annotation; 0 when absent. */
  @Value.Default
  default long revision() {
    return 0;
  }

  /** {@code spec.replicas}. */
  int specReplicas();

  /** {@code status.replicas}: pods that exist. */
  @Value.Default
  default int statusReplicas() {
    return 0;
  }

  /** {@code status.readyReplicas}. */
  @Value.Default
  default int readyReplicas() {
    return 0;
  }

  /** {@code status.availableReplicas}: pods ready for at least {@code minReadySeconds}. */
  @Value.Default
  default int availableReplicas() {
    return 0;
  }

  /** {@code metadata.creationTimestamp}. */
  Instant creationTime();

  /** The {@code scale-down-deadline} annotation: when this ReplicaSet may scale to zero. */
  Optional<Instant> scaleDownDeadline();

  /** The {@code rollout.argoproj.io/desired-replicas} annotation. */
  Optional<Integer> desiredReplicasAnnotation();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ObservedReplicaSet}. */
  final class Builder extends ImmutableObservedReplicaSet.Builder {}
}
