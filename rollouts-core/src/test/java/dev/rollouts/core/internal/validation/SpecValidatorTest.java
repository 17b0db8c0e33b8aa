package dev.rollouts.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PauseDuration;
import dev.rollouts.core.spec.PodTemplate;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.traffic.ReplicaSplit;
import dev.rollouts.core.traffic.ReplicaWeighting;
import dev.rollouts.core.traffic.TrafficPlugin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each validation rule, with the message Argo writes for it. */
class SpecValidatorTest {

  private static final ReplicaWeighting WEIGHTING =
      new ReplicaWeighting() {
        @Override
        public String name() {
          return DEFAULT_NAME;
        }

        @Override
        public ReplicaSplit split(dev.rollouts.core.traffic.WeightingRequest request) {
          return new ReplicaSplit(0, request.replicas());
        }
      };

  private static final Map<String, TrafficPlugin> PLUGINS =
      Map.of(ReplicaWeighting.DEFAULT_NAME, WEIGHTING);

  private static RolloutSpec valid() {
    return RolloutSpec.builder()
        .replicas(3)
        .selector(LabelSelector.of(Map.of("app", "demo")))
        .template(new PodTemplate("h", Map.of("app", "demo")))
        .strategy(
            StrategySpec.of(
                CanaryStrategy.builder().steps(List.of(new CanaryStep.SetWeight(20))).build()))
        .build();
  }

  private static StrategySpec canary(UnaryOperator<CanaryStrategy.Builder> edit) {
    return StrategySpec.of(edit.apply(CanaryStrategy.builder()).build());
  }

