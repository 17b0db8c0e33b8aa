package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static dev.rollouts.analysis.status.AnalysisPhase.Error;
import static dev.rollouts.analysis.status.AnalysisPhase.Pending;
import static dev.rollouts.analysis.status.AnalysisPhase.Running;
import static dev.rollouts.analysis.status.AnalysisPhase.Successful;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When measurements are taken: Argo's {@code generateMetricTasks}, {@code
 * calculateNextReconcileTime} and {@code Metric.EffectiveCount} ({@code analysis/analysis.go},
 * {@code analysis_types.go}).
 */
class SchedulingTest {

  @Test
  void theFirstMeasurementIsTakenAtOnceAndStartedAtIsSet() {
    Driver d = Driver.of(metric("m").build());
    Reconciliation r = d.step(Successful);
    assertThat(d.tasks)
        .singleElement()
        .extracting(MeasurementTask::kind)
        .isEqualTo(MeasurementTask.Kind.RUN);
    assertThat(r.status().startedAt()).hasValue(Driver.T0);
    assertThat(d.phase()).isEqualTo(Successful);
    assertThat(r.status().completedAt()).hasValue(Driver.T0);
    assertThat(r.requeueAfter()).isEmpty();
  }

  @Test
  void withoutCountOrIntervalAMetricIsMeasuredOnce() {
    assertThat(metric("m").build().effectiveCount()).hasValue(1);
    assertThat(metric("m").count(IntOrString.of(0)).build().effectiveCount()).hasValue(1);
  }

  @Test
  void anIntervalWithoutCountRunsIndefinitely() {
    assertThat(metric("m").interval("1m").build().effectiveCount()).isEmpty();
    Driver d = Driver.of(metric("m").interval("1m").build());
    for (int i = 0; i < 20; i++) {
      d.step(Successful);
      assertThat(d.phase()).isEqualTo(AnalysisPhase.Running);
      d.advanceSeconds(60);
    }
    assertThat(d.result("m").count()).isEqualTo(20);
  }

  @Test
  void theNextMeasurementWaitsForTheIntervalAfterTheLastOneFinished() {
    Driver d = Driver.of(metric("m").interval("5m").count(IntOrString.of(3)).build());
    Reconciliation r = d.step(Successful);
    assertThat(r.requeueAfter()).hasValue(Duration.ofMinutes(5));
    d.advance(Duration.ofMinutes(4)).step(Successful);
    assertThat(d.tasks).isEmpty();
    assertThat(d.last.requeueAfter()).hasValue(Duration.ofMinutes(1));
    d.advance(Duration.ofMinutes(1)).step(Successful);
    assertThat(d.tasks).hasSize(1);
    assertThat(d.result("m").count()).isEqualTo(2);
  }

  @Test
  void afterAnErrorTheRetryIsTenSecondsWhateverTheInterval() {
    Driver d = Driver.of(metric("m").interval("5m").count(IntOrString.of(3)).build());
    Reconciliation r = d.step(Error);
    assertThat(r.requeueAfter()).hasValue(Duration.ofSeconds(10));
    d.advanceSeconds(9).step(Successful);
    assertThat(d.tasks).isEmpty();
    d.advanceSeconds(1).step(Successful);
    assertThat(d.tasks).hasSize(1);
  }

  @Test
  void anInitialDelayWaitsAfterStartedAt() {
    Driver d = Driver.of(metric("m").initialDelay("30s").build());
    Reconciliation first = d.step(Successful);
    assertThat(d.tasks).isEmpty();
    assertThat(first.status().startedAt()).hasValue(Driver.T0);
    assertThat(first.requeueAfter()).hasValue(Duration.ofSeconds(30));
    assertThat(d.phase()).isEqualTo(Running);
    d.advanceSeconds(29).step(Successful);
    assertThat(d.tasks).isEmpty();
    d.advanceSeconds(1).step(Successful);
    assertThat(d.tasks).hasSize(1);
    assertThat(d.phase()).isEqualTo(Successful);
  }

  @Test
  void aMetricWaitingForItsInitialDelayHasNoResultYetButItsSiblingRuns() {
    Driver d = Driver.of(metric("late").initialDelay("1m").build(), metric("now").build());
    d.step(Successful);
    assertThat(d.run.status().result("late")).isEmpty();
    assertThat(d.result("now").phase()).isEqualTo(Successful);
    assertThat(d.phase()).isEqualTo(Running);
  }

  @Test
  void anInFlightMeasurementIsResumedAtResumeAtAndNotDuplicated() {
    Driver d = Driver.of(metric("job").build());
    d.step(
        t -> ProviderResult.Decided.inFlight(d.now, d.now.plusSeconds(5), Map.of("job-name", "j")));
    assertThat(d.result("job").phase()).isEqualTo(Running);
    assertThat(d.last.requeueAfter()).hasValue(Duration.ofSeconds(5));
    d.advanceSeconds(4).step(Successful);
    assertThat(d.tasks).isEmpty();
    d.advanceSeconds(1)
        .step(
            t -> {
              assertThat(t.kind()).isEqualTo(MeasurementTask.Kind.RESUME);
              assertThat(t.inFlight().orElseThrow().metadata()).containsEntry("job-name", "j");
              return new ProviderResult.Decided(
                  Measurement.builder().from(t.inFlight().get()).phase(Successful).build());
            });
    assertThat(d.result("job").measurements())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.phase()).isEqualTo(Successful);
              assertThat(m.startedAt()).hasValue(Driver.T0);
              assertThat(m.finishedAt()).hasValue(Driver.T0.plusSeconds(5));
            });
    assertThat(d.phase()).isEqualTo(Successful);
  }

  @Test
  void aNewRunIsRunningWithNoMessageOnceMeasuring() {
    Driver d = Driver.of(metric("m").interval("1m").count(IntOrString.of(2)).build());
    d.step(Successful);
    assertThat(d.phase()).isEqualTo(Running);
    assertThat(d.run.status().message()).isEmpty();
    assertThat(d.run.status().runSummary())
        .hasValue(new dev.rollouts.analysis.status.RunSummary(1, 0, 0, 0, 0));
  }

  @Test
  void aMetricWithNoMeasurementIsPending() {
    assertThat(
            MetricAssessment.assess(
                metric("m").build(),
                dev.rollouts.analysis.status.MetricResult.builder()
                    .name("m")
                    .phase(Running)
                    .build(),
                false))
        .isEqualTo(Pending);
  }
}
