package dev.rollouts.core.decision;

import dev.rollouts.core.spec.PodMetadata;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The desired state of one existing ReplicaSet: what the applier makes true, changing only what
 * differs from what it observed.
 */
@Value.Immutable
public interface ReplicaSetUpdate {

  /** {@code metadata.name}. */
  String name();

  /** Desired {@code spec.replicas}. */
  int replicas();

  /** Desired {@code scale-down-deadline} annotation: present to set it, absent to remove it. */
  Optional<Instant> scaleDownDeadline();

  /** Desired {@code rollout.argoproj.io/revision} annotation. */
  long revision();

  /**
   * The ephemeral labels and annotations the ReplicaSet's pod template and its running pods should
   * carry, replacing those injected before (empty maps remove them all); absent when the strategy
   * does not manage ephemeral metadata, so the applier leaves it alone. Argo records what it
   * injected in the {@code rollout.argoproj.io/ephemeral-metadata} annotation.
   */
  Optional<PodMetadata> podMetadata();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReplicaSetUpdate}. */
  final class Builder extends ImmutableReplicaSetUpdate.Builder {}
}
