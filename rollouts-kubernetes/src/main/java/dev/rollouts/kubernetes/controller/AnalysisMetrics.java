package dev.rollouts.kubernetes.controller;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.status.AnalysisPhase;
import java.time.Duration;
import java.util.Optional;

/**
 * What the AnalysisRun controller reports: each run's phase (for runs by phase) and each
 * measurement's latency and errors per provider. {@link MicrometerAnalysisMetrics} reports them to
 * a Micrometer registry. Thread-safe and fast.
 */
public interface AnalysisMetrics {

  /** A run's phase after a reconcile; empty before its first. */
  void runPhase(String namespace, String name, Optional<AnalysisPhase> phase);

  /** A run is gone. */
  void runRemoved(String namespace, String name);

  /** A provider call took {@code took} and answered {@code result}. */
  void measured(String provider, Duration took, ProviderResult result);

  /** Reports nothing. */
  static AnalysisMetrics none() {
    return new AnalysisMetrics() {
      @Override
      public void runPhase(String namespace, String name, Optional<AnalysisPhase> phase) {}

      @Override
      public void runRemoved(String namespace, String name) {}

      @Override
      public void measured(String provider, Duration took, ProviderResult result) {}
    };
  }
}