  private static StrategySpec blueGreen(UnaryOperator<BlueGreenStrategy.Builder> edit) {
    return StrategySpec.of(edit.apply(BlueGreenStrategy.builder().activeService("active")).build());
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of(
            RolloutSpec.builder().from(valid()).replicas(-1).build(),
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .selector(LabelSelector.of(Map.of("app", "other")))
                .build(),
            "spec.template.metadata.labels: Invalid value: \"{app=demo}\": `selector` does not match template `labels`"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(new StrategySpec(Optional.empty(), Optional.empty()))
                .build(),
            "spec.strategy.strategy: Required value: Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(
                    new StrategySpec(
                        Optional.of(CanaryStrategy.builder().build()),
                        Optional.of(BlueGreenStrategy.builder().activeService("a").build())))
                .build(),
            "spec.strategy.strategy: Invalid value: \"blueGreen: true canary: true\": Multiple Strategies can not be listed"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(
                    canary(
                        c ->
                            c.maxSurge(IntOrPercent.of(0))
                                .maxUnavailable(IntOrPercent.ofPercent(0))))
                .build(),
            "spec.strategy.maxSurge: Invalid value: \"0\": MaxSurge and MaxUnavailable both can not be zero"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(canary(c -> c.steps(List.of(new CanaryStep.SetWeight(-5)))))
                .build(),
            "spec.strategy.steps[0].setWeight: Invalid value: -5: SetWeight needs to be between 0 and 100"),
        // Argo's hasMultipleStepsType: two of setWeight, pause, experiment and analysis.
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(
                    canary(
                        c ->
                            c.steps(
                                List.of(
                                    new CanaryStep.SetWeight(10),
                                    CanaryStep.Combined.of(
                                        new CanaryStep.SetWeight(20),
                                        CanaryStep.Pause.indefinitely())))))
                .build(),
            "spec.strategy.steps[1]: Invalid value: \"step.Experiment: false step.Pause: true"
                + " step.SetWeight: true step.Analysis: false\": Step must have one of the"
                + " following set: experiment, setWeight, setCanaryScale or pause"),
        // Argo's check for a step that sets no field.
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(canary(c -> c.steps(List.of(new CanaryStep.Combined(List.of())))))
                .build(),
            "spec.strategy.steps[0]: Invalid value: \"step.Experiment: true step.Pause: true"
                + " step.SetWeight: true step.Analysis: true step.SetCanaryScale: true"
                + " step.SetHeaderRoute: true step.SetMirrorRoutes: true\": Step must have one of"
                + " the following set: experiment, setWeight, setCanaryScale or pause"),
        // Each field of a combined step is checked as on its own.
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(
                    canary(
                        c ->
                            c.steps(
                                List.of(
                                    CanaryStep.Combined.of(
                                        new CanaryStep.SetWeight(10),
                                        new CanaryStep.SetCanaryScale(
                                            Optional.of(2), Optional.empty(), false))))))
                .build(),
            "spec.strategy.trafficRouting: Required value: SetCanaryScale requires TrafficRouting to be set"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(
                    canary(
                        c ->
                            c.steps(
                                List.of(
                                    new CanaryStep.Pause(
                                        Optional.of(PauseDuration.ofSeconds(-3)))))))
                .build(),
            "spec.strategy.steps[0].pause.duration: Invalid value: -3: Duration needs to be greater than 0"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(
                    canary(
                        c ->
                            c.steps(
                                List.of(
                                    new CanaryStep.SetCanaryScale(
                                        Optional.of(2), Optional.empty(), false)))))
                .build(),
            "spec.strategy.trafficRouting: Required value: SetCanaryScale requires TrafficRouting to be set"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(canary(c -> c.canaryService("svc").stableService("svc")))
                .build(),
            "spec.strategy.stableService: Invalid value: \"svc\": This rollout uses the same service for the stable and canary services, but two different services are required."),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(canary(c -> c.scaleDownDelaySeconds(10)))
                .build(),
            "spec.strategy.scaleDownDelaySeconds: Invalid value: 10: Canary scaleDownDelaySeconds can only be used with traffic routing"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(
                    canary(
                        c ->
                            c.canaryService("c")
                                .stableService("s")
                                .trafficRouting(
                                    TrafficRouting.builder().putRouter("istio", Map.of()).build())))
                .build(),
            "spec.strategy.trafficRouting.istio: Invalid value: \"istio\": no traffic router named 'istio' is installed (installed: none)"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(canary(c -> c.antiAffinity(new AntiAffinity.Preferred(0))))
                .build(),
            "spec.strategy.antiAffinity.weight: Invalid value: 0: AntiAffinity weight must be between 1-100"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(StrategySpec.of(BlueGreenStrategy.builder().build()))
                .build(),
            "spec.strategy.blueGreen.activeService: Required value: Rollout has missing field '.spec.strategy.blueGreen.activeService'"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(blueGreen(b -> b.previewService("active")))
                .build(),
            "spec.strategy.blueGreen.activeService: Invalid value: \"active\": This rollout uses the same service for the active and preview services, but two different services are required."),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(blueGreen(b -> b.previewReplicaCount(4)))
                .build(),
            "spec.strategy.blueGreen.previewReplicaCount: Invalid value: 4: must be between 1 and spec.replicas (3)"),
        Arguments.of(
            RolloutSpec.builder()
                .from(valid())
                .strategy(blueGreen(b -> b.scaleDownDelaySeconds(-1)))
                .build(),
            "spec.strategy.blueGreen.scaleDownDelaySeconds: Invalid value: -1: must be greater than or equal to 0"));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsTheFirstErrorAsArgoWritesIt(RolloutSpec spec, String error) {
    Rollout rollout = Rollout.builder().name("demo").spec(spec).build();
    assertThat(SpecValidator.validate(rollout, PLUGINS))
        .contains("The Rollout \"demo\" is invalid: " + error);
  }

  @Test
  void acceptsAValidSpec() {
    assertThat(
            SpecValidator.validate(Rollout.builder().name("demo").spec(valid()).build(), PLUGINS))
        .isEmpty();
  }

  @Test
  void namesTheMissingModuleWhenNoWeightingPluginIsInstalled() {
    assertThat(
            SpecValidator.validate(Rollout.builder().name("demo").spec(valid()).build(), Map.of()))
        .hasValueSatisfying(
            m -> assertThat(m).contains("add rollouts-traffic-replicaset to the class path"));
  }
}
