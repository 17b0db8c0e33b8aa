package dev.rollouts.kubernetes.mapping;

import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;

/**
 * A {@link ClusterState} as the engine sees it: the arguments of {@code RolloutEngine.decide}.
 *
 * @param rollout the Rollout, spec and status
 * @param observed its ReplicaSets, the Services its strategy names, the routing objects
 */
public record MappedRollout(Rollout rollout, Observed observed) {}
