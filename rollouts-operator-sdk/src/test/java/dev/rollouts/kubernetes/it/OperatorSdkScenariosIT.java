package dev.rollouts.kubernetes.it;

import dev.rollouts.operatorsdk.RolloutReconciler;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared {@link ScenarioTable} (the one {@code ControllerScenariosIT} runs with our own
 * controller), run by {@link RolloutReconciler} inside a java-operator-sdk {@link Operator}.
 */
class OperatorSdkScenariosIT {

  static final ScenarioTable.Runner OPERATOR_SDK =
      (client, clock, rate, syncs) -> {
        Operator operator =
            new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
        RolloutReconciler.builder()
            .clock(clock, rate)
            .metrics(syncs)
            .expectationTimeout(Duration.ofSeconds(5))
            .conflictDelay(Duration.ofMillis(10))
            .build()
            .registerWith(operator);
        operator.start();
        return operator::stop;
      };

  @ParameterizedTest(name = "{0}")
  @EnumSource(ScenarioTable.Scenario.class)
  void passesEveryScenario(ScenarioTable.Scenario scenario) {
    scenario.runWith(OPERATOR_SDK);
  }
}
