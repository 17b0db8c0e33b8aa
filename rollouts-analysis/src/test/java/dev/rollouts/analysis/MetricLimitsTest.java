package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static dev.rollouts.analysis.status.AnalysisPhase.Error;
import static dev.rollouts.analysis.status.AnalysisPhase.Failed;
import static dev.rollouts.analysis.status.AnalysisPhase.Inconclusive;
import static dev.rollouts.analysis.status.AnalysisPhase.Running;
import static dev.rollouts.analysis.status.AnalysisPhase.Successful;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.status.MetricResult;
import org.junit.jupiter.api.Test;

/**
 * Counters and limits: Argo's {@code runMeasurements} bookkeeping and {@code assessMetricStatus} /
 * {@code assessMetricFailureInconclusiveOrError} ({@code analysis/analysis.go}).
 */
class MetricLimitsTest {

  @Test
  void countsSuccessesFailuresAndInconclusivesButNotErrors() {
    Driver d =
        Driver.of(
            metric("m")
                .interval("1m")
                .count(IntOrString.of(10))
                .failureLimit(IntOrString.of(5))
                .inconclusiveLimit(IntOrString.of(5))
                .build());
    d.step(Successful);
    d.advanceSeconds(60).step(Failed);
    d.advanceSeconds(60).step(Inconclusive);
    d.advanceSeconds(60).step(Error);
    MetricResult r = d.result("m");
    assertThat(r.count()).isEqualTo(3);
    assertThat(r.successful()).isEqualTo(1);
    assertThat(r.failed()).isEqualTo(1);
    assertThat(r.inconclusive()).isEqualTo(1);
    assertThat(r.error()).isEqualTo(1);
    assertThat(r.consecutiveError()).isEqualTo(1);
    assertThat(r.consecutiveSuccess()).isZero();
    assertThat(r.measurements()).hasSize(4);
  }

  @Test
  void aFailureLimitOfZeroFailsOnTheFirstFailure() {
    Driver d = Driver.of(metric("m").interval("1m").count(IntOrString.of(3)).build());
    d.step(Failed);
    assertThat(d.result("m").phase()).isEqualTo(Failed);
    assertThat(d.phase()).isEqualTo(Failed);
    assertThat(d.run.status().message())
        .hasValue("Metric \"m\" assessed Failed due to failed (1) > failureLimit (0)");
  }

  @Test
  void failuresUpToTheLimitAreTolerated() {
    Driver d =
        Driver.of(
            metric("m")
                .interval("1m")
                .count(IntOrString.of(3))
                .failureLimit(IntOrString.of(1))
                .build());
    d.step(Failed);
    assertThat(d.result("m").phase()).isEqualTo(Running);
    d.advanceSeconds(60).step(Successful);
    d.advanceSeconds(60).step(Successful);
    assertThat(d.phase()).isEqualTo(Successful);
  }

  @Test
  void theDefaultConsecutiveErrorLimitIsFourSoTheFifthErrorInARowIsError() {
    Driver d = Driver.of(metric("m").interval("1m").build());
    for (int i = 0; i < 4; i++) {
      d.step(Error);
      assertThat(d.result("m").phase()).isEqualTo(Running);
      d.advanceSeconds(10);
    }
    d.step(Error);
    assertThat(d.result("m").phase()).isEqualTo(Error);
    assertThat(d.run.status().message())
        .hasValue(
            "Metric \"m\" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4)");
  }

  @Test
  void aNonErrorMeasurementResetsConsecutiveErrors() {
    Driver d =
        Driver.of(metric("m").interval("1m").consecutiveErrorLimit(IntOrString.of(1)).build());
    d.step(Error);
    d.advanceSeconds(10).step(Successful);
    d.advanceSeconds(60).step(Error);
    assertThat(d.result("m").consecutiveError()).isEqualTo(1);
    assertThat(d.result("m").phase()).isEqualTo(Running);
  }

  @Test
  void laterLimitRulesOverrideEarlierOnes() {
    // failed > failureLimit and inconclusive > inconclusiveLimit: Inconclusive wins (A:658-687).
    Driver d = Driver.of(metric("m").interval("1m").failureLimit(IntOrString.of(1)).build());
    d.step(Failed);
    d.advanceSeconds(60).step(Failed);
    MetricAssessment.Limit both =
        MetricAssessment.limits(
            d.run.spec().metrics().get(0),
            MetricResult.builder().from(d.result("m")).inconclusive(1).build());
    assertThat(both.phase()).hasValue(Inconclusive);
    assertThat(both.reason()).isEqualTo("inconclusive (1) > inconclusiveLimit (0)");
  }

  @Test
  void consecutiveSuccessLimitSucceedsEarly() {
    Driver d =
        Driver.of(
            metric("m")
                .interval("1m")
                .count(IntOrString.of(10))
                .failureLimit(IntOrString.of(3))
                .consecutiveSuccessLimit(IntOrString.of(2))
                .build());
    d.step(Successful);
    d.advanceSeconds(60).step(Failed);
    d.advanceSeconds(60).step(Successful);
    assertThat(d.result("m").phase()).isEqualTo(Running);
    d.advanceSeconds(60).step(Successful);
    assertThat(d.result("m").phase()).isEqualTo(Successful);
    assertThat(d.result("m").count()).isEqualTo(4);
  }

  @Test
  void countReachedWithoutTheConsecutiveSuccessesIsInconclusive() {
    Driver d =
        Driver.of(
            metric("m")
                .interval("1m")
                .count(IntOrString.of(3))
                .failureLimit(IntOrString.of(1))
                .consecutiveSuccessLimit(IntOrString.of(2))
                .build());
    d.step(Successful);
    d.advanceSeconds(60).step(Failed);
    d.advanceSeconds(60).step(Successful);
    assertThat(d.result("m").phase()).isEqualTo(Inconclusive);
  }

  @Test
  void countReachedWithoutTheConsecutiveSuccessesIsFailedWhenFailureLimitIsDisabled() {
    Driver d =
        Driver.of(
            metric("m")
                .interval("1m")
                .count(IntOrString.of(2))
                .failureLimit(IntOrString.of(-1))
                .consecutiveSuccessLimit(IntOrString.of(2))
                .build());
    d.step(Failed);
    assertThat(d.result("m").phase()).isEqualTo(Running);
    d.advanceSeconds(60).step(Successful);
    assertThat(d.result("m").phase()).isEqualTo(Failed);
  }

  @Test
  void limitsGivenAsStringsAreReadAsIntegers() {
    Driver d =
        Driver.of(
            metric("m")
                .interval("1m")
                .count(IntOrString.of("2"))
                .failureLimit(IntOrString.of("1"))
                .build());
    d.step(Failed);
    assertThat(d.result("m").phase()).isEqualTo(Running);
    d.advanceSeconds(60).step(Successful);
    assertThat(d.result("m").phase()).isEqualTo(Successful);
  }
}
