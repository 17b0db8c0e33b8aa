package dev.rollouts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.AnalysisRunEngine;
import dev.rollouts.analysis.MeasurementResults;
import dev.rollouts.analysis.Reconciliation;
import dev.rollouts.analysis.provider.AsynchronousMetricProvider;
import dev.rollouts.analysis.provider.MeasurementRequest;
import dev.rollouts.analysis.provider.MetricProvider;
import dev.rollouts.analysis.provider.ProviderResult;
import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MetricProvider}'s tests extend: the rules of the metric provider SPI,
 * checked for one provider against the test's own fake backend.
 *
 * <ul>
 *   <li>its {@link MetricProvider#type()} is the key its metrics use under {@code provider};
 *   <li>{@code run} returns a stage at once and never throws; a metric it can measure completes
 *       with a value or a decided measurement, never exceptionally;
 *   <li>a metric whose backend fails completes with a {@link ProviderResult.Failure}, never
 *       exceptionally, never a pass, and its message never contains the metric's credentials;
 *   <li>only an {@link AsynchronousMetricProvider} answers an in-flight measurement;
 *   <li>the engine turns its answer into a completed measurement (the answer is usable as is).
 * </ul>
 *
 * <pre>{@code
 * class PrometheusProviderContractTest extends MetricProviderContract {
 *   protected MetricProvider provider() { return new PrometheusProvider(); }
 *   protected Metric measurableMetric() { return ...query against the fake server...; }
 *   protected Metric failingMetric() { return ...query the fake server answers 500 to...; }
 * }
 * }</pre>
 */
public abstract class MetricProviderContract {

  /** How long the contract waits for one answer of the provider against the test's fake. */
  protected Duration answerTimeout() {
    return Duration.ofSeconds(10);
  }

  /** The provider under test. */
  protected abstract MetricProvider provider();

  /** A metric the provider measures without error against the test's fake backend. */
  protected abstract Metric measurableMetric();

  /** A metric whose backend answers with an error or cannot be reached. */
  protected abstract Metric failingMetric();

  /**
   * A failing metric carrying {@code credential} (a password, a token, a header value), or empty if
   * the provider takes no credentials; the rule checked is that failure messages never show it.
   */
  protected Optional<Metric> failingMetricWithCredential(String credential) {
    return Optional.empty();
  }

  private ProviderResult answer(Metric metric) throws Exception {
    MeasurementRequest request =
        new MeasurementRequest("contract", "default", Optional.of("uid-1"), metric, Instant.now());
    CompletionStage<ProviderResult>[] stage = new CompletionStage[1];
    assertThatCode(() -> stage[0] = provider().run(request))
        .as("%s.run must not throw", provider().getClass().getName())
        .doesNotThrowAnyException();
    assertThat(stage[0]).as("%s.run returned null", provider().getClass().getName()).isNotNull();
    return stage[0].toCompletableFuture().get(answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void itsTypeIsTheKeyItsMetricsUse() {
    assertThat(measurableMetric().providerTypes()).containsExactly(provider().type());
  }

  @Test
  void aMeasurableMetricIsAnsweredWithAValueOrADecidedMeasurement() throws Exception {
    ProviderResult result = answer(measurableMetric());
    assertThat(result).isNotInstanceOf(ProviderResult.Failure.class);
  }

  @Test
  void aFailingBackendIsAFailureNeverAPass() throws Exception {
    ProviderResult result = answer(failingMetric());
    assertThat(result).isInstanceOf(ProviderResult.Failure.class);
    assertThat(((ProviderResult.Failure) result).message()).isNotBlank();
  }

  @Test
  void failureMessagesNeverShowCredentials() throws Exception {
    String credential = "s3cr3t-" + Long.toHexString(System.nanoTime());
    Optional<Metric> metric = failingMetricWithCredential(credential);
    Assumptions.assumeTrue(metric.isPresent(), "the provider takes no credentials");
    ProviderResult result = answer(metric.get());
    assertThat(result).isInstanceOf(ProviderResult.Failure.class);
    assertThat(((ProviderResult.Failure) result).message()).doesNotContain(credential);
  }

  @Test
  void onlyAnAsynchronousProviderAnswersInFlight() throws Exception {
    ProviderResult result = answer(measurableMetric());
    if (result instanceof ProviderResult.Decided d && !d.measurement().phase().completed()) {
      assertThat(provider()).isInstanceOf(AsynchronousMetricProvider.class);
      assertThat(d.measurement().resumeAt())
          .as("an in-flight measurement needs resumeAt")
          .isPresent();
    }
  }

  @Test
  void theEngineRecordsItsAnswerAsAMeasurement() throws Exception {
    Metric metric = measurableMetric();
    AnalysisRun run =
        AnalysisRun.builder()
            .name("contract")
            .namespace("default")
            .spec(AnalysisRunSpec.builder().addMetrics(metric).build())
            .build();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    ProviderResult result = answer(metric);
    Reconciliation r =
        AnalysisRunEngine.create()
            .reconcile(
                run, now, MeasurementResults.builder().putResult(metric.name(), result).build());
    assertThat(r.status().result(metric.name()).orElseThrow().measurements()).hasSize(1);
    assertThat(r.status().phase()).isNotEqualTo(Optional.of(AnalysisPhase.Error));
  }
}
