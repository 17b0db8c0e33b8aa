package dev.rollouts.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanaryProgressTest {

  static final List<Map<String, Object>> STEPS =
      List.of(
          Map.of("pause", Map.of()),
          Map.of("setWeight", 20),
          Map.of("pause", Map.of()),
          Map.of("setWeight", 50),
          Map.of("pause", Map.of()));

  @ParameterizedTest(name = "step index {0}, aborted {1}: set weight {2}")
  @CsvSource({
    "0, false, 0",
    "1, false, 20",
    "2, false, 20",
    "4, false, 50",
    "5, false, 100",
    "9, false, 100",
    "2, true, 0"
  })
  void theSetWeightIsTheLastSetWeightAtOrBeforeTheCurrentStep(
      int index, boolean aborted, int weight) {
    assertThat(new CanaryProgress(STEPS, Optional.of(index), aborted).setWeight()).contains(weight);
  }

  @ParameterizedTest(name = "router weight {0}, available {1}: actual weight {2}")
  @CsvSource({"15, 6, 15", "-1, 6, 20", "15, 0, 0"})
  void withATrafficRouterTheActualWeightIsTheWeightTheRouterWasGiven(
      int routerWeight, int available, int actual) {
    Map<String, Object> spec =
        Map.of(
            "strategy",
            Map.of("canary", Map.of("steps", STEPS, "trafficRouting", Map.of("nginx", Map.of()))));
    Map<String, Object> status =
        new HashMap<>(Map.of("currentStepIndex", 2, "availableReplicas", available));
    if (routerWeight >= 0) {
      status.put("canary", Map.of("weights", Map.of("canary", Map.of("weight", routerWeight))));
    }
    assertThat(CanaryProgress.of(spec, status).actualWeight(spec, status, List.of()))
        .contains(actual);
  }

  @ParameterizedTest(name = "canary available {0} of {1}: actual weight {2}")
  @CsvSource({"1, 5, 20", "2, 6, 33", "0, 5, 0"})
  void withoutARouterTheActualWeightIsTheCanarysShareOfAvailablePods(
      int canaryAvailable, int available, int actual) {
    Map<String, Object> spec = Map.of("strategy", Map.of("canary", Map.of("steps", STEPS)));
    Map<String, Object> status = Map.of("currentStepIndex", 2, "availableReplicas", available);
    ReplicaSetInfo canary =
        ReplicaSetInfo.builder()
            .name("c")
            .revision(2)
            .status("Healthy")
            .addTag("canary")
            .replicas(canaryAvailable)
            .available(canaryAvailable)
            .build();
    assertThat(CanaryProgress.of(spec, status).actualWeight(spec, status, List.of(canary)))
        .contains(actual);
  }

  @ParameterizedTest(name = "index {0}: step {1}")
  @CsvSource({"0, 0/5", "5, 5/5"})
  void theStepIsIndexOverSteps(int index, String step) {
    assertThat(new CanaryProgress(STEPS, Optional.of(index), false).step()).contains(step);
    assertThat(new CanaryProgress(STEPS, Optional.empty(), false).step()).isEmpty();
    assertThat(new CanaryProgress(List.of(), Optional.of(index), false).step()).isEmpty();
  }
}
