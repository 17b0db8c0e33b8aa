package dev.rollouts.benchmarks;

import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import java.util.ArrayList;
import java.util.List;

/** The 10-step canary the benchmarks share: setWeight 10..50, each followed by a 30 s pause. */
final class DecideBenchmarkSteps {

  private DecideBenchmarkSteps() {}

  static CanaryStrategy tenSteps() {
    List<CanaryStep> steps = new ArrayList<>();
    for (int weight = 10; weight <= 50; weight += 10) {
      steps.add(new CanaryStep.SetWeight(weight));
      steps.add(CanaryStep.Pause.ofSeconds(30));
    }
    return CanaryStrategy.builder()
        .steps(steps)
        .maxSurge(IntOrPercent.of(1))
        .maxUnavailable(IntOrPercent.of(0))
        .build();
  }
}
