package dev.rollouts.benchmarks;

import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.AnalysisRunEngine;
import dev.rollouts.analysis.MeasurementResults;
import dev.rollouts.analysis.MeasurementTask;
import dev.rollouts.analysis.Reconciliation;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.spec.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One AnalysisRun reconcile ({@code engine.tasks} then {@code engine.reconcile}) of a run with
 * three Prometheus-style metrics, an argument templated into each query, every metric with ten
 * measurements of history (the retention limit, so each new one trims one): {@code
 * measuringReconcile} when all three are due and answered with a value judged by {@code result[0]
 * >= 0.95}, {@code idleReconcile} when none is due. Run: {@code java -jar
 * rollouts-benchmarks/target/benchmarks.jar AnalysisReconcile -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisReconcileBenchmark {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProviderResult VALUE =
      new ProviderResult.Value(List.of(0.97), "[0.97]", Optional.of("q"), Map.of());

  private final AnalysisRunEngine engine = AnalysisRunEngine.create();
  private AnalysisRun run;
  private Instant due;
  private Instant idle;
  private MeasurementResults results;

  /** Takes ten measurements of each metric, so the history is full. */
  @Setup
  public void setUp() {
    AnalysisRunSpec.Builder spec = AnalysisRunSpec.builder().addArgs(Argument.of("service", "web"));
    for (String name : List.of("success-rate", "latency", "errors")) {
      spec.addMetrics(
          Metric.builder()
              .name(name)
              .interval("1m")
              .count(IntOrString.of(100))
              .failureLimit(IntOrString.of(3))
              .successCondition("result[0] >= 0.95")
              .provider(
                  Map.of(
                      "prometheus",
                      Map.of(
                          "address",
                          "http://prometheus:9090",
                          "query",
                          "sum(rate(" + name + "{service=\"{{args.service}}\"}[5m]))")))
              .build());
    }
    run = AnalysisRun.builder().name("web-abc-1").namespace("shop").spec(spec.build()).build();
    MeasurementResults.Builder all = MeasurementResults.builder();
    for (String name : List.of("success-rate", "latency", "errors")) {
      all.putResult(name, VALUE);
    }
    results = all.build();
    Instant now = T0;
    for (int i = 0; i < 10; i++) {
      run = run.withStatus(engine.reconcile(run, now, results).status());
      now = now.plusSeconds(60);
    }
    due = now;
    idle = now.minusSeconds(30);
  }

  /** All three metrics due: three measurements judged and recorded, history trimmed. */
  @Benchmark
  public Reconciliation measuringReconcile() {
    List<MeasurementTask> tasks = engine.tasks(run, due);
    if (tasks.size() != 3) {
      throw new IllegalStateException("expected three due measurements, got " + tasks);
    }
    return engine.reconcile(run, due, results);
  }

  /** Nothing due: the reconcile only assesses the run and computes the requeue. */
  @Benchmark
  public Reconciliation idleReconcile() {
    List<MeasurementTask> tasks = engine.tasks(run, idle);
    if (!tasks.isEmpty()) {
      throw new IllegalStateException("expected nothing due, got " + tasks);
    }
    return engine.reconcile(run, idle, MeasurementResults.none());
  }
}
