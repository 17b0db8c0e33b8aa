package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.AnalysisManifests;
import dev.rollouts.analysis.AnalysisRun;
import dev.rollouts.analysis.status.AnalysisPhase;
import dev.rollouts.analysis.status.AnalysisRunStatus;
import dev.rollouts.kubernetes.sim.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analysis CRDs installed with the Rollout CRD, used through the in-process API server. */
class AnalysisCrdsIT {

  private static final ResourceDefinitionContext RUNS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("AnalysisRun")
          .withPlural("analysisruns")
          .withNamespaced(true)
          .build();

  @Test
  void anAnalysisRunIsStoredAndItsStatusWrittenThroughTheStatusSubresource() {
    try (TestCluster cluster = TestCluster.start()) {
      KubernetesClient client = cluster.client();
      assertThat(
              client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                  .map(c -> c.getMetadata().getName()))
          .contains(
              "analysistemplates.argoproj.io",
              "clusteranalysistemplates.argoproj.io",
              "analysisruns.argoproj.io");
      cluster.createNamespace("shop");
      GenericKubernetesResource run =
          new GenericKubernetesResourceBuilder()
              .withApiVersion("argoproj.io/v1alpha1")
              .withKind("AnalysisRun")
              .withNewMetadata()
              .withName("web-abc-1")
              .withNamespace("shop")
              .endMetadata()
              .withAdditionalProperties(
                  Map.of(
                      "spec",
                      Map.of(
                          "metrics",
                          List.of(
                              Map.of(
                                  "name", "success-rate",
                                  "count", "{{args.runs}}",
                                  "provider", Map.of("web", Map.of("url", "http://x")))),
                          "args",
                          List.of(Map.of("name", "runs", "value", "2")))))
              .build();
      client.genericKubernetesResources(RUNS).inNamespace("shop").resource(run).create();

      GenericKubernetesResource stored =
          client.genericKubernetesResources(RUNS).inNamespace("shop").withName("web-abc-1").get();
      AnalysisRun read =
          AnalysisManifests.run(
              client.getKubernetesSerialization().convertValue(stored, Map.class));
      assertThat(read.spec().metrics().get(0).count().orElseThrow().text())
          .isEqualTo("{{args.runs}}");

      AnalysisRunStatus status =
          AnalysisRunStatus.builder()
              .phase(AnalysisPhase.Running)
              .startedAt(Instant.parse("2026-01-01T00:00:00Z"))
              .build();
      stored.setAdditionalProperty("status", AnalysisManifests.statusTree(status));
      client.genericKubernetesResources(RUNS).inNamespace("shop").resource(stored).updateStatus();

      GenericKubernetesResource again =
          client.genericKubernetesResources(RUNS).inNamespace("shop").withName("web-abc-1").get();
      assertThat(
              AnalysisManifests.run(
                      client.getKubernetesSerialization().convertValue(again, Map.class))
                  .status())
          .isEqualTo(status);
    }
  }
}
