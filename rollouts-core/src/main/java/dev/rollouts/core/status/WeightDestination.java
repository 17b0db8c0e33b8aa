package dev.rollouts.core.status;

import java.util.Optional;

/**
 * One side of {@code status.canary.weights}.
 *
 * @param weight the traffic weight this side receives
 * @param serviceName the Service the traffic reaches
 * @param podTemplateHash the ReplicaSet behind that Service
 */
public record WeightDestination(
    int weight, Optional<String> serviceName, Optional<String> podTemplateHash) {}
