package dev.rollouts.core.decision;

import dev.rollouts.core.spec.PodMetadata;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A ReplicaSet to create for the Rollout's current pod template: named {@code
 * <rollout>-<podTemplateHash>}, labelled {@code rollouts-pod-template-hash: <podTemplateHash>},
 * annotated with {@code rollout.argoproj.io/revision}.
 */
@Value.Immutable
public interface ReplicaSetCreation {

  /** {@code metadata.name}: {@code <rollout>-<podTemplateHash>}. */
  String name();

  /** The {@code rollouts-pod-template-hash} label, on the ReplicaSet, its selector and pods. */
  String podTemplateHash();

  /** {@code spec.replicas}. */
  int replicas();

  /** The {@code rollout.argoproj.io/revision} annotation. */
  long revision();

  /** An anti-affinity term to add to the pod template, from {@code antiAffinity}. */
  Optional<AntiAffinityRule> antiAffinity();

  /**
   * Ephemeral labels and annotations to add to the pod template ({@code previewMetadata} or {@code
   * activeMetadata} of a blue-green Rollout); absent when the strategy injects none.
   */
  Optional<PodMetadata> podMetadata();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReplicaSetCreation}. */
  final class Builder extends ImmutableReplicaSetCreation.Builder {}
}
