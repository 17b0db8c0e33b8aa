package dev.rollouts.core.traffic;

/**
 * The pods of one ReplicaSet, as a weighting sees them.
 *
 * @param specReplicas {@code spec.replicas}
 * @param availableReplicas {@code status.availableReplicas}
 */
public record ReplicaSetCounts(int specReplicas, int availableReplicas) {}
