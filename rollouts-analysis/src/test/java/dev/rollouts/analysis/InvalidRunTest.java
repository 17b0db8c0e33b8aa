package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static dev.rollouts.analysis.status.AnalysisPhase.Error;
import static dev.rollouts.analysis.status.AnalysisPhase.Successful;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.DryRun;
import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.spec.MeasurementRetention;
import dev.rollouts.analysis.spec.Metric;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid runs become Error with Argo's messages: {@code reconcileAnalysisRun} with {@code
 * ValidateMetrics} / {@code ValidateMetric} ({@code utils/analysis/factory.go}).
 */
class InvalidRunTest {

  static Object[][] invalidMetrics() {
    return new Object[][] {
      {
        metric("m").consecutiveSuccessLimit(IntOrString.of(-1)).build(),
        "consecutiveSuccessLimit must be >= 0"
      },
      {
        metric("m").failureLimit(IntOrString.of(-2)).build(),
        "failureLimit must be >= 0, or -1 to be disabled"
      },
      {
        metric("m").failureLimit(IntOrString.of(-1)).build(),
        "failureLimit and consecutiveSuccessLimit cannot both be disabled"
      },
      {metric("m").inconclusiveLimit(IntOrString.of(-1)).build(), "inconclusiveLimit must be >= 0"},
      {
        metric("m").consecutiveErrorLimit(IntOrString.of(-1)).build(),
        "consecutiveErrorLimit must be >= 0"
      },
      {
        metric("m")
            .interval("1m")
            .count(IntOrString.of(2))
            .failureLimit(IntOrString.of(2))
            .consecutiveSuccessLimit(IntOrString.of(1))
            .build(),
        "count (2) must be >= failureLimit + consecutiveSuccessLimit (2 + 1) if both >= 0"
      },
      {
        metric("m")
            .interval("1m")
            .count(IntOrString.of(1))
            .failureLimit(IntOrString.of(-1))
            .consecutiveSuccessLimit(IntOrString.of(2))
            .build(),
        "count must be >= consecutiveSuccessLimit"
      },
      {
        metric("m")
            .interval("1m")
            .count(IntOrString.of(1))
            .inconclusiveLimit(IntOrString.of(2))
            .build(),
        "count must be >= inconclusiveLimit"
      },
      {metric("m").count(IntOrString.of(2)).build(), "interval must be specified when count > 1"},
      {
        metric("m").interval("1d").build(),
        "invalid interval string: time: unknown unit \"d\" in duration \"1d\""
      },
      {
        metric("m").initialDelay("soon").build(),
        "invalid startDelay string: time: invalid duration \"soon\""
      },
      {Metric.builder().name("m").build(), "no provider specified"},
      {
        Metric.builder()
            .name("m")
            .provider(Map.of("web", Map.of(), "prometheus", Map.of()))
            .build(),
        "multiple providers specified"
      },
    };
  }

  @ParameterizedTest
  @MethodSource("invalidMetrics")
  void anInvalidMetricMakesTheRunErrorWithArgosMessage(Metric metric, String message) {
    Driver d = Driver.of(metric);
    Reconciliation r = d.step(Successful);
    assertThat(d.tasks).isEmpty();
    assertThat(d.phase()).isEqualTo(Error);
    assertThat(r.status().message()).hasValue("Analysis spec invalid: metrics[0]: " + message);
    assertThat(r.events())
        .containsExactly(
            new AnalysisEvent(true, "AnalysisRunError", "Analysis Completed. Result: Error"));
  }

  @Test
  void duplicateMetricNamesAndNoMetricsAreInvalid() {
    Driver d = Driver.of(metric("m").build(), metric("m").build());
    d.step(Successful);
    assertThat(d.run.status().message())
        .hasValue("Analysis spec invalid: metrics[1]: duplicate name 'm'");
    Driver none = Driver.of();
    none.step(Successful);
    assertThat(none.run.status().message()).hasValue("Analysis spec invalid: no metrics specified");
  }

  @Test
  void anArgumentWithoutValueIsUnresolved() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("m").build())
                    .addArgs(Argument.required("service"))
                    .build()));
    d.step(Successful);
    assertThat(d.phase()).isEqualTo(Error);
    assertThat(d.run.status().message())
        .hasValue("Unable to resolve metric arguments: argument \"service\" was not supplied");
  }

  @Test
  void anUnknownTagIsUnresolved() {
    Driver d =
        Driver.of(
            metric("m").provider(Map.of("web", Map.of("url", "http://{{ args.host }}/"))).build());
    d.step(Successful);
    assertThat(d.run.status().message())
        .hasValue("Unable to resolve metric arguments: failed to resolve {{ args.host }}");
  }

  @Test
  void aRuleThatMatchesNoMetricIsInvalid() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("m").build())
                    .addDryRun(new DryRun("nothing"))
                    .build()));
    d.step(Successful);
    assertThat(d.run.status().message())
        .hasValue("Analysis spec invalid: dryRun[0]: Rule didn't match any metric name(s)");
    Driver r =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("m").build())
                    .addMeasurementRetention(new MeasurementRetention("x", 3))
                    .build()));
    r.step(Successful);
    assertThat(r.run.status().message())
        .hasValue(
            "Analysis spec invalid: measurementRetention[0]: Rule didn't match any metric name(s)");
  }

  @Test
  void aMissingSecretMakesTheRunError() {
    Driver d =
        new Driver(
            Driver.run(
                AnalysisRunSpec.builder()
                    .addMetrics(metric("m").build())
                    .addArgs(Argument.fromSecret("token", "creds", "token"))
                    .build()));
    var tasks = d.engine.tasks(d.run, d.now);
    assertThat(tasks).hasSize(1);
    Reconciliation r =
        d.engine.reconcile(
            d.run,
            d.now,
            MeasurementResults.builder().unresolvedArgs("secrets \"creds\" not found").build());
    assertThat(r.status().phase()).hasValue(Error);
    assertThat(r.status().message())
        .hasValue("Unable to resolve metric arguments: secrets \"creds\" not found");
  }
}
