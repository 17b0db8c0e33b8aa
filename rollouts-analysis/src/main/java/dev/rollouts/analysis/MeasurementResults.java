package dev.rollouts.analysis;

import dev.rollouts.analysis.provider.ProviderResult;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The answers to the {@link MeasurementTask}s the engine asked for, by metric name, and what the
 * engine needs to record them: each metric's provider metadata, the secret values to mask, or why
 * the arguments could not be resolved.
 */
@Value.Immutable
public interface MeasurementResults {

  /** The provider's answer for each task, by metric name. */
  Map<String, ProviderResult> results();

  /** Provider metadata for a metric's result ({@code ResolvedPrometheusQuery}), by metric name. */
  Map<String, Map<String, String>> metricMetadata();

  /** Secret values read for the measurements: replaced by {@code *****} in every message. */
  Set<String> secretValues();

  /**
   * Why the run's arguments could not be resolved (a missing Secret or key), if they could not: the
   * run becomes Error, {@code Unable to resolve metric arguments: <this>}.
   */
  Optional<String> unresolvedArgs();

  /** No results: for a reconcile that asked for no measurement. */
  static MeasurementResults none() {
    return builder().build();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MeasurementResults}. */
  final class Builder extends ImmutableMeasurementResults.Builder {}
}
