package dev.rollouts.benchmarks;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PodTemplate;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.internal.StepHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code decide} on a 10-step basic canary mid-rollout with three ReplicaSets (stable, canary, an
 * older one still scaling down). Run: {@code java -jar rollouts-benchmarks/target/benchmarks.jar
 * -prof gc} for decisions per second and bytes allocated per decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecideBenchmark {

  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  private RolloutEngine engine;
  private Rollout rollout;
  private Observed observed;

  /** Builds the Rollout and the cluster it is decided against. */
  @Setup
  public void setUp() {
    engine = RolloutEngine.withInstalledPlugins();
    List<CanaryStep> steps = new ArrayList<>();
    for (int weight = 10; weight <= 50; weight += 10) {
      steps.add(new CanaryStep.SetWeight(weight));
      steps.add(CanaryStep.Pause.ofSeconds(30));
    }
    CanaryStrategy canary =
        CanaryStrategy.builder().steps(steps).maxSurge(IntOrPercent.of(1)).maxUnavailable(IntOrPercent.of(0)).build();
    RolloutSpec spec =
        RolloutSpec.builder()
            .replicas(10)
            .selector(LabelSelector.of(Map.of("app", "bench")))
            .template(new PodTemplate("v3", Map.of("app", "bench")))
            .strategy(StrategySpec.of(canary))
            .build();
    rollout =
        Rollout.builder()
            .name("bench")
            .generation(3)
            .spec(spec)
            .status(
                RolloutStatus.builder()
                    .observedGeneration("3")
                    .currentStepIndex(2)
                    .currentStepHash(StepHash.of(canary))
                    .currentPodHash("v3")
                    .stableRS("v2")
                    .build())
            .build();
    observed =
        Observed.builder()
            .addReplicaSet(rs("bench-v1", "v1", 1, 1))
            .addReplicaSet(rs("bench-v2", "v2", 2, 8))
            .addReplicaSet(rs("bench-v3", "v3", 3, 2))
            .build();
  }

  private static ObservedReplicaSet rs(String name, String hash, long revision, int replicas) {
    return ObservedReplicaSet.builder()
        .name(name)
        .podTemplateHash(hash)
        .templateHash(hash)
        .revision(revision)
        .specReplicas(replicas)
        .statusReplicas(replicas)
        .readyReplicas(replicas)
        .availableReplicas(replicas)
        .creationTime(NOW.minusSeconds(600 - revision * 100))
        .build();
  }

  /** One decision of the 10-step canary. */
  @Benchmark
  public Decision canaryDecision() {
    return engine.decide(rollout, observed, NOW);
  }
}
