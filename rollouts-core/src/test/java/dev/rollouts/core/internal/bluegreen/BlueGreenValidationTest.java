package dev.rollouts.core.internal.bluegreen;

import static dev.rollouts.core.internal.bluegreen.BlueGreenState.PREVIEW;
import static dev.rollouts.core.internal.bluegreen.BlueGreenState.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.status.ConditionType;
import dev.rollouts.core.status.Phase;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An invalid blue-green spec yields InvalidSpec naming the field, and no action. */
class BlueGreenValidationTest {

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        row(
            "missing activeService",
            b -> BlueGreenStrategy.builder().previewService("preview"),
            "spec.strategy.blueGreen.activeService: Required value: Rollout has missing field '.spec.strategy.blueGreen.activeService'"),
        row(
            "activeService equal to previewService",
            b -> b.previewService("active"),
            "spec.strategy.blueGreen.activeService: Invalid value: \"active\": This rollout uses the same service for the active and preview services, but two different services are required."),
        row(
            "previewReplicaCount below 1",
            b -> b.previewReplicaCount(0),
            "spec.strategy.blueGreen.previewReplicaCount: Invalid value: 0: must be between 1 and spec.replicas (3)"),
        row(
            "previewReplicaCount above replicas",
            b -> b.previewReplicaCount(4),
            "spec.strategy.blueGreen.previewReplicaCount: Invalid value: 4: must be between 1 and spec.replicas (3)"),
        row(
            "negative autoPromotionSeconds",
            b -> b.autoPromotionSeconds(-1),
            "spec.strategy.blueGreen.autoPromotionSeconds: Invalid value: -1: must be greater than or equal to 0"),
        row(
            "negative scaleDownDelaySeconds",
            b -> b.scaleDownDelaySeconds(-30),
            "spec.strategy.blueGreen.scaleDownDelaySeconds: Invalid value: -30: must be greater than or equal to 0"),
        row(
            "negative abortScaleDownDelaySeconds",
            b -> b.abortScaleDownDelaySeconds(-1),
            "spec.strategy.blueGreen.abortScaleDownDelaySeconds: Invalid value: -1: must be greater than or equal to 0"),
        row(
            "negative scaleDownDelayRevisionLimit",
            b -> b.scaleDownDelayRevisionLimit(-1),
            "spec.strategy.blueGreen.scaleDownDelayRevisionLimit: Invalid value: -1: must be greater than or equal to 0"),
        row(
            "scaleDownDelayRevisionLimit above revisionHistoryLimit",
            b -> b.scaleDownDelayRevisionLimit(11),
            "spec.strategy.blueGreen.scaleDownDelayRevisionLimit: Invalid value: 11: This rollout's revision history limit can not be smaller than the rollout's scale down limit"),
        row(
            "maxUnavailable above 100%",
            b -> b.maxUnavailable(IntOrPercent.ofPercent(101)),
            "spec.strategy.blueGreen.maxUnavailable: Invalid value: \"101%\": must be a count of 0 or more, or a percentage from 0% to 100%"),
        row(
            "antiAffinity weight out of range",
            b -> b.antiAffinity(new AntiAffinity.Preferred(0)),
            "spec.strategy.blueGreen.antiAffinity.weight: Invalid value: 0: AntiAffinity weight must be between 1-100"),
        row(
            "prePromotionAnalysis without templates",
            b -> b.prePromotionAnalysis(Map.of("args", List.of())),
            "spec.strategy.blueGreen.prePromotionAnalysis.templates: Required value: at least one analysis template must be named"),
        row(
            "postPromotionAnalysis template without a name",
            b ->
                b.postPromotionAnalysis(Map.of("templates", List.of(Map.of("clusterScope", true)))),
            "spec.strategy.blueGreen.postPromotionAnalysis.templates[0].templateName: Required value: the analysis template must be named"));
  }

  private static Arguments row(
      String name, UnaryOperator<BlueGreenStrategy.Builder> edit, String message) {
    return Arguments.of(name, edit, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void anInvalidSpecIsReportedNamingTheFieldAndNothingIsDone(
      String name, UnaryOperator<BlueGreenStrategy.Builder> edit, String message) {
    BlueGreenStrategy strategy =
        edit.apply(BlueGreenStrategy.builder().activeService("active").previewService(PREVIEW))
            .build();

    Decision d = BlueGreenState.fresh(strategy).decide(T0);

    String expected = "The Rollout \"demo\" is invalid: " + message;
    assertThat(d.status().condition(ConditionType.InvalidSpec))
        .hasValueSatisfying(c -> assertThat(c.message()).isEqualTo(expected));
    assertThat(d.status().phase()).contains(Phase.Degraded);
    assertThat(d.status().message()).contains("InvalidSpec: " + expected);
    assertThat(d.createReplicaSet()).isEmpty();
    assertThat(d.serviceSelectors()).isEmpty();
  }

  @ParameterizedTest(name = "missing {0}")
  @MethodSource("namedServices")
  void aMissingServiceIsReportedAsInvalidSpec(String field, String service) {
    Decision d =
        BlueGreenState.fresh(BlueGreenState.strategy().build()).withoutService(service).decide(T0);

    assertThat(d.status().condition(ConditionType.InvalidSpec))
        .hasValueSatisfying(
            c ->
                assertThat(c.message())
                    .isEqualTo(
                        "The Rollout \"demo\" is invalid: spec.strategy.blueGreen."
                            + field
                            + ": Invalid value: \""
                            + service
                            + "\": service \""
                            + service
                            + "\" not found"));
    assertThat(d.createReplicaSet()).isEmpty();
  }

  static Stream<Arguments> namedServices() {
    return Stream.of(
        Arguments.of("activeService", "active"), Arguments.of("previewService", "preview"));
  }
}
