package dev.rollouts.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.AnalysisRunEngine;
import dev.rollouts.analysis.AnalysisTemplates;
import dev.rollouts.analysis.MeasurementTask;
import dev.rollouts.analysis.Reconciliation;
import dev.rollouts.analysis.provider.MeasurementRunner;
import dev.rollouts.analysis.provider.MetricProviders;
import dev.rollouts.analysis.spec.AnalysisTemplate;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.TemplateRef;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.testkit.FakeHttpServer;
import dev.rollouts.testkit.FakeHttpServer.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Argo's e2e input {@code test/e2e/functional/rollout-secret-withArgs.yaml} end to end: the
 * template's count, interval, initialDelay, failureLimit and condition come from the Rollout's
 * args, its URL from a Secret; engine, runner and web provider against a fake server.
 */
class SecretArgsScenarioTest {

  private final FakeHttpServer server = FakeHttpServer.start();
  private final AtomicReference<String> message = new AtomicReference<>("It worked!");

  @AfterEach
  void stop() {
    server.close();
  }

  private static final Map<String, Object> TEMPLATE =
      Map.of(
          "kind", "AnalysisTemplate",
          "metadata", Map.of("name", "analysis-secret-args", "namespace", "default"),
          "spec",
              Map.of(
                  "args",
                      List.of(
                          Map.of("name", "analysis-interval", "value", "100s"),
                          Map.of("name", "analysis-runs", "value", "10"),
                          Map.of("name", "failure-limit"),
                          Map.of("name", "inconclusive-limit"),
                          Map.of("name", "success-condition"),
                          Map.of(
                              "name",
                              "secret-url",
                              "valueFrom",
                              Map.of(
                                  "secretKeyRef",
                                  Map.of("name", "example-secret", "key", "secretUrl")))),
                  "metrics",
                      List.of(
                          Map.of(
                              "name", "webmetric",
                              "count", "{{args.analysis-runs}}",
                              "interval", "{{args.analysis-interval}}",
                              "initialDelay", "{{args.analysis-interval}}",
                              "failureLimit", "{{args.failure-limit}}",
                              "successCondition", "result == \"{{args.success-condition}}\"",
                              "provider",
                                  Map.of(
                                      "web",
                                      Map.of(
                                          "url",
                                          "{{args.secret-url}}",
                                          "jsonPath",
                                          "{$.message}"))))));

  @Test
  void theTemplatedRunMeasuresThreeTimesFiveSecondsApartAndSucceeds() {
    server.answer(
        "/example.json", r -> Response.json(200, "{\"message\":\"" + message.get() + "\"}"));
    AnalysisTemplate template = dev.rollouts.analysis.AnalysisManifests.template(TEMPLATE);
    var merged =
        AnalysisTemplates.merge(
            List.of(new TemplateRef("analysis-secret-args", false)),
            ref -> Optional.of(template),
            List.of(
                Argument.of("failure-limit", "2"),
                Argument.of("analysis-interval", "5s"),
                Argument.of("analysis-runs", "3"),
                Argument.of("inconclusive-limit", "2"),
                Argument.of("success-condition", "It worked!")),
            List.of(),
            List.of());
    AnalysisRun run =
        AnalysisRun.builder()
            .name("rollout-secret-abc-1-1")
            .namespace("default")
            .spec(((AnalysisTemplates.Merged.Spec) merged).spec())
            .build();
    String secretUrl = server.url() + "/example.json";
    MeasurementRunner runner =
        new MeasurementRunner(
            MetricProviders.of(new WebProvider()),
            (ns, name) ->
                CompletableFuture.completedFuture(
                    name.equals("example-secret")
                        ? Optional.of(Map.of("secretUrl", secretUrl))
                        : Optional.empty()),
            Duration.ofSeconds(10));
    AnalysisRunEngine engine = AnalysisRunEngine.create();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    int measured = 0;
    for (int second = 0; second <= 30 && !run.status().completed(); second++) {
      List<MeasurementTask> tasks = engine.tasks(run, now);
      measured += tasks.size();
      Reconciliation r = engine.reconcile(run, now, runner.run(run, tasks, now).join());
      run = run.withStatus(r.status());
      if (second == 0) {
        assertThat(tasks).as("initialDelay of 5s").isEmpty();
        assertThat(r.requeueAfter()).hasValue(Duration.ofSeconds(5));
        message.set("It failed");
      }
      if (second == 5) {
        assertThat(run.status().result("webmetric").orElseThrow().measurements().get(0).message())
            .hasValue(
                "result = It failed did not satisfy successCondition \"result == \"It worked!\"\"");
        message.set("It worked!");
      }
      now = now.plusSeconds(1);
    }
    assertThat(measured).isEqualTo(3);
    assertThat(server.requests()).hasSize(3);
    assertThat(run.status().phase()).hasValue(AnalysisPhase.Successful);
    var result = run.status().result("webmetric").orElseThrow();
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.successful()).isEqualTo(2);
    assertThat(result.measurements())
        .extracting(m -> m.value().orElseThrow())
        .containsExactly("\"It failed\"", "\"It worked!\"", "\"It worked!\"");
    assertThat(run.status().toString()).doesNotContain(secretUrl);
  }
}
