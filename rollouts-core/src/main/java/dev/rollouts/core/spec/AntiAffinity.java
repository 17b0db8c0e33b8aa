package dev.rollouts.core.spec;

/**
 * {@code antiAffinity}: keep the new ReplicaSet's pods off the nodes of the previous ReplicaSet's
 * pods, either as a preference with a weight or as a requirement.
 */
public sealed interface AntiAffinity {

  /**
   * {@code preferredDuringSchedulingIgnoredDuringExecution: {weight: N}}.
   *
   * @param weight 1..100
   */
  record Preferred(int weight) implements AntiAffinity {}

  /** {@code requiredDuringSchedulingIgnoredDuringExecution: {}}. */
  record Required() implements AntiAffinity {}
}
