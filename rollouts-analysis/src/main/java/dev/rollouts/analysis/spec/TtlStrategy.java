package dev.rollouts.analysis.spec;

import java.util.Optional;

/**
 * {@code spec.ttlStrategy} of an AnalysisRun: how long a completed run lives before it is deleted.
 *
 * @param secondsAfterCompletion for any completed run without a more specific value
 * @param secondsAfterSuccess for a Successful run
 * @param secondsAfterFailure for a Failed run
 */
public record TtlStrategy(
    Optional<Integer> secondsAfterCompletion,
    Optional<Integer> secondsAfterSuccess,
    Optional<Integer> secondsAfterFailure) {}
