package dev.rollouts.benchmarks;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.spec.PodTemplate;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.RolloutSpec;
import dev.rollouts.core.spec.StrategySpec;
import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.PauseCondition;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.RolloutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * older one still scaling down), and on a blue-green Rollout paused for promotion with three
 * ReplicaSets (active, preview, an older one waiting out its scale-down delay). Run: {@code java
 * -jar rollouts-benchmarks/target/benchmarks.jar -prof gc} for decisions per second and bytes
 * allocated per decision.
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
        CanaryStrategy.builder()
            .steps(steps)
            .maxSurge(IntOrPercent.of(1))
            .maxUnavailable(IntOrPercent.of(0))
            .build();
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
                    .currentStepHash(canary.stepHash())
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
    return rsBuilder(name, hash, revision, replicas).build();
  }

  private static ObservedReplicaSet.Builder rsBuilder(
      String name, String hash, long revision, int replicas) {
    return ObservedReplicaSet.builder()
        .name(name)
        .podTemplateHash(hash)
        .templateHash(hash)
        .revision(revision)
        .specReplicas(replicas)
        .statusReplicas(replicas)
        .readyReplicas(replicas)
        .availableReplicas(replicas)
        .creationTime(NOW.minusSeconds(600 - revision * 100));
  }

  /** One decision of the 10-step canary. */
  @Benchmark
  public Decision canaryDecision() {
    return engine.decide(rollout, observed, NOW);
  }

  /** One decision of the blue-green Rollout paused for promotion. */
  @Benchmark
  public Decision blueGreenDecision(BlueGreenPaused state) {
    return engine.decide(state.rollout, state.observed, NOW);
  }

  /**
   * A blue-green Rollout of 10 replicas: v2 active and stable, v3 previewed and paused for
   * promotion, v1 still up until its scale-down deadline.
   */
  @State(Scope.Benchmark)
  public static class BlueGreenPaused {

    private Rollout rollout;
    private Observed observed;

    /** Builds the Rollout and the cluster it is decided against. */
    @Setup
    public void setUp() {
      BlueGreenStrategy blueGreen =
          BlueGreenStrategy.builder()
              .activeService("active")
              .previewService("preview")
              .autoPromotionEnabled(false)
              .build();
      RolloutSpec spec =
          RolloutSpec.builder()
              .replicas(10)
              .selector(LabelSelector.of(Map.of("app", "bench")))
              .template(new PodTemplate("v3", Map.of("app", "bench")))
              .strategy(StrategySpec.of(blueGreen))
              .build();
      rollout =
          Rollout.builder()
              .name("bench")
              .generation(3)
              .spec(spec)
              .status(
                  RolloutStatus.builder()
                      .observedGeneration("3")
                      .currentPodHash("v3")
                      .stableRS("v2")
                      .addPauseConditions(
                          new PauseCondition(PauseReason.BlueGreenPause, NOW.minusSeconds(60)))
                      .controllerPause(true)
                      .blueGreen(new BlueGreenStatus(Optional.of("v2"), Optional.of("v3"), false))
                      .build())
              .build();
      observed =
          Observed.builder()
              .addReplicaSet(
                  rsBuilder("bench-v1", "v1", 1, 10).scaleDownDeadline(NOW.plusSeconds(20)).build())
              .addReplicaSet(rs("bench-v2", "v2", 2, 10))
              .addReplicaSet(rs("bench-v3", "v3", 3, 10))
              .putService(
                  "active",
                  new ObservedService(
                      "active", Map.of("app", "bench", "rollouts-pod-template-hash", "v2")))
              .putService(
                  "preview",
                  new ObservedService(
                      "preview", Map.of("app", "bench", "rollouts-pod-template-hash", "v3")))
              .build();
    }
  }
}
