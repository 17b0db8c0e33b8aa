package dev.rollouts.core.traffic;

/**
 * How many pods the canary and the stable ReplicaSet should have after one step of scaling.
 *
 * @param canary desired {@code spec.replicas} of the canary (new) ReplicaSet
 * @param stable desired {@code spec.replicas} of the stable ReplicaSet
 */
public record ReplicaSplit(int canary, int stable) {}
