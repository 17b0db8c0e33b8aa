package dev.rollouts.core.status;

import java.util.Optional;

/**
 * {@code status.canary.weights}: the weights the traffic router was last told to apply.
 *
 * @param canary the canary side
 * @param stable the stable side
 * @param verified whether the router confirmed the weight, when it can tell
 */
public record TrafficWeights(
    WeightDestination canary, WeightDestination stable, Optional<Boolean> verified) {}
