package dev.rollouts.kubernetes.controller;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.status.AnalysisPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AnalysisMetrics} in a Micrometer registry: gauge {@code analysis_run_phase{phase}} (runs
 * in each phase; {@code Pending} before the first reconcile), timer {@code
 * analysis_run_metric_measurement{provider}} and counter {@code
 * analysis_run_metric_measurement_error{provider}} (measurements that were an Error).
 */
public final class MicrometerAnalysisMetrics implements AnalysisMetrics {

  private final MeterRegistry registry;
  private final Map<String, AnalysisPhase> phases = new ConcurrentHashMap<>();

  /** Metrics in {@code registry}; the phase gauges are registered at once. */
  public MicrometerAnalysisMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (AnalysisPhase phase : AnalysisPhase.values()) {
      Gauge.builder(
              "analysis_run_phase",
              phases,
              m -> m.values().stream().filter(p -> p == phase).count())
          .tag("phase", phase.name())
          .description("AnalysisRuns in each phase")
          .register(registry);
    }
  }

  @Override
  public void runPhase(String namespace, String name, Optional<AnalysisPhase> phase) {
    phases.put(namespace + "/" + name, phase.orElse(AnalysisPhase.Pending));
  }

  @Override
  public void runRemoved(String namespace, String name) {
    phases.remove(namespace + "/" + name);
  }

  @Override
  public void measured(String provider, Duration took, ProviderResult result) {
    Timer.builder("analysis_run_metric_measurement")
        .tag("provider", provider)
        .description("How long a provider call took")
        .register(registry)
        .record(took);
    if (result instanceof ProviderResult.Failure) {
      Counter.builder("analysis_run_metric_measurement_error")
          .tag("provider", provider)
          .description("Measurements that could not be taken")
          .register(registry)
          .increment();
    }
  }
}
