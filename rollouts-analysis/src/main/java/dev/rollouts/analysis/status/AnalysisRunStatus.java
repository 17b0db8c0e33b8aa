package dev.rollouts.analysis.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The {@code status} of an {@code AnalysisRun}. */
@Value.Immutable
public interface AnalysisRunStatus {

  /** {@code phase}; empty before the first reconcile. */
  Optional<AnalysisPhase> phase();

  /** {@code message}: why the run ended as it did. */
  Optional<String> message();

  /** {@code metricResults}, in the order metrics were first measured. */
  List<MetricResult> metricResults();

  /** {@code startedAt}: set on the first reconcile. */
  Optional<Instant> startedAt();

  /** {@code completedAt}: set when the run completes. */
  Optional<Instant> completedAt();

  /** {@code runSummary}. */
  Optional<RunSummary> runSummary();

  /** {@code dryRunSummary}. */
  Optional<RunSummary> dryRunSummary();

  /** Fields this library does not know, kept as written. */
  Map<String, Object> extra();

  /** Whether the run is completed: its phase is Successful, Failed, Error or Inconclusive. */
  default boolean completed() {
    return phase().map(AnalysisPhase::completed).orElse(false);
  }

  /** The result of the named metric, if it has one. */
  default Optional<MetricResult> result(String metricName) {
    return metricResults().stream().filter(r -> r.name().equals(metricName)).findFirst();
  }

  /** The status of a run that has not been reconciled yet. */
  static AnalysisRunStatus initial() {
    return builder().build();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AnalysisRunStatus}. */
  final class Builder extends ImmutableAnalysisRunStatus.Builder {}
}
