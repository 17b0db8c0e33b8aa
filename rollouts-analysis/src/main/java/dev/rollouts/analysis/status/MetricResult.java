package dev.rollouts.analysis.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The result of one metric so far ({@code status.metricResults[]}).
 *
 * <p>{@link #count()} is {@code successful + failed + inconclusive}: errors are not counted, so a
 * metric with {@code count: 3} takes three non-error measurements.
 */
@Value.Immutable
public interface MetricResult {

  /** {@code name}, the metric's. */
  String name();

  /** {@code phase}. */
  AnalysisPhase phase();

  /** {@code measurements}, oldest first, at most the retention limit (default 10). */
  List<Measurement> measurements();

  /** {@code message}: the last measurement's message when the phase last changed. */
  Optional<String> message();

  /** {@code count}: Successful, Failed and Inconclusive measurements. */
  @Value.Default
  default int count() {
    return 0;
  }

  /** {@code successful}. */
  @Value.Default
  default int successful() {
    return 0;
  }

  /** {@code failed}. */
  @Value.Default
  default int failed() {
    return 0;
  }

  /** {@code inconclusive}. */
  @Value.Default
  default int inconclusive() {
    return 0;
  }

  /** {@code error}. */
  @Value.Default
  default int error() {
    return 0;
  }

  /** {@code consecutiveError}: Error measurements since the last non-error one. */
  @Value.Default
  default int consecutiveError() {
    return 0;
  }

  /** {@code consecutiveSuccess}: Successful measurements since the last other one. */
  @Value.Default
  default int consecutiveSuccess() {
    return 0;
  }

  /** {@code dryRun}: whether the metric runs in dry-run mode. */
  @Value.Default
  default boolean dryRun() {
    return false;
  }

  /** {@code metadata}: provider details ({@code ResolvedPrometheusQuery} …). */
  Map<String, String> metadata();

  /** The last measurement, if any. */
  default Optional<Measurement> lastMeasurement() {
    List<Measurement> all = measurements();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MetricResult}. */
  final class Builder extends ImmutableMetricResult.Builder {}
}
