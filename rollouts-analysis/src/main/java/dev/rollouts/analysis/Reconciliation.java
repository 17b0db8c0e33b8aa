package dev.rollouts.analysis;

import dev.rollouts.analysis.status.AnalysisRunStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What one reconcile of an AnalysisRun asks for. */
@Value.Immutable
public interface Reconciliation {

  /** The new {@code status}; equal to the old one when nothing changed. */
  AnalysisRunStatus status();

  /** Events to record on the run. */
  List<AnalysisEvent> events();

  /** When to reconcile again even if nothing changes: the next measurement is due, a TTL ends. */
  Optional<Duration> requeueAfter();

  /** Metrics whose measurement history was trimmed: their providers garbage-collect. */
  List<GarbageCollection> garbageCollections();

  /** Whether to delete the run: it is completed and its {@code ttlStrategy} has passed. */
  @Value.Default
  default boolean delete() {
    return false;
  }

  /**
   * A metric whose measurements were trimmed to {@code limit}.
   *
   * @param metricName the metric
   * @param limit how many measurements it keeps
   */
  record GarbageCollection(String metricName, int limit) {}

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Reconciliation}. */
  final class Builder extends ImmutableReconciliation.Builder {}
}
