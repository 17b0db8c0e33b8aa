package dev.rollouts.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.analysis.spec.AnalysisTemplate;
import dev.rollouts.analysis.status.AnalysisPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and writing the analysis kinds with Argo's field names, unknown fields kept. */
class AnalysisManifestsTest {

  private static final Map<String, Object> METRIC =
      Map.of(
          "name", "success-rate",
          "interval", "5m",
          "count", "{{args.runs}}",
          "successCondition", "result[0] >= 0.95",
          "failureLimit", 3,
          "provider", Map.of("prometheus", Map.of("address", "http://p:9090", "query", "up")),
          "futureField", Map.of("x", 1));

  @Test
  void readsATemplateAsArgosExampleWritesIt() {
    AnalysisTemplate t =
        AnalysisManifests.template(
            Map.of(
                "apiVersion",
                "argoproj.io/v1alpha1",
                "kind",
                "AnalysisTemplate",
                "metadata",
                Map.of("name", "success-rate", "namespace", "shop"),
                "spec",
                Map.of(
                    "args",
                        List.of(
                            Map.of("name", "service-name"),
                            Map.of(
                                "name",
                                "token",
                                "valueFrom",
                                Map.of("secretKeyRef", Map.of("name", "s", "key", "k")))),
                    "metrics", List.of(METRIC),
                    "dryRun", List.of(Map.of("metricName", ".*")),
                    "measurementRetention", List.of(Map.of("metricName", "success", "limit", 20)),
                    "templates", List.of(Map.of("templateName", "base", "clusterScope", true)))));
    assertThat(t.name()).isEqualTo("success-rate");
    assertThat(t.namespace()).hasValue("shop");
    assertThat(t.clusterScoped()).isFalse();
    assertThat(t.spec().args().get(0).value()).isEmpty();
    assertThat(t.spec().args().get(1).secretKeyRef().orElseThrow().key()).isEqualTo("k");
    assertThat(t.spec().metrics().get(0).count().orElseThrow().isString()).isTrue();
    assertThat(t.spec().metrics().get(0).failureLimitValue()).isEqualTo(3);
    assertThat(t.spec().metrics().get(0).providerTypes()).containsExactly("prometheus");
    assertThat(t.spec().metrics().get(0).extra()).containsKey("futureField");
    assertThat(t.spec().measurementRetention().get(0).limit()).isEqualTo(20);
    assertThat(t.spec().templates().get(0).clusterScope()).isTrue();
  }

  @Test
  void aMetricRoundTripsUnchangedWithItsUnknownFields() {
    assertThat(AnalysisManifests.metricTree(AnalysisManifests.metric(METRIC))).isEqualTo(METRIC);
  }

  @Test
  void aStatusRoundTripsInWholeSeconds() {
    Map<String, Object> status =
        Map.of(
            "phase", "Running",
            "startedAt", "2026-01-01T00:00:00Z",
            "runSummary", Map.of("count", 1),
            "metricResults",
                List.of(
                    Map.of(
                        "name",
                        "m",
                        "phase",
                        "Running",
                        "count",
                        1,
                        "successful",
                        1,
                        "consecutiveSuccess",
                        1,
                        "metadata",
                        Map.of("ResolvedPrometheusQuery", "up"),
                        "measurements",
                        List.of(
                            Map.of(
                                "phase", "Successful",
                                "startedAt", "2026-01-01T00:00:00Z",
                                "finishedAt", "2026-01-01T00:00:01Z",
                                "value", "[0.99]")))),
            "somethingNew", "kept");
    var read = AnalysisManifests.status(status);
    assertThat(read.phase()).hasValue(AnalysisPhase.Running);
    assertThat(read.result("m").orElseThrow().measurements().get(0).value()).hasValue("[0.99]");
    assertThat(AnalysisManifests.statusTree(read)).isEqualTo(status);
  }

  @Test
  void aClusterTemplateIsClusterScoped() {
    AnalysisTemplate t =
        AnalysisManifests.template(
            Map.of(
                "kind", "ClusterAnalysisTemplate",
                "metadata", Map.of("name", "always-pass"),
                "spec", Map.of("metrics", List.of(METRIC))));
    assertThat(t.clusterScoped()).isTrue();
    assertThat(t.namespace()).isEmpty();
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedByItsPath() {
    Map<String, Object> bad = Map.of("name", "m", "count", true);
    assertThatThrownBy(
            () ->
                AnalysisManifests.run(
                    Map.of(
                        "metadata", Map.of("name", "r"), "spec", Map.of("metrics", List.of(bad)))))
        .hasMessage("spec.metrics[0].count: expected an integer, got true");
  }
}
