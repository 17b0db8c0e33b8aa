package dev.rollouts.core.decision;

import dev.rollouts.core.spec.AntiAffinity;

/**
 * A pod anti-affinity term to add to a new ReplicaSet's pod template: keep its pods away from the
 * pods of {@code podTemplateHash}.
 *
 * @param podTemplateHash the pod-template hash of the ReplicaSet to stay away from
 * @param kind preferred with a weight, or required
 */
public record AntiAffinityRule(String podTemplateHash, AntiAffinity kind) {}
