package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static dev.rollouts.analysis.status.AnalysisPhase.Failed;
import static dev.rollouts.analysis.status.AnalysisPhase.Inconclusive;
import static dev.rollouts.analysis.status.AnalysisPhase.Running;
import static dev.rollouts.analysis.status.AnalysisPhase.Successful;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.status.Measurement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Terminating runs: Argo's {@code IsTerminating} ({@code utils/analysis/helpers.go}) and its uses
 * in {@code generateMetricTasks}, {@code runMeasurements} and {@code assessRunStatus}.
 */
class TerminationTest {

  @Test
  void terminateEndsAnIndefiniteMetricSuccessfulWithRunTerminated() {
    Driver d = Driver.of(metric("bg").interval("1m").build());
    d.step(Successful);
    d.run = d.run.withStatus(d.run.status()) // same status, spec changed below
    ;
    d.run =
        AnalysisRun.builder()
            .from(d.run)
            .spec(AnalysisRunSpec.builder().from(d.run.spec()).terminate(true).build())
            .build();
    d.advanceSeconds(60).step(Successful);
    assertThat(d.tasks).isEmpty();
    assertThat(d.phase()).isEqualTo(Successful);
    assertThat(d.run.status().message()).hasValue("Run Terminated");
    assertThat(d.last.events())
        .extracting(AnalysisEvent::reason)
        .containsExactly("MetricSuccessful", "AnalysisRunSuccessful");
  }

  @Test
  void terminatingBeforeAnyMeasurementIsSuccessful() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("m").initialDelay("1h").build())
                    .terminate(true)
                    .build()));
    d.step(Successful);
    assertThat(d.phase()).isEqualTo(Successful);
    assertThat(d.run.status().message()).hasValue("Run Terminated");
  }

  @Test
  void aFailedMetricTerminatesItsInFlightSiblingOnTheNextReconcile() {
    // TestReconcileAnalysisRunTerminateSiblingAfterFail (analysis/analysis_test.go).
    Driver d = Driver.of(metric("fails").build(), metric("job").interval("1m").build());
    d.step(
        t ->
            t.metricName().equals("fails")
                ? Driver.decided(Failed)
                : ProviderResult.Decided.inFlight(d.now, d.now.plusSeconds(60), Map.of()));
    assertThat(d.result("fails").phase()).isEqualTo(Failed);
    assertThat(d.result("job").phase()).isEqualTo(Running);
    assertThat(d.phase()).isEqualTo(Running);

    d.advanceSeconds(1)
        .step(
            t -> {
              assertThat(t.kind()).isEqualTo(MeasurementTask.Kind.TERMINATE);
              return new ProviderResult.Decided(
                  Measurement.builder().from(t.inFlight().get()).phase(Inconclusive).build());
            });
    assertThat(d.result("job").measurements().get(0).message()).hasValue("Metric Terminated");
    assertThat(d.result("job").phase()).isEqualTo(Inconclusive);
    assertThat(d.phase()).isEqualTo(Failed);
    assertThat(d.run.status().message())
        .hasValue("Metric \"fails\" assessed Failed due to failed (1) > failureLimit (0)");
  }

  @Test
  void aTerminatingRunTakesNoNewMeasurements() {
    Driver d =
        Driver.of(
            metric("fails").build(),
            metric("slow").interval("1m").count(IntOrString.of(5)).build());
    d.step(t -> Driver.decided(t.metricName().equals("fails") ? Failed : Successful));
    d.advanceSeconds(120).step(Successful);
    assertThat(d.tasks).isEmpty();
    assertThat(d.result("slow").count()).isEqualTo(1);
    assertThat(d.result("slow").phase()).isEqualTo(Successful);
    assertThat(d.phase()).isEqualTo(Failed);
  }

  @Test
  void aCompletedRunIsNotReconciledAgain() {
    Driver d = Driver.of(metric("m").build());
    d.step(Failed);
    var before = d.run.status();
    d.advanceSeconds(100).step(Successful);
    assertThat(d.tasks).isEmpty();
    assertThat(d.run.status()).isEqualTo(before);
    assertThat(d.last.events()).isEmpty();
  }
}
