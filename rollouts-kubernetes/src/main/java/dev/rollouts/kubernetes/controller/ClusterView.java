package dev.rollouts.kubernetes.controller;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import java.util.Optional;

/**
 * What a {@link RolloutSync} reads: a cache of the cluster's objects (the controller's informers,
 * or a java-operator-sdk operator's event sources). Implementations map objects to Rollouts with
 * {@link RolloutReferences}, so that every cache sees the same objects as a Rollout's.
 */
public interface ClusterView {

  /** The Rollout of {@code key} ({@code namespace/name}), if the cache holds it and it is ours. */
  Optional<RolloutResource> rollout(String key);

  /** The Rollout and the objects around it ({@link RolloutReferences#stateOf}). */
  ClusterState stateOf(RolloutResource rollout);

  /**
   * The {@code resourceVersion} the cache holds for {@code kind} {@code key}, if it holds the
   * object; for a kind it does not cache, any present value (a sync never waits for it).
   */
  Optional<String> resourceVersion(String kind, String key);
}
