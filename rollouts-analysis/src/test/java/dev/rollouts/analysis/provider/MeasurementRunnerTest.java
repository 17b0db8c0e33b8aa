package dev.rollouts.analysis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.AnalysisRunEngine;
import dev.rollouts.analysis.MeasurementResults;
import dev.rollouts.analysis.MeasurementTask;
import dev.rollouts.analysis.Reconciliation;
import dev.rollouts.analysis.spec.AnalysisRunSpec;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Running tasks on providers: Argo's {@code runMeasurements} and {@code resolveArgs}. */
class MeasurementRunnerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final AnalysisRunEngine engine = AnalysisRunEngine.create();

  /** Answers the URL it was given as an error message: shows what reached the provider. */
  static final class Echo implements MetricProvider {
    @Override
    public String type() {
      return "web";
    }

    @Override
    public CompletionStage<ProviderResult> run(MeasurementRequest request) {
      return CompletableFuture.completedFuture(
          new ProviderResult.Failure(
              "GET " + request.metric().providerConfig().get("url") + " refused"));
    }
  }

  private static AnalysisRun run(Metric metric, Argument... args) {
    return AnalysisRun.builder()
        .name("r")
        .namespace("ns")
        .spec(AnalysisRunSpec.builder().addMetrics(metric).addArgs(args).build())
        .build();
  }

  private static Metric web(String url) {
    return Metric.builder().name("m").provider(Map.of("web", Map.of("url", url))).build();
  }

  private Reconciliation reconcile(MeasurementRunner runner, AnalysisRun run) {
    List<MeasurementTask> tasks = engine.tasks(run, NOW);
    MeasurementResults results = runner.run(run, tasks, NOW).join();
    return engine.reconcile(run, NOW, results);
  }

  private static SecretReader secrets(Map<String, Map<String, String>> data) {
    return (ns, name) -> CompletableFuture.completedFuture(Optional.ofNullable(data.get(name)));
  }

  @Test
  void secretsAreReadAtMeasurementTimeAndMaskedInEveryMessage() {
    MeasurementRunner runner =
        new MeasurementRunner(
            MetricProviders.of(new Echo()),
            secrets(Map.of("creds", Map.of("token", "hunter2"))),
            Duration.ofSeconds(5));
    Reconciliation r =
        reconcile(
            runner, run(web("http://h/?t={{args.t}}"), Argument.fromSecret("t", "creds", "token")));
    Measurement m = r.status().result("m").orElseThrow().measurements().get(0);
    assertThat(m.phase()).isEqualTo(AnalysisPhase.Error);
    assertThat(m.message()).hasValue("GET http://h/?t=***** refused");
    assertThat(r.status().toString()).doesNotContain("hunter2");
  }

  @Test
  void aMissingSecretOrKeyMakesTheRunErrorWithArgosMessage() {
    MeasurementRunner none =
        new MeasurementRunner(
            MetricProviders.of(new Echo()), secrets(Map.of()), Duration.ofSeconds(5));
    assertThat(
            reconcile(none, run(web("u"), Argument.fromSecret("t", "creds", "token")))
                .status()
                .message())
        .hasValue("Unable to resolve metric arguments: secrets \"creds\" not found");
    MeasurementRunner noKey =
        new MeasurementRunner(
            MetricProviders.of(new Echo()),
            secrets(Map.of("creds", Map.of())),
            Duration.ofSeconds(5));
    assertThat(
            reconcile(noKey, run(web("u"), Argument.fromSecret("t", "creds", "token")))
                .status()
                .message())
        .hasValue(
            "Unable to resolve metric arguments: key 'token' does not exist in secret 'creds'");
  }

  @Test
  void aProviderArgoHasButWeDoNotIsAnErrorNamingIt() {
    MeasurementRunner runner =
        new MeasurementRunner(
            MetricProviders.of(new Echo()), secrets(Map.of()), Duration.ofSeconds(5));
    Metric datadog =
        Metric.builder().name("m").provider(Map.of("datadog", Map.of("query", "q"))).build();
    Reconciliation r = reconcile(runner, run(datadog));
    assertThat(r.status().phase()).hasValue(AnalysisPhase.Running);
    assertThat(r.status().result("m").orElseThrow().measurements().get(0).message())
        .hasValue(
            "metric provider \"datadog\" is not supported: no MetricProvider of that type is installed (installed: web)");
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeIsAnError() {
    MetricProvider silent =
        new MetricProvider() {
          @Override
          public String type() {
            return "web";
          }

          @Override
          public CompletionStage<ProviderResult> run(MeasurementRequest request) {
            return new CompletableFuture<>();
          }
        };
    MeasurementRunner runner =
        new MeasurementRunner(MetricProviders.of(silent), secrets(Map.of()), Duration.ofMillis(50));
    Reconciliation r = reconcile(runner, run(web("u")));
    assertThat(r.status().result("m").orElseThrow().measurements().get(0).message())
        .hasValue("metric provider \"web\" did not answer within 0s");
  }

  @Test
  void aSynchronousProviderThatAnswersInFlightBreaksItsContract() {
    MetricProvider liar =
        new MetricProvider() {
          @Override
          public String type() {
            return "web";
          }

          @Override
          public CompletionStage<ProviderResult> run(MeasurementRequest request) {
            return CompletableFuture.completedFuture(
                ProviderResult.Decided.inFlight(NOW, NOW, Map.of()));
          }
        };
    MeasurementRunner runner =
        new MeasurementRunner(MetricProviders.of(liar), secrets(Map.of()), Duration.ofSeconds(5));
    Measurement m =
        reconcile(runner, run(web("u"))).status().result("m").orElseThrow().measurements().get(0);
    assertThat(m.phase()).isEqualTo(AnalysisPhase.Error);
    assertThat(m.message().orElseThrow())
        .contains("metric provider \"web\"")
        .contains(
            "broke its contract: it answered an in-flight measurement but is not asynchronous");
  }

  @Test
  void aProviderThatThrowsIsAnErrorNamingIt() {
    MetricProvider thrower =
        new MetricProvider() {
          @Override
          public String type() {
            return "web";
          }

          @Override
          public CompletionStage<ProviderResult> run(MeasurementRequest request) {
            throw new IllegalStateException("boom");
          }
        };
    MeasurementRunner runner =
        new MeasurementRunner(
            MetricProviders.of(thrower), secrets(Map.of()), Duration.ofSeconds(5));
    assertThat(
            reconcile(runner, run(web("u")))
                .status()
                .result("m")
                .orElseThrow()
                .measurements()
                .get(0)
                .message()
                .orElseThrow())
        .contains("broke its contract: it failed: java.lang.IllegalStateException: boom");
  }

  @Test
  void providersOnTheClassPathAreFoundByServiceLoader() {
    assertThat(MetricProviders.load().types()).contains("test-constant");
  }
}
