package dev.rollouts.analysis;

import static dev.rollouts.analysis.Driver.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.analysis.AnalysisTemplates.Merged;
import dev.rollouts.analysis.spec.AnalysisTemplate;
import dev.rollouts.analysis.spec.AnalysisTemplateSpec;
import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.DryRun;
import dev.rollouts.analysis.spec.Metric;
import dev.rollouts.analysis.spec.TemplateRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Merging templates: Argo's {@code getAnalysisTemplatesFromRefs}, {@code FlattenTemplates}, {@code
 * MergeArgs} and {@code mergeDryRunMetrics} ({@code rollout/analysis.go}, {@code
 * utils/analysis/helpers.go}).
 */
class AnalysisTemplatesTest {

  private final Map<TemplateRef, AnalysisTemplate> store = new java.util.HashMap<>();

  private void put(AnalysisTemplate t) {
    store.put(t.ref(), t);
  }

  private Merged merge(List<TemplateRef> refs, List<Argument> args) {
    return AnalysisTemplates.merge(
        refs, r -> Optional.ofNullable(store.get(r)), args, List.of(), List.of());
  }

  private static AnalysisTemplateSpec spec(
      List<Metric> metrics, List<Argument> args, List<TemplateRef> nested) {
    return AnalysisTemplateSpec.builder().metrics(metrics).args(args).templates(nested).build();
  }

  @Test
  void nestedTemplatesJoinOnceWithNamespacedMetricsFirst() {
    put(AnalysisTemplate.cluster("base", spec(List.of(metric("c").build()), List.of(), List.of())));
    put(
        AnalysisTemplate.namespaced(
            "inner",
            "ns",
            spec(List.of(metric("b").build()), List.of(), List.of(new TemplateRef("base", true)))));
    put(
        AnalysisTemplate.namespaced(
            "outer",
            "ns",
            spec(
                List.of(metric("a").build()),
                List.of(),
                List.of(new TemplateRef("inner", false), new TemplateRef("base", true)))));
    Merged merged = merge(List.of(new TemplateRef("outer", false)), List.of());
    assertThat(((Merged.Spec) merged).spec().metrics())
        .extracting(Metric::name)
        .containsExactly("a", "b", "c");
  }

  @Test
  void callerArgsOverrideByNameAndUndeclaredOnesAreIgnored() {
    put(
        AnalysisTemplate.namespaced(
            "t",
            "ns",
            spec(
                List.of(metric("m").build()),
                List.of(Argument.required("svc"), Argument.of("port", "80")),
                List.of())));
    Merged merged =
        merge(
            List.of(new TemplateRef("t", false)),
            List.of(Argument.of("svc", "web"), Argument.of("other", "x")));
    assertThat(((Merged.Spec) merged).spec().args())
        .containsExactly(Argument.of("svc", "web"), Argument.of("port", "80"));
  }

  @Test
  void aRequiredArgNotGivenIsArgosError() {
    put(
        AnalysisTemplate.namespaced(
            "t",
            "ns",
            spec(List.of(metric("m").build()), List.of(Argument.required("svc")), List.of())));
    assertThat(merge(List.of(new TemplateRef("t", false)), List.of()))
        .isEqualTo(new Merged.Invalid("args.svc was not resolved"));
  }

  @Test
  void conflictsAreArgosErrors() {
    put(
        AnalysisTemplate.namespaced(
            "a",
            "ns",
            spec(List.of(metric("m").build()), List.of(Argument.of("x", "1")), List.of())));
    put(
        AnalysisTemplate.namespaced(
            "b",
            "ns",
            spec(List.of(metric("m").build()), List.of(Argument.of("x", "2")), List.of())));
    assertThat(merge(List.of(new TemplateRef("a", false), new TemplateRef("b", false)), List.of()))
        .isEqualTo(new Merged.Invalid("two metrics have the same name 'm'"));
    put(
        AnalysisTemplate.namespaced(
            "b",
            "ns",
            spec(List.of(metric("n").build()), List.of(Argument.of("x", "2")), List.of())));
    assertThat(merge(List.of(new TemplateRef("a", false), new TemplateRef("b", false)), List.of()))
        .isEqualTo(
            new Merged.Invalid(
                "Argument `x` specified multiple times with different values: '1', '2'"));
  }

  @Test
  void aMissingTemplateAndACycleAreNamed() {
    assertThat(merge(List.of(new TemplateRef("nope", true)), List.of()))
        .isEqualTo(new Merged.Invalid("clusteranalysistemplate.argoproj.io \"nope\" not found"));
    put(
        AnalysisTemplate.namespaced(
            "x",
            "ns",
            spec(List.of(metric("m").build()), List.of(), List.of(new TemplateRef("y", false)))));
    put(
        AnalysisTemplate.namespaced(
            "y",
            "ns",
            spec(List.of(metric("n").build()), List.of(), List.of(new TemplateRef("x", false)))));
    assertThat(merge(List.of(new TemplateRef("x", false)), List.of()))
        .isEqualTo(new Merged.Invalid("templates form a cycle: x -> y -> x"));
  }

  @Test
  void duplicateDryRunRulesAreArgosError() {
    put(
        AnalysisTemplate.namespaced(
            "t",
            "ns",
            AnalysisTemplateSpec.builder()
                .addMetrics(metric("m").build())
                .addDryRun(new DryRun("m"))
                .build()));
    assertThat(
            AnalysisTemplates.merge(
                List.of(new TemplateRef("t", false)),
                r -> Optional.ofNullable(store.get(r)),
                List.of(),
                List.of(new DryRun("m")),
                List.of()))
        .isEqualTo(new Merged.Invalid("two Dry-Run metric rules have the same name 'm'"));
  }
}
