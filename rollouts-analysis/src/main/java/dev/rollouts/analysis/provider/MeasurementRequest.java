package dev.rollouts.analysis.provider;

import dev.rollouts.analysis.spec.Metric;
import java.time.Instant;
import java.util.Optional;

/**
 * One measurement asked of a provider.
 *
 * @param runName the AnalysisRun's name
 * @param namespace the AnalysisRun's namespace
 * @param runUid the AnalysisRun's uid, once it exists in a cluster
 * @param metric the metric, with every argument substituted (secrets included: never log it)
 * @param now the time of the reconcile that asks
 */
public record MeasurementRequest(
    String runName, String namespace, Optional<String> runUid, Metric metric, Instant now) {}
