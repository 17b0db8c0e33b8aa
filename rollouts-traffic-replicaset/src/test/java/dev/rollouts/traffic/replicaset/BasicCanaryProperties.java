package dev.rollouts.traffic.replicaset;

import static dev.rollouts.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.decision.ReplicaSetUpdate;
import dev.rollouts.core.internal.Limits;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.IntOrPercent;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.testkit.Fixtures;
import dev.rollouts.testkit.SimulatedCluster;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The invariants the engine promises for a canary without a traffic router. */
class BasicCanaryProperties {

  private final RolloutEngine engine = RolloutEngine.withInstalledPlugins();

  @Property(tries = 200)
  void neverAsksForMorePodsThanReplicasPlusSurgeWhileScalingUp(
      @ForAll("canaries") CanaryStrategy canary,
      @ForAll("replicas") int replicas,
      @ForAll long seed) {
    walk(
        canary,
        replicas,
        seed,
        (cluster, decision) -> {
          Limits limits = limits(canary, replicas);
          int before =
              cluster.observed().replicaSets().stream()
                  .mapToInt(ObservedReplicaSet::specReplicas)
                  .sum();
          int after = desiredTotal(decision);
          assertThat(after).isLessThanOrEqualTo(Math.max(replicas + limits.maxSurge(), before));
        });
  }

  @Property(tries = 200)
  void neverScalesDownBelowReplicasMinusMaxUnavailableAvailable(
      @ForAll("canaries") CanaryStrategy canary,
      @ForAll("replicas") int replicas,
      @ForAll long seed) {
    walk(
        canary,
        replicas,
        seed,
        (cluster, decision) -> {
          Limits limits = limits(canary, replicas);
          Observed observed = cluster.observed();
          int availableNow =
              observed.replicaSets().stream().mapToInt(ObservedReplicaSet::availableReplicas).sum();
          int availableAfter =
              observed.replicaSets().stream()
                  .mapToInt(rs -> Math.min(rs.availableReplicas(), desired(decision, rs)))
                  .sum();
          assertThat(availableAfter)
              .isGreaterThanOrEqualTo(Math.min(availableNow, replicas - limits.maxUnavailable()));
        });
  }

  @Property(tries = 100)
  void decidingTwiceOnTheSameInputGivesEqualDecisions(
      @ForAll("canaries") CanaryStrategy canary,
      @ForAll("replicas") int replicas,
      @ForAll long seed) {
    walk(
        canary,
        replicas,
        seed,
        (cluster, decision) ->
            assertThat(engine.decide(cluster.rollout(), cluster.observed(), cluster.now()))
                .isEqualTo(decision));
  }

  @Property(tries = 150)
  void everyRolloutCompletesWhenPodsBecomeAvailableAndPausesArePromoted(
      @ForAll("canaries") CanaryStrategy canary, @ForAll("replicas") int replicas) {
    SimulatedCluster cluster = deployed(canary, replicas);
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    int bound = 6 * (canary.effectiveSteps().size() + 2) + 4 * replicas + 10;
    for (int pass = 0; pass < bound && !complete(cluster.rollout(), replicas); pass++) {
      Decision decision = cluster.sync(engine);
      cluster.makePodsAvailable();
      decision.requeueAfter().ifPresent(cluster::advance);
      if (!cluster.rollout().status().pauseConditions().isEmpty()) {
        cluster.updateStatus(
            s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
      }
    }
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
    assertThat(cluster.replicaSet("demo-hash2").orElseThrow().specReplicas()).isEqualTo(replicas);
    assertThat(cluster.replicaSets())
        .filteredOn(rs -> !rs.name().equals("demo-hash2"))
        .allSatisfy(rs -> assertThat(rs.specReplicas()).isZero());
  }

  private boolean complete(Rollout rollout, int replicas) {
    return rollout.status().stableRS().equals(java.util.Optional.of("hash2"))
        && rollout.status().availableReplicas() == replicas
        && rollout.status().replicas() == replicas;
  }

  /** Deploys version 1, then changes to version 2 and checks {@code check} on every decision. */
  private void walk(CanaryStrategy canary, int replicas, long seed, Check check) {
    Random random = new Random(seed);
    SimulatedCluster cluster = deployed(canary, replicas);
    cluster.updateSpec(spec -> Fixtures.withVersion(spec, "2"));
    for (int pass = 0; pass < 40; pass++) {
      Decision decision = engine.decide(cluster.rollout(), cluster.observed(), cluster.now());
      check.accept(cluster, decision);
      cluster.apply(decision);
      partlyAvailable(cluster, random);
      decision.requeueAfter().ifPresent(cluster::advance);
      if (random.nextInt(3) == 0 && !cluster.rollout().status().pauseConditions().isEmpty()) {
        cluster.updateStatus(
            s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
      }
    }
  }

  private static void partlyAvailable(SimulatedCluster cluster, Random random) {
    if (random.nextBoolean()) {
      cluster.makePodsAvailable();
    } else {
      cluster.createPods();
    }
  }

  private SimulatedCluster deployed(CanaryStrategy canary, int replicas) {
    SimulatedCluster cluster =
        SimulatedCluster.of(
            Fixtures.rollout(Fixtures.canarySpec(replicas, "1", canary)), List.of(), T0);
    cluster.run(engine, 4);
    return cluster;
  }

  private static int desired(Decision decision, ObservedReplicaSet rs) {
    return decision.replicaSet(rs.name()).map(ReplicaSetUpdate::replicas).orElse(0);
  }

  private static int desiredTotal(Decision decision) {
    return decision.replicaSets().stream().mapToInt(ReplicaSetUpdate::replicas).sum()
        + decision.createReplicaSet().map(c -> c.replicas()).orElse(0);
  }

  private static Limits limits(CanaryStrategy canary, int replicas) {
    return Limits.resolve(canary.effectiveMaxSurge(), canary.effectiveMaxUnavailable(), replicas);
  }

  @Provide
  Arbitrary<Integer> replicas() {
    return Arbitraries.integers().between(1, 15);
  }

  @Provide
  Arbitrary<CanaryStrategy> canaries() {
    Arbitrary<CanaryStep> step =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 100).map(CanaryStep.SetWeight::new),
            Arbitraries.integers().between(1, 120).map(CanaryStep.Pause::ofSeconds),
            Arbitraries.just(CanaryStep.Pause.indefinitely()));
    Arbitrary<IntOrPercent> limit =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 3).map(IntOrPercent::of),
            Arbitraries.integers().between(0, 60).map(IntOrPercent::ofPercent));
    return Combinators.combine(step.list().ofMaxSize(6), limit, limit)
        .as(
            (steps, surge, unavailable) ->
                CanaryStrategy.builder()
                    .steps(steps)
                    .maxSurge(surge)
                    .maxUnavailable(unavailable)
                    .build())
        .filter(
            c -> c.effectiveMaxSurge().value() != 0 || c.effectiveMaxUnavailable().value() != 0);
  }

  @FunctionalInterface
  private interface Check {
    void accept(SimulatedCluster cluster, Decision decision);
  }
}
