package dev.rollouts.benchmarks;

import dev.rollouts.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Analysis conditions evaluated per second, as an AnalysisRun evaluates them: parsed once per
 * template, evaluated once per measurement. {@code instantVector}: {@code result[0] >= 0.95} on a
 * one-sample vector; {@code emptyOrFirst}: {@code len(result) == 0 || result[0] >= 0.95}; {@code
 * rangeQuery}: {@code all(result, # < 1000)} over 60 samples; {@code webJson}: {@code result.ok &&
 * result.successPercent >= 0.90} on a map; {@code parseAndEvaluate}: the first condition parsed
 * anew each time, for the cost of parsing. Run: {@code java -jar
 * rollouts-benchmarks/target/benchmarks.jar ConditionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConditionBenchmark {
  private Expression instantVector;
  private Expression emptyOrFirst;
  private Expression rangeQuery;
  private Expression webJson;
  private Map<String, Object> vector;
  private Map<String, Object> range;
  private Map<String, Object> json;

  /** Parses the conditions and builds the measurement results they are evaluated against. */
  @Setup
  public void setUp() {
    instantVector = Expression.parse("result[0] >= 0.95");
    emptyOrFirst = Expression.parse("len(result) == 0 || result[0] >= 0.95");
    rangeQuery = Expression.parse("all(result, # < 1000)");
    webJson = Expression.parse("result.ok && result.successPercent >= 0.90");
    vector = Map.of("result", List.of(0.97));
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      samples.add(200.0 + i);
    }
    range = Map.of("result", samples);
    json = Map.of("result", Map.of("ok", true, "successPercent", 0.93));
  }

  @Benchmark
  public boolean instantVector() {
    return instantVector.test(vector);
  }

  @Benchmark
  public boolean emptyOrFirst() {
    return emptyOrFirst.test(vector);
  }

  @Benchmark
  public boolean rangeQuery() {
    return rangeQuery.test(range);
  }

  @Benchmark
  public boolean webJson() {
    return webJson.test(json);
  }

  @Benchmark
  public boolean parseAndEvaluate() {
    return Expression.parse("result[0] >= 0.95").test(vector);
  }
}
