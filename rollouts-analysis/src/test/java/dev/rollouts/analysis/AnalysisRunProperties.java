package dev.rollouts.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.DryRun;
import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import dev.rollouts.analysis.status.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the engine over random metrics, answers and clocks. */
class AnalysisRunProperties {

  @Provide
  Arbitrary<Metric> metrics() {
    Arbitrary<Optional<Integer>> count = Arbitraries.integers().between(1, 4).optional(0.7);
    Arbitrary<Optional<String>> interval = Arbitraries.of("10s", "1m").optional(0.8);
    return Combinators.combine(
            count,
            interval,
            Arbitraries.integers().between(-1, 2),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 2))
        .as(
            (c, i, failureLimit, inconclusiveLimit, errorLimit, successLimit) ->
                Metric.builder()
                    .name("m")
                    .count(c.map(IntOrString::of))
                    .interval(i)
                    .failureLimit(IntOrString.of(failureLimit))
                    .inconclusiveLimit(IntOrString.of(inconclusiveLimit))
                    .consecutiveErrorLimit(IntOrString.of(errorLimit))
                    .consecutiveSuccessLimit(IntOrString.of(successLimit))
                    .provider(Map.of("fake", Map.of()))
                    .build())
        .filter(m -> MetricValidation.problem(m).isEmpty());
  }

  /** Answer i of a script: a phase, or (4) an in-flight measurement resumed 5 s later. */
  private static ProviderResult answer(MeasurementTask task, int choice, Driver d) {
    return switch (choice) {
      case 0 -> Driver.decided(AnalysisPhase.Successful);
      case 1 -> Driver.decided(AnalysisPhase.Failed);
      case 2 -> Driver.decided(AnalysisPhase.Inconclusive);
      case 3 -> Driver.decided(AnalysisPhase.Error);
      default ->
          task.kind() == MeasurementTask.Kind.RUN
              ? ProviderResult.Decided.inFlight(d.now, d.now.plusSeconds(5), Map.of())
              : new ProviderResult.Decided(
                  Measurement.builder()
                      .from(task.inFlight().get())
                      .phase(AnalysisPhase.Inconclusive)
                      .build());
    };
  }

  private static List<Metric> named(List<Metric> metrics, String prefix) {
    List<Metric> named = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      named.add(Metric.builder().from(metrics.get(i)).name(prefix + i).build());
    }
    return named;
  }

  /** Runs a script of answers and clock steps, checking {@code check} after every reconcile. */
  private static void play(
      Driver d, List<Integer> answers, List<Integer> steps, int terminateAt, Runnable check) {
    int[] next = {0};
    for (int step = 0; step < steps.size(); step++) {
      if (step == terminateAt) {
        d.run =
            AnalysisRun.builder()
                .from(d.run)
                .spec(AnalysisRunSpec.builder().from(d.run.spec()).terminate(true).build())
                .build();
      }
      d.step(t -> answer(t, answers.get(next[0]++ % answers.size()), d));
      check.run();
      d.advanceSeconds(steps.get(step));
    }
  }

  @Property(tries = 300)
  void aCompletedRunNeverChangesItsPhase(
      @ForAll @Size(min = 1, max = 3) List<@From("metrics") Metric> metrics,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 4) Integer> answers,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 70) Integer> steps,
      @ForAll @IntRange(min = 0, max = 30) int terminateAt) {
    Driver d = Driver.of(named(metrics, "m").toArray(Metric[]::new));
    Optional<AnalysisPhase>[] completed = new Optional[] {Optional.empty()};
    play(
        d,
        answers,
        steps,
        terminateAt,
        () -> {
          if (completed[0].isPresent()) {
            assertThat(d.run.status().phase()).isEqualTo(completed[0]);
          } else if (d.run.status().completed()) {
            completed[0] = d.run.status().phase();
          }
        });
  }

  @Property(tries = 300)
  void theRunIsNeverSuccessfulWhileANonDryRunMetricFailedErredOrWasInconclusive(
      @ForAll @Size(min = 1, max = 3) List<@From("metrics") Metric> metrics,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 4) Integer> answers,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 70) Integer> steps,
      @ForAll @IntRange(min = 0, max = 30) int terminateAt) {
    Driver d = Driver.of(named(metrics, "m").toArray(Metric[]::new));
    play(
        d,
        answers,
        steps,
        terminateAt,
        () -> {
          boolean bad =
              d.run.status().metricResults().stream()
                  .anyMatch(
                      r ->
                          !r.dryRun()
                              && (r.phase() == AnalysisPhase.Failed
                                  || r.phase() == AnalysisPhase.Error
                                  || r.phase() == AnalysisPhase.Inconclusive));
          if (bad) {
            assertThat(d.run.status().phase()).isNotEqualTo(Optional.of(AnalysisPhase.Successful));
          }
        });
  }

  @Property(tries = 300)
  void aMetricNeverCountsMoreMeasurementsThanItsCount(
      @ForAll @Size(min = 1, max = 3) List<@From("metrics") Metric> metrics,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 4) Integer> answers,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 70) Integer> steps) {
    List<Metric> named = named(metrics, "m");
    Driver d = Driver.of(named.toArray(Metric[]::new));
    play(
        d,
        answers,
        steps,
        Integer.MAX_VALUE,
        () -> {
          for (Metric m : named) {
            Optional<MetricResult> r = d.run.status().result(m.name());
            if (r.isPresent() && m.effectiveCount().isPresent()) {
              assertThat(r.get().count()).isLessThanOrEqualTo(m.effectiveCount().getAsInt());
            }
          }
        });
  }

  @Property(tries = 300)
  void dryRunMetricsNeverChangeTheCompletedRunsPhase(
      @ForAll @Size(min = 1, max = 2) List<@From("metrics") Metric> real,
      @ForAll @Size(min = 1, max = 2) List<@From("metrics") Metric> dry,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 3) Integer> answers,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 3) Integer> dryAnswers,
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 70) Integer> steps) {
    List<Metric> realMetrics = named(real, "real");
    List<Metric> all = new ArrayList<>(realMetrics);
    all.addAll(named(dry, "dry"));
    Driver alone = Driver.of(realMetrics.toArray(Metric[]::new));
    Driver both =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder().metrics(all).addDryRun(new DryRun("^dry")).build()));
    int[] nextReal = {0};
    int[] nextRealBoth = {0};
    int[] nextDry = {0};
    for (int step : steps) {
      alone.step(t -> answer(t, answers.get(nextReal[0]++ % answers.size()), alone));
      both.step(
          t ->
              t.metricName().startsWith("dry")
                  ? answer(t, dryAnswers.get(nextDry[0]++ % dryAnswers.size()), both)
                  : answer(t, answers.get(nextRealBoth[0]++ % answers.size()), both));
      if (both.run.status().completed()) {
        assertThat(alone.run.status().completed()).isTrue();
        assertThat(both.run.status().phase()).isEqualTo(alone.run.status().phase());
      }
      alone.advanceSeconds(step);
      both.advanceSeconds(step);
    }
  }
}
