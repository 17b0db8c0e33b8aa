package dev.rollouts.testkit;

import static dev.rollouts.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the canary with a traffic router, whatever the router. */
class RoutedCanaryProperties {

  private final RolloutEngine engine =
      RolloutEngine.withPlugins(List.of(new WeightRecordingRouter()));

  @Property(tries = 150)
  void theWeightRisesOnlyOntoAvailableCanaryPods(
      @ForAll("steps") List<CanaryStep> steps,
      @ForAll @IntRange(min = 1, max = 12) int replicas,
      @ForAll long seed) {
    walk(
        steps,
        replicas,
        seed,
        (cluster, decision) -> {
          int before = weight(cluster.rollout().status());
          int after = weight(decision.status());
          if (after > before) {
            int available =
                cluster
                    .replicaSet("demo-hash2")
                    .map(ObservedReplicaSet::availableReplicas)
                    .orElse(0);
            assertThat(available * 100)
                .as("canary pods available for weight %d", after)
                .isGreaterThanOrEqualTo(after * replicas - 99);
          }
        });
  }

  /** Without dynamicStableScale, stable is whole, so an abort sends the weight to 0 at once. */
  @Property(tries = 150)
  void abortSendsTheWeightToZeroAtOnce(
      @ForAll("steps") List<CanaryStep> steps,
      @ForAll @IntRange(min = 1, max = 12) int replicas,
      @ForAll long seed) {
    SimulatedCluster cluster = deployed(steps, replicas);
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    Random random = new Random(seed);
    for (int i = random.nextInt(12); i > 0; i--) {
      cluster.sync(engine);
      cluster.makePodsAvailable();
      cluster.updateStatus(s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
    }
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(true).build());
    Decision aborted = cluster.sync(engine);
    assertThat(weight(aborted.status())).isZero();
    assertThat(aborted.routingObjects())
        .allSatisfy(
            m -> assertThat(((Map<?, ?>) m.content().get("data")).get("weight")).isEqualTo("0"));
  }

  /**
   * With dynamicStableScale an abort steps the weight down (Argo's GetDesiredCanaryWeight and
   * calculateDesiredWeightOnAbortOrStableRollback): at every sync the stable pods get no more of
   * the traffic than their available pods carry (the canary keeps at least {@code total - total ×
   * stableAvailable / replicas}), a lowered weight is never raised, and once stable is whole again
   * the weight reaches 0.
   */
  @Property(tries = 150)
  void abortWithDynamicStableScaleStepsTheWeightDownAsStableComesBack(
      @ForAll("steps") List<CanaryStep> steps,
      @ForAll @IntRange(min = 1, max = 12) int replicas,
      @ForAll boolean explicitDelay,
      @ForAll long seed) {
    SimulatedCluster cluster =
        deployed(
            steps,
            replicas,
            c ->
                explicitDelay
                    ? c.dynamicStableScale(true).abortScaleDownDelaySeconds(10)
                    : c.dynamicStableScale(true));
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    Random random = new Random(seed);
    for (int i = random.nextInt(12); i > 0; i--) {
      cluster.sync(engine);
      cluster.makePodsAvailable();
      cluster.updateStatus(s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
    }
    cluster.sync(engine);
    cluster.makePodsAvailable();
    // An abort after the update completed has nothing to step back from.
    Assume.that(cluster.rollout().status().stableRS().equals(java.util.Optional.of("hash1")));
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(true).build());
    int previous = weight(cluster.rollout().status());
    for (int pass = 0; pass < 40; pass++) {
      int stableAvailable =
          cluster.replicaSet("demo-hash1").map(ObservedReplicaSet::availableReplicas).orElse(0);
      Decision decision = engine.decide(cluster.rollout(), cluster.observed(), cluster.now());
      int after = weight(decision.status());
      assertThat(after).as("never raised during the abort").isLessThanOrEqualTo(previous);
      assertThat(after)
          .as("stable carries no more than its %d available pods", stableAvailable)
          .isGreaterThanOrEqualTo(100 - 100 * stableAvailable / replicas);
      previous = after;
      cluster.apply(decision);
      if (random.nextInt(3) == 0) {
        cluster.createPods();
      } else {
        cluster.makePodsAvailable();
      }
      decision.requeueAfter().ifPresent(cluster::advance);
    }
    cluster.makePodsAvailable();
    cluster.run(engine, 3);
    assertThat(cluster.replicaSet("demo-hash1").orElseThrow().availableReplicas())
        .isEqualTo(replicas);
    assertThat(weight(cluster.rollout().status())).as("0 once stable is whole").isZero();
  }

  private void walk(List<CanaryStep> steps, int replicas, long seed, Check check) {
    Random random = new Random(seed);
    SimulatedCluster cluster = deployed(steps, replicas);
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    for (int pass = 0; pass < 40; pass++) {
      Decision decision = engine.decide(cluster.rollout(), cluster.observed(), cluster.now());
      check.accept(cluster, decision);
      cluster.apply(decision);
      if (random.nextBoolean()) {
        cluster.makePodsAvailable();
      } else {
        cluster.createPods();
      }
      decision.requeueAfter().ifPresent(cluster::advance);
      if (random.nextInt(3) == 0) {
        cluster.updateStatus(
            s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
      }
    }
  }

  private SimulatedCluster deployed(List<CanaryStep> steps, int replicas) {
    return deployed(steps, replicas, c -> c);
  }

  private SimulatedCluster deployed(
      List<CanaryStep> steps,
      int replicas,
      java.util.function.UnaryOperator<CanaryStrategy.Builder> edit) {
    CanaryStrategy canary =
        edit.apply(CanaryStrategy.builder())
            .steps(steps)
            .canaryService("demo-canary")
            .stableService("demo-stable")
            .trafficRouting(TrafficRouting.builder().putRouter("recording", Map.of()).build())
            .build();
    SimulatedCluster cluster =
        SimulatedCluster.of(
            Fixtures.rollout(Fixtures.canarySpec(replicas, "1", canary)),
            List.of(Fixtures.service("demo-canary"), Fixtures.service("demo-stable")),
            T0);
    cluster.run(engine, 4);
    return cluster;
  }

  private static int weight(RolloutStatus status) {
    return status.canary().weights().map(TrafficWeights::canary).map(w -> w.weight()).orElse(0);
  }

  @Provide
  Arbitrary<List<CanaryStep>> steps() {
    return Arbitraries.<CanaryStep>oneOf(
            Arbitraries.integers().between(0, 100).map(CanaryStep.SetWeight::new),
            Arbitraries.integers().between(1, 60).map(CanaryStep.Pause::ofSeconds),
            Arbitraries.just(CanaryStep.Pause.indefinitely()))
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  @FunctionalInterface
  private interface Check {
    void accept(SimulatedCluster cluster, Decision decision);
  }
}
