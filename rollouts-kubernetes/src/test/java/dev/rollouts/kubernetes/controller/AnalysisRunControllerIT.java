package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.AnalysisManifests;
import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.kubernetes.sim.Poll;
import dev.rollouts.kubernetes.sim.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AnalysisRun controller and the Job provider against the in-process API server; the test plays
 * the Job controller by writing the Job's status.
 */
class AnalysisRunControllerIT {

  private TestCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = TestCluster.start();
    client = cluster.client();
    cluster.createNamespace("shop");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private void createRun(String name, Map<String, Object> spec) {
    GenericKubernetesResource run =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("AnalysisRun")
            .withNewMetadata()
            .withName(name)
            .withNamespace("shop")
            .endMetadata()
            .withAdditionalProperties(Map.of("spec", spec))
            .build();
    client
        .genericKubernetesResources(AnalysisRunController.RUNS)
        .inNamespace("shop")
        .resource(run)
        .create();
  }

  private static Map<String, Object> jobSpec(String metric) {
    return Map.of(
        "metrics",
        List.of(
            Map.of(
                "name",
                metric,
                "provider",
                Map.of(
                    "job",
                    Map.of(
                        "metadata", Map.of("labels", Map.of("team", "{{args.team}}")),
                        "spec",
                            Map.of(
                                "backoffLimit",
                                0,
                                "template",
                                Map.of(
                                    "spec",
                                    Map.of(
                                        "restartPolicy",
                                        "Never",
                                        "containers",
                                        List.of(
                                            Map.of(
                                                "name", "check",
                                                "image", "busybox",
                                                "command", List.of("sh", "-c", "exit 0")))))))))),
        "args",
        List.of(Map.of("name", "team", "value", "payments")));
  }

  private AnalysisRun run(String name) {
    GenericKubernetesResource r =
        client
            .genericKubernetesResources(AnalysisRunController.RUNS)
            .inNamespace("shop")
            .withName(name)
            .get();
    return AnalysisManifests.run(client.getKubernetesSerialization().convertValue(r, Map.class));
  }

  private List<Job> jobs() {
    return client.batch().v1().jobs().inNamespace("shop").list().getItems();
  }

  private void finish(Job job, String condition) {
    job.setStatus(
        new JobStatusBuilder()
            .withConditions(
                new JobConditionBuilder().withType(condition).withStatus("True").build())
            .build());
    client.batch().v1().jobs().inNamespace("shop").resource(job).updateStatus();
  }

  @Test
  void aJobMetricRunsAJobNamedAndOwnedAsArgoAndSucceedsWhenItCompletes() {
    try (AnalysisRunController controller =
        AnalysisRunController.start(client, Optional.of("shop"))) {
      createRun("smoke", jobSpec("smoke-test"));
      Poll.until("the Job is created", () -> jobs().size() == 1, this::jobs);
      Job job = jobs().get(0);
      String uid = run("smoke").uid().orElseThrow();
      assertThat(job.getMetadata().getName()).isEqualTo(uid + ".smoke-test.1");
      assertThat(job.getMetadata().getLabels())
          .containsEntry("analysisrun.argoproj.io/uid", uid)
          .containsEntry("team", "payments");
      assertThat(job.getMetadata().getAnnotations())
          .containsEntry("analysisrun.argoproj.io/name", "smoke")
          .containsEntry("analysisrun.argoproj.io/namespace", "shop")
          .containsEntry("analysisrun.argoproj.io/metric-name", "smoke-test");
      assertThat(job.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.getKind()).isEqualTo("AnalysisRun");
                assertThat(o.getUid()).isEqualTo(uid);
                assertThat(o.getController()).isTrue();
              });
      assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
          .containsEntry("analysisrun.argoproj.io/uid", uid);
      Poll.until(
          "the measurement is in flight",
          () -> run("smoke").status().phase().equals(Optional.of(AnalysisPhase.Running)),
          () -> run("smoke").status());

      finish(job, "Complete");
      Poll.until(
          "the run is Successful",
          () -> run("smoke").status().phase().equals(Optional.of(AnalysisPhase.Successful)),
          () -> run("smoke").status());
      assertThat(run("smoke").status().result("smoke-test").orElseThrow().measurements())
          .singleElement()
          .satisfies(
              m -> assertThat(m.metadata()).containsEntry("job-name", job.getMetadata().getName()));
      Poll.until(
          "Argo's events are recorded",
          () ->
              client.v1().events().inNamespace("shop").list().getItems().stream()
                  .map(e -> e.getReason())
                  .toList()
                  .containsAll(List.of("MetricSuccessful", "AnalysisRunSuccessful")),
          () -> client.v1().events().inNamespace("shop").list().getItems());
    }
  }

  @Test
  void aFailedJobFailsTheRunAndMetricsCountRunsByPhaseAndMeasurementsByProvider() {
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    try (AnalysisRunController controller =
        AnalysisRunController.start(
            client,
            Optional.of("shop"),
            java.time.Clock.systemUTC(),
            Duration.ofSeconds(30),
            new MicrometerAnalysisMetrics(registry))) {
      createRun("bad", jobSpec("check"));
      Poll.until("the Job is created", () -> jobs().size() == 1, this::jobs);
      finish(jobs().get(0), "Failed");
      Poll.until(
          "the run is Failed",
          () -> run("bad").status().phase().equals(Optional.of(AnalysisPhase.Failed)),
          () -> run("bad").status());
      assertThat(run("bad").status().message())
          .hasValue("Metric \"check\" assessed Failed due to failed (1) > failureLimit (0)");
      Poll.until(
          "the Failed run is counted",
          () -> registry.get("analysis_run_phase").tag("phase", "Failed").gauge().value() == 1.0,
          registry::getMetersAsString);
      assertThat(
              registry
                  .get("analysis_run_metric_measurement")
                  .tag("provider", "job")
                  .timer()
                  .count())
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void aRestartedControllerResumesTheInFlightJobAndTerminateDeletesIt() {
    try (AnalysisRunController first = AnalysisRunController.start(client, Optional.of("shop"))) {
      createRun("long", jobSpec("soak"));
      Poll.until(
          "the measurement is in flight",
          () ->
              run("long")
                  .status()
                  .result("soak")
                  .map(r -> !r.measurements().isEmpty())
                  .orElse(false),
          () -> run("long").status());
    }
    try (AnalysisRunController second =
        AnalysisRunController.start(cluster.newClient(), Optional.of("shop"))) {
      GenericKubernetesResource r =
          client
              .genericKubernetesResources(AnalysisRunController.RUNS)
              .inNamespace("shop")
              .withName("long")
              .get();
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
      Map<String, Object> terminated = new java.util.HashMap<>(spec);
      terminated.put("terminate", true);
      r.setAdditionalProperty("spec", terminated);
      client
          .genericKubernetesResources(AnalysisRunController.RUNS)
          .inNamespace("shop")
          .resource(r)
          .update();
      Poll.until(
          "the run completes", () -> run("long").status().completed(), () -> run("long").status());
      assertThat(run("long").status().result("soak").orElseThrow().measurements())
          .singleElement()
          .satisfies(m -> assertThat(m.message()).hasValue("Metric Terminated"));
      Poll.until("the Job is deleted", () -> jobs().isEmpty(), this::jobs);
    }
  }
}
