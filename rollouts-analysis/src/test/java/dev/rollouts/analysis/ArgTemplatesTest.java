package dev.rollouts.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollouts.analysis.spec.Argument;
import dev.rollouts.analysis.spec.IntOrString;
import dev.rollouts.analysis.spec.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code {{args.x}}} substitution: Argo's {@code ResolveMetricArgs} and {@code template.go}. */
class ArgTemplatesTest {

  @Test
  void substitutesIntoEveryStringOfAMetric() {
    Metric metric =
        Metric.builder()
            .name("rate")
            .interval("{{args.every}}")
            .count(IntOrString.of("{{args.runs}}"))
            .failureLimit(IntOrString.of("{{ args.failures }}"))
            .successCondition("result[0] >= {{args.threshold}}")
            .provider(
                Map.of(
                    "prometheus",
                    Map.of(
                        "query",
                        "sum(rate(x{service=\"{{args.service}}\"}[5m]))",
                        "headers",
                        List.of(Map.of("key", "X-Svc", "value", "{{args.service}}")))))
            .build();
    Metric resolved =
        ArgTemplates.resolve(
            metric,
            List.of(
                Argument.of("every", "30s"),
                Argument.of("runs", "3"),
                Argument.of("failures", "1"),
                Argument.of("threshold", "0.95"),
                Argument.of("service", "web")));
    assertThat(resolved.interval()).hasValue("30s");
    assertThat(resolved.effectiveCount()).hasValue(3);
    assertThat(resolved.failureLimitValue()).isEqualTo(1);
    assertThat(resolved.successCondition()).hasValue("result[0] >= 0.95");
    assertThat(resolved.providerConfig())
        .containsEntry("query", "sum(rate(x{service=\"web\"}[5m]))")
        .containsEntry("headers", List.of(Map.of("key", "X-Svc", "value", "web")));
  }

  @Test
  void valuesWithQuotesAndNewlinesArriveUnchanged() {
    Metric resolved =
        ArgTemplates.resolve(
            Metric.builder()
                .name("m")
                .provider(Map.of("web", Map.of("body", "{{args.b}}")))
                .build(),
            List.of(Argument.of("b", "{\"a\": \"x\ny\"}")));
    assertThat(resolved.providerConfig()).containsEntry("body", "{\"a\": \"x\ny\"}");
  }

  @Test
  void aSecretIsAPlaceholderWhilePlanning() {
    List<Argument> args = ArgTemplates.withoutSecrets(List.of(Argument.fromSecret("t", "s", "k")));
    assertThat(args).containsExactly(Argument.of("t", "temp-for-secret"));
  }

  @Test
  void aTaskResolvesSecretsOnlyWhenAsked() {
    Metric metric =
        Metric.builder()
            .name("m")
            .provider(Map.of("web", Map.of("url", "http://h/?t={{args.t}}")))
            .build();
    MeasurementTask task =
        new MeasurementTask(
            MeasurementTask.Kind.RUN,
            metric,
            List.of(Argument.fromSecret("t", "s", "k")),
            java.util.Optional.empty());
    assertThat(task.secretArgs()).extracting(Argument::name).containsExactly("t");
    assertThat(task.resolve(Map.of("t", "hunter2")).providerConfig())
        .containsEntry("url", "http://h/?t=hunter2");
  }

  @Test
  void anUnterminatedTagIsLeftAsWritten() {
    assertThat(ArgTemplates.substitute("a {{args.x", Map.of())).isEqualTo("a {{args.x");
  }

  @Test
  void errorsAreArgos() {
    assertThatThrownBy(() -> ArgTemplates.substitute("{{args.y}}", Map.of("args.x", "1")))
        .hasMessage("failed to resolve {{args.y}}");
  }
}
