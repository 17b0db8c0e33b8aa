package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static dev.rollouts.analysis.status.AnalysisPhase.Error;
import static dev.rollouts.analysis.status.AnalysisPhase.Failed;
import static dev.rollouts.analysis.status.AnalysisPhase.Inconclusive;
import static dev.rollouts.analysis.status.AnalysisPhase.Pending;
import static dev.rollouts.analysis.status.AnalysisPhase.Running;
import static dev.rollouts.analysis.status.AnalysisPhase.Successful;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.DryRun;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The run's phase, message, summaries and events: Argo's {@code assessRunStatus}. */
class RunPhaseTest {

  @ParameterizedTest(name = "{0} and {1} make the run {2}")
  @CsvSource({
    "Successful, Failed, Failed",
    "Inconclusive, Error, Error",
    "Error, Failed, Failed",
    "Successful, Inconclusive, Inconclusive",
    "Successful, Successful, Successful",
  })
  void theRunTakesTheWorstPhaseOfItsMetrics(
      AnalysisPhase a, AnalysisPhase b, AnalysisPhase expected) {
    Driver d =
        Driver.of(
            metric("a").consecutiveErrorLimit(dev.rollouts.analysis.spec.IntOrString.of(0)).build(),
            metric("b")
                .consecutiveErrorLimit(dev.rollouts.analysis.spec.IntOrString.of(0))
                .build());
    d.step(t -> Driver.decided(t.metricName().equals("a") ? a : b));
    assertThat(d.phase()).isEqualTo(expected);
  }

  @Test
  void argosOrderOfPhasesFromBestToWorst() {
    AnalysisPhase[] order = {Successful, Running, Pending, Inconclusive, Error, Failed};
    for (int i = 0; i + 1 < order.length; i++) {
      assertThat(order[i].isWorse(order[i + 1])).isTrue();
      assertThat(order[i + 1].isWorse(order[i])).isFalse();
    }
  }

  @Test
  void theRunMessageQuotesTheMetricsLastMessage() {
    Driver d = Driver.of(metric("m").build());
    d.step(t -> Driver.decided(Failed, "job failed"));
    assertThat(d.run.status().message())
        .hasValue(
            "Metric \"m\" assessed Failed due to failed (1) > failureLimit (0): \"Error Message: job failed\"");
    assertThat(d.result("m").message()).hasValue("job failed");
  }

  @Test
  void eventsNameTheMetricAndTheRunAsArgoDoes() {
    Driver d = Driver.of(metric("m").build());
    Reconciliation r = d.step(Failed);
    assertThat(r.events())
        .containsExactly(
            new AnalysisEvent(true, "MetricFailed", "Metric 'm' Completed. Result: Failed"),
            new AnalysisEvent(true, "AnalysisRunFailed", "Analysis Completed. Result: Failed"));
    assertThat(r.events().get(0).type()).isEqualTo("Warning");
    Driver ok = Driver.of(metric("m").build());
    assertThat(ok.step(Successful).events()).extracting(AnalysisEvent::type).containsOnly("Normal");
  }

  @Test
  void summariesCountMetricsByPhaseWithDryRunMetricsApart() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("ok").build(), metric("dry-bad").build())
                    .addDryRun(new DryRun("dry-.*"))
                    .build()));
    d.step(t -> Driver.decided(t.metricName().equals("ok") ? Successful : Failed));
    assertThat(d.run.status().runSummary()).hasValue(new RunSummary(1, 1, 0, 0, 0));
    assertThat(d.run.status().dryRunSummary()).hasValue(new RunSummary(1, 0, 1, 0, 0));
    assertThat(d.phase()).isEqualTo(Successful);
    assertThat(d.result("dry-bad").dryRun()).isTrue();
    assertThat(d.result("dry-bad").message())
        .hasValue("Metric assessed Failed due to failed (1) > failureLimit (0)");
  }

  @Test
  void aFailingDryRunMetricDoesNotTerminateItsSiblings() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("dry").build(), metric("bg").interval("1m").build())
                    .addDryRun(new DryRun("dry"))
                    .build()));
    d.step(t -> Driver.decided(t.metricName().equals("dry") ? Failed : Successful));
    d.advanceSeconds(60).step(Successful);
    assertThat(d.tasks).extracting(MeasurementTask::metricName).containsExactly("bg");
    assertThat(d.phase()).isEqualTo(Running);
  }

  @Test
  void dryRunRulesAreUnanchoredRegularExpressions() {
    MetricRules rules =
        MetricRules.of(
            java.util.List.of(new DryRun("foo")),
            java.util.List.of(),
            java.util.List.of(metric("foobar").build(), metric("bar").build()));
    assertThat(rules.isDryRun("foobar")).isTrue();
    assertThat(rules.isDryRun("bar")).isFalse();
  }

  @Test
  void aRunOfOnlyDryRunMetricsIsSuccessfulWhateverThey() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("a").build())
                    .addDryRun(new DryRun(".*"))
                    .build()));
    d.step(Failed);
    assertThat(d.phase()).isEqualTo(Successful);
  }

  @Test
  void completedAtIsSetOnceWhenTheRunCompletes() {
    Driver d =
        Driver.of(
            metric("m").interval("1m").count(dev.rollouts.analysis.spec.IntOrString.of(2)).build());
    d.step(Successful);
    assertThat(d.run.status().completedAt()).isEmpty();
    d.advanceSeconds(60).step(Successful);
    assertThat(d.run.status().completedAt()).hasValue(Driver.T0.plusSeconds(60));
    assertThat(d.run.status().startedAt()).hasValue(Driver.T0);
  }

  @Test
  void inconclusiveMetricsMakeAnInconclusiveRun() {
    Driver d = Driver.of(metric("m").build());
    d.step(Inconclusive);
    assertThat(d.phase()).isEqualTo(Inconclusive);
    assertThat(d.run.status().message())
        .hasValue(
            "Metric \"m\" assessed Inconclusive due to inconclusive (1) > inconclusiveLimit (0)");
  }
}
