package dev.rollouts.analysis;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import dev.rollouts.analysis.status.MetricResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Drives the engine as a controller would: tasks, answers, reconcile, write the status. */
final class Driver {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final AnalysisRunEngine engine = AnalysisRunEngine.create();
  AnalysisRun run;
  Instant now = T0;
  List<MeasurementTask> tasks = List.of();
  Reconciliation last;

  Driver(AnalysisRun run) {
    this.run = run;
  }

  static Driver of(Metric... metrics) {
    return new Driver(run(AnalysisRunSpec.builder().addMetrics(metrics).build()));
  }

  static AnalysisRun run(AnalysisRunSpec spec) {
    return AnalysisRun.builder().name("run").namespace("default").spec(spec).build();
  }

  /** A metric measured by the fake provider. */
  static Metric.Builder metric(String name) {
    return Metric.builder().name(name).provider(Map.of("fake", Map.of()));
  }

  static ProviderResult decided(AnalysisPhase phase) {
    return new ProviderResult.Decided(Measurement.builder().phase(phase).build());
  }

  static ProviderResult decided(AnalysisPhase phase, String message) {
    return new ProviderResult.Decided(Measurement.builder().phase(phase).message(message).build());
  }

  /** One reconcile, answering every task with {@code answer}. */
  Reconciliation step(Function<MeasurementTask, ProviderResult> answer) {
    tasks = engine.tasks(run, now);
    MeasurementResults.Builder results = MeasurementResults.builder();
    tasks.forEach(t -> results.putResult(t.metricName(), answer.apply(t)));
    last = engine.reconcile(run, now, results.build());
    run = run.withStatus(last.status());
    return last;
  }

  Reconciliation step(AnalysisPhase phase) {
    return step(t -> decided(phase));
  }

  Driver advance(Duration d) {
    now = now.plus(d);
    return this;
  }

  Driver advanceSeconds(long s) {
    return advance(Duration.ofSeconds(s));
  }

  MetricResult result(String name) {
    return run.status().result(name).orElseThrow();
  }

  AnalysisPhase phase() {
    return run.status().phase().orElseThrow();
  }
}
