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
 * @param number which measurement of the metric this is, from 1: Argo's {@code count + error + 1},
 *     which the Job provider puts in the Job's name
 */
public record MeasurementRequest(
    String runName,
    String namespace,
    Optional<String> runUid,
    Metric metric,
    Instant now,
    int number) {

  /** The first measurement of {@code metric}. */
  public MeasurementRequest(
      String runName, String namespace, Optional<String> runUid, Metric metric, Instant now) {
    this(runName, namespace, runUid, metric, now, 1);
  }
}
