package dev.rollouts.traffic.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.traffic.RoutingPlan;
import dev.rollouts.core.traffic.RoutingProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A {@code trafficRouting.nginx} block the router cannot use is reported, naming the field. */
class NginxSettingsTest {

  private final NginxTrafficRouter router = new NginxTrafficRouter();

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(Map.of(), "nginx: stableIngress or stableIngresses is required"),
        Arguments.of(
            Map.of("stableIngress", "a", "stableIngresses", List.of("b")),
            "nginx: set stableIngress or stableIngresses, not both"),
        Arguments.of(
            Map.of("stableIngresses", List.of()), "nginx.stableIngresses: names no Ingress"),
        Arguments.of(
            Map.of("stableIngresses", "a"),
            "nginx.stableIngresses: must be a list of Ingress names"),
        Arguments.of(
            Map.of("stableIngresses", List.of("a", 3)),
            "nginx.stableIngresses: every entry must be an Ingress name"),
        Arguments.of(Map.of("stableIngress", 3), "nginx.stableIngress: must be a string, not 3"),
        Arguments.of(
            Map.of("stableIngress", "a", "additionalIngressAnnotations", List.of("x")),
            "nginx.additionalIngressAnnotations: must be a map of annotation names to values"),
        Arguments.of(
            Map.of("stableIngress", "a", "canaryIngressAnnotations", Map.of("k", List.of())),
            "nginx.canaryIngressAnnotations.k: must be a string"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("mistakes")
  void reportsAMistakeInTheBlockOnTheRollout(Map<String, Object> config, String message) {
    RoutingPlan plan = router.plan(Fixtures.request(config, 10, Fixtures.stableIngress()));

    assertThat(plan.desired()).isEmpty();
    assertThat(plan.problems())
        .containsExactly(
            new RoutingProblem("Rollout", "app", "spec.strategy.canary.trafficRouting." + message));
  }

  @Test
  void readsTheDefaultsOfAnAbsentPrefixAndAbsentAnnotationMaps() {
    List<RoutingProblem> problems = new java.util.ArrayList<>();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("stableIngresses", List.of("a", "b", "a"));
    config.put("annotationPrefix", "");

    NginxSettings settings = NginxSettings.parse(config, "app", problems).orElseThrow();

    assertThat(problems).isEmpty();
    assertThat(settings.stableIngresses()).containsExactly("a", "b");
    assertThat(settings.annotationPrefix()).isEqualTo("nginx.ingress.kubernetes.io");
    assertThat(settings.additionalIngressAnnotations()).isEmpty();
    assertThat(settings.canaryIngressAnnotations()).isEmpty();
  }
}
