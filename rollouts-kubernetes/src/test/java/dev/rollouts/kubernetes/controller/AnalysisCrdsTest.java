package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The analysis CRDs shipped with the Rollout CRD: Argo's names, scopes and printer columns. */
class AnalysisCrdsTest {

  private final Map<String, CustomResourceDefinition> byName =
      RolloutCrd.definitions().stream()
          .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));

  @Test
  void theRolloutCrdComesWithTheThreeAnalysisKinds() {
    assertThat(byName)
        .containsOnlyKeys(
            "rollouts.argoproj.io",
            "analysistemplates.argoproj.io",
            "clusteranalysistemplates.argoproj.io",
            "analysisruns.argoproj.io");
  }

  @Test
  void namesScopesAndShortNamesAreArgos() {
    assertKind("analysistemplates.argoproj.io", "AnalysisTemplate", "Namespaced", "at");
    assertKind("clusteranalysistemplates.argoproj.io", "ClusterAnalysisTemplate", "Cluster", "cat");
    assertKind("analysisruns.argoproj.io", "AnalysisRun", "Namespaced", "ar");
  }

  @Test
  void anAnalysisRunShowsItsStatusAndAgeAndHasTheStatusSubresource() {
    var version = byName.get("analysisruns.argoproj.io").getSpec().getVersions().get(0);
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(
            CustomResourceColumnDefinition::getName, CustomResourceColumnDefinition::getJsonPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Status", ".status.phase"),
            org.assertj.core.groups.Tuple.tuple("Age", ".metadata.creationTimestamp"));
    assertThat(version.getSubresources().getStatus()).isNotNull();
    var template = byName.get("analysistemplates.argoproj.io").getSpec().getVersions().get(0);
    assertThat(template.getSubresources()).isNull();
  }

  @Test
  void countsAndLimitsMayBeIntegersOrTemplatedStrings() {
    JSONSchemaProps metric =
        byName
            .get("analysisruns.argoproj.io")
            .getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec")
            .getProperties()
            .get("metrics")
            .getItems()
            .getSchema();
    for (String field :
        List.of(
            "count",
            "failureLimit",
            "inconclusiveLimit",
            "consecutiveErrorLimit",
            "consecutiveSuccessLimit")) {
      assertThat(metric.getProperties().get(field).getXKubernetesIntOrString()).as(field).isTrue();
    }
    assertThat(metric.getXKubernetesPreserveUnknownFields()).isTrue();
    assertThat(metric.getProperties().get("provider").getXKubernetesPreserveUnknownFields())
        .isTrue();
  }

  private void assertKind(String name, String kind, String scope, String shortName) {
    CustomResourceDefinition crd = byName.get(name);
    assertThat(crd.getSpec().getGroup()).isEqualTo("argoproj.io");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo(kind);
    assertThat(crd.getSpec().getScope()).isEqualTo(scope);
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly(shortName);
    assertThat(crd.getSpec().getVersions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getName()).isEqualTo("v1alpha1");
              assertThat(v.getAdditionalPrinterColumns())
                  .extracting(CustomResourceColumnDefinition::getName)
                  .contains("Age");
            });
  }
}
