package dev.rollouts.analysis.provider;

import dev.rollouts.analysis.status.Measurement;
import java.util.concurrent.CompletionStage;

/**
 * A provider whose measurements stay in flight across reconciles (Argo's Job and Kayenta
 * providers): {@link #run} starts one and answers it Running with a {@code resumeAt}; the engine
 * asks {@link #resume} at that time, or {@link #terminate} when the run ends first. All three are
 * idempotent: a controller that restarts resumes the in-flight measurement written in the run's
 * status, never starts a second one.
 */
public interface AsynchronousMetricProvider extends MetricProvider {

  /** Looks at an in-flight measurement again: still Running, or its final phase. */
  CompletionStage<ProviderResult> resume(MeasurementRequest request, Measurement inFlight);

  /**
   * Stops an in-flight measurement; Argo's Job provider deletes the Job and answers Inconclusive.
   */
  CompletionStage<ProviderResult> terminate(MeasurementRequest request, Measurement inFlight);

  /**
   * Removes what the provider made for measurements the run no longer keeps, keeping the newest
   * {@code limit} (the Job provider deletes older Jobs).
   */
  CompletionStage<Void> garbageCollect(MeasurementRequest request, int limit);
}
