package dev.rollouts.kubernetes.it;

import dev.rollouts.kubernetes.controller.RolloutController;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shared {@link ScenarioTable}, run by {@link RolloutController}. */
class ControllerScenariosIT {

  static final ScenarioTable.Runner CONTROLLER =
      (client, clock, rate, syncs) -> {
        RolloutController controller =
            RolloutController.builder(client)
                .clock(clock, rate)
                .metrics(syncs)
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(500))
                .expectationTimeout(Duration.ofSeconds(5))
                .build();
        controller.start();
        return controller;
      };

  @ParameterizedTest(name = "{0}")
  @EnumSource(ScenarioTable.Scenario.class)
  void passesEveryScenario(ScenarioTable.Scenario scenario) {
    scenario.runWith(CONTROLLER);
  }
}
