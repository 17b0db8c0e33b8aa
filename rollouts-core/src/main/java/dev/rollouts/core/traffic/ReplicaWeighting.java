package dev.rollouts.core.traffic;

/**
 * Weights a canary by replica counts alone, with no traffic router: the canary's share of pods
 * approximates the step's weight.
 *
 * <p>Contract, checked by the engine (which names the plug-in that broke it):
 *
 * <ul>
 *   <li>the split never asks for more than {@code replicas + maxSurge} pods in all, counting older
 *       ReplicaSets at their current size, unless the current total is already above it (then it
 *       never adds pods);
 *   <li>it never asks to scale down pods whose loss would leave fewer than {@code replicas -
 *       maxUnavailable} available;
 *   <li>equal requests get equal splits.
 * </ul>
 */
public non-sealed interface ReplicaWeighting extends TrafficPlugin {

  /** The name of the weighting used when a Rollout names no traffic router. */
  String DEFAULT_NAME = "replicaset";

  /** The replica counts for the canary and the stable ReplicaSet after this step of scaling. */
  ReplicaSplit split(WeightingRequest request);
}
