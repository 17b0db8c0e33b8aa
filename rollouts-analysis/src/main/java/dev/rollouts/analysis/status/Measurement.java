package dev.rollouts.analysis.status;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One measurement of a metric ({@code status.metricResults[].measurements[]}). A measurement with
 * no {@link #finishedAt()} is in flight (a Job still running), to be resumed at {@link
 * #resumeAt()}.
 */
@Value.Immutable
public interface Measurement {

  /** {@code phase}. */
  AnalysisPhase phase();

  /** {@code message}: why it is not Successful, or why it ended as it did. */
  Optional<String> message();

  /** {@code startedAt}. */
  Optional<Instant> startedAt();

  /** {@code finishedAt}; empty while in flight. */
  Optional<Instant> finishedAt();

  /** {@code value}: the measured value as text ({@code 0.95}, {@code [0.99,0.98]}, {@code NaN}). */
  Optional<String> value();

  /** {@code metadata}: provider details ({@code job-name} …). */
  Map<String, String> metadata();

  /** {@code resumeAt}: when to look at an in-flight measurement again. */
  Optional<Instant> resumeAt();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Measurement}. */
  final class Builder extends ImmutableMeasurement.Builder {}
}
