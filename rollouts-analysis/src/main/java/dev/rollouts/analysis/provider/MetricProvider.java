package dev.rollouts.analysis.provider;

import dev.rollouts.analysis.spec.Metric;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A metric provider plug-in: takes one measurement of a metric whose {@code provider} names its
 * {@link #type()} ({@code prometheus}, {@code web}, {@code job} …).
 *
 * <p>Contract, which {@link MeasurementRunner} checks, naming the plug-in that breaks it:
 *
 * <ul>
 *   <li>{@link #run} never blocks the calling thread: it returns at once a stage that completes
 *       later (the JDK's {@code HttpClient.sendAsync}, an executor). It never throws and never
 *       completes exceptionally for a bad metric or an unreachable server: it answers a {@link
 *       ProviderResult.Failure} that says what went wrong, without secrets.
 *   <li>A synchronous provider answers a {@link ProviderResult.Value} or {@link
 *       ProviderResult.Failure}. Only an {@link AsynchronousMetricProvider} may answer an in-flight
 *       measurement; it is resumed, terminated and garbage-collected through that interface.
 * </ul>
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (a public no-argument
 * constructor and a {@code META-INF/services/dev.rollouts.analysis.provider.MetricProvider} entry),
 * or registered in {@link MetricProviders#with}.
 */
public interface MetricProvider {

  /** The provider's key in a metric's {@code provider} map, e.g. {@code prometheus}. */
  String type();

  /** Takes a measurement of {@code request.metric()}. */
  CompletionStage<ProviderResult> run(MeasurementRequest request);

  /**
   * Details stored once in the metric's result when it is first measured (Argo's {@code
   * GetMetadata}: Prometheus stores {@code ResolvedPrometheusQuery}); empty by default.
   */
  default Map<String, String> metadata(Metric metric) {
    return Map.of();
  }
}
