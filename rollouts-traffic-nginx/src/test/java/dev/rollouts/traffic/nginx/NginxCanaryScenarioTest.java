package dev.rollouts.traffic.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.CanaryStep;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.spec.TrafficRouting;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.traffic.Manifest;
import dev.rollouts.testkit.SimulatedCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine and the NGINX router together, on a simulated cluster: 10 replicas, 20% → 50%. */
class NginxCanaryScenarioTest {

  private final RolloutEngine engine = RolloutEngine.withInstalledPlugins();
  private SimulatedCluster cluster;

  @BeforeEach
  void deployVersionOne() {
    CanaryStrategy canary =
        CanaryStrategy.builder()
            .canaryService(Fixtures.CANARY_SERVICE)
            .stableService(Fixtures.STABLE_SERVICE)
            .trafficRouting(
                TrafficRouting.builder()
                    .putRouter("nginx", Map.of("stableIngress", Fixtures.STABLE_INGRESS))
                    .build())
            .steps(
                List.of(
                    new CanaryStep.SetWeight(20),
                    CanaryStep.Pause.indefinitely(),
                    new CanaryStep.SetWeight(50),
                    CanaryStep.Pause.ofSeconds(10)))
            .build();
    Rollout rollout =
        Rollout.builder()
            .from(
                dev.rollouts.testkit.Fixtures.rollout(
                    dev.rollouts.testkit.Fixtures.canarySpec(10, "1", canary)))
            .name(Fixtures.ROLLOUT)
            .namespace(Fixtures.NAMESPACE)
            .uid(Fixtures.UID)
            .build();
    cluster =
        SimulatedCluster.of(
                rollout,
                List.of(service(Fixtures.CANARY_SERVICE), service(Fixtures.STABLE_SERVICE)),
                dev.rollouts.testkit.Fixtures.T0)
            .withRoutingObject(Fixtures.stableIngress());
    run(5);
  }

  private static ObservedService service(String name) {
    return new ObservedService(name, Map.of("app", "demo"));
  }

  private void run(int passes) {
    cluster.run(engine, passes);
  }

  private int replicas(String hash) {
    return cluster
        .replicaSet(Fixtures.ROLLOUT + "-hash" + hash)
        .map(ObservedReplicaSet::specReplicas)
        .orElse(-1);
  }

  private String ingressWeight() {
    Manifest canaryIngress =
        cluster.routingObjects().stream()
            .filter(m -> m.name().equals(Fixtures.CANARY_INGRESS))
            .findFirst()
            .orElseThrow();
    return canaryIngress.annotations().get(Fixtures.PREFIX + "/canary-weight");
  }

  private int statusWeight() {
    return cluster
        .rollout()
        .status()
        .canary()
        .weights()
        .map(TrafficWeights::canary)
        .map(w -> w.weight())
        .orElse(-1);
  }

  private String selectedHash(String service) {
    return cluster.service(service).orElseThrow().selector().get("rollouts-pod-template-hash");
  }

  private void promote() {
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).pauseConditions(List.of()).build());
  }

  @Test
  void theCanaryIngressExistsAtWeightZeroOnceVersionOneIsStable() {
    assertThat(cluster.rollout().status().stableRS()).contains("hash1");
    assertThat(ingressWeight()).isEqualTo("0");
    assertThat(selectedHash(Fixtures.STABLE_SERVICE)).isEqualTo("hash1");
  }

  @Test
  void theWeightFollowsTheStepsOnlyOnceTheCanaryPodsAreAvailable() {
    cluster.updateSpec(spec -> dev.rollouts.testkit.Fixtures.withVersion(spec, "2"));
    Decision reset = cluster.sync(engine);
    assertThat(reset.createReplicaSet())
        .as("Argo creates the new ReplicaSet, at 0, in the sync that resets the status")
        .hasValueSatisfying(c -> assertThat(c.replicas()).isZero());
    Decision scaled = cluster.sync(engine);
    assertThat(scaled.replicaSet(Fixtures.ROLLOUT + "-hash2"))
        .hasValueSatisfying(u -> assertThat(u.replicas()).isEqualTo(2));
    assertThat(ingressWeight()).isEqualTo("0");
    cluster.createPods();
    cluster.sync(engine);
    assertThat(ingressWeight()).as("no weight onto pods that are not available").isEqualTo("0");

    cluster.makePodsAvailable();
    run(4);
    assertThat(replicas("2")).isEqualTo(2);
    assertThat(replicas("1")).as("stable stays whole with a router").isEqualTo(10);
    assertThat(ingressWeight()).isEqualTo("20");
    assertThat(statusWeight()).isEqualTo(20);
    assertThat(selectedHash(Fixtures.CANARY_SERVICE)).isEqualTo("hash2");
    assertThat(selectedHash(Fixtures.STABLE_SERVICE)).isEqualTo("hash1");
    assertThat(cluster.rollout().status().currentStepIndex()).contains(1);

    promote();
    run(5);
    assertThat(replicas("2")).isEqualTo(5);
    assertThat(ingressWeight()).isEqualTo("50");
  }

  @Test
  void completionRoutesEverythingToTheNewStableAndScalesTheOldDownAfterTheDelay() {
    cluster.updateSpec(spec -> dev.rollouts.testkit.Fixtures.withVersion(spec, "2"));
    run(8);
    promote();
    run(6);
    cluster.advance(Duration.ofSeconds(11));
    run(6);
    assertThat(cluster.rollout().status().stableRS()).contains("hash2");
    assertThat(replicas("2")).isEqualTo(10);
    assertThat(ingressWeight()).isEqualTo("0");
    assertThat(selectedHash(Fixtures.STABLE_SERVICE)).isEqualTo("hash2");
    assertThat(replicas("1")).as("old stable waits out scaleDownDelaySeconds").isEqualTo(10);
    assertThat(
            cluster
                .replicaSet(Fixtures.ROLLOUT + "-hash1")
                .flatMap(ObservedReplicaSet::scaleDownDeadline))
        .isPresent();

    cluster.advance(Duration.ofSeconds(31));
    run(2);
    assertThat(replicas("1")).isZero();
    assertThat(
            cluster
                .replicaSet(Fixtures.ROLLOUT + "-hash1")
                .flatMap(ObservedReplicaSet::scaleDownDeadline))
        .isEmpty();
  }

  @Test
  void abortRoutesNothingToTheCanaryAtOnceAndScalesItDownAfterTheAbortDelay() {
    cluster.updateSpec(spec -> dev.rollouts.testkit.Fixtures.withVersion(spec, "2"));
    run(8);
    assertThat(ingressWeight()).isEqualTo("20");
    cluster.updateStatus(s -> RolloutStatus.builder().from(s).abort(true).build());
    Decision aborted = cluster.sync(engine);
    assertThat(aborted.status().canary().weights().map(w -> w.canary().weight()))
        .isEqualTo(Optional.of(0));
    assertThat(ingressWeight()).isEqualTo("0");
    assertThat(selectedHash(Fixtures.CANARY_SERVICE)).isEqualTo("hash1");
    run(2);
    assertThat(replicas("2")).as("kept for abortScaleDownDelaySeconds").isEqualTo(2);
    cluster.advance(Duration.ofSeconds(31));
    run(2);
    assertThat(replicas("2")).isZero();
    assertThat(replicas("1")).isEqualTo(10);
  }

  @Test
  void aCanaryIngressControlledBySomeoneElseIsReportedAndNoTrafficMoves() {
    Manifest foreign =
        Fixtures.withMetadata(
            Fixtures.ingress("app-app-ingress-canary", Map.of(), Fixtures.spec()),
            "ownerReferences",
            List.of(
                Map.of(
                    "apiVersion",
                    "apps/v1",
                    "kind",
                    "Deployment",
                    "name",
                    "other",
                    "uid",
                    "x",
                    "controller",
                    true)));
    cluster.withRoutingObject(foreign);
    cluster.updateSpec(spec -> dev.rollouts.testkit.Fixtures.withVersion(spec, "2"));
    run(8);
    Decision decision = cluster.sync(engine);
    assertThat(decision.routingObjects()).isEmpty();
    assertThat(decision.status().condition(dev.rollouts.core.status.ConditionType.Progressing))
        .hasValueSatisfying(
            c -> {
              assertThat(c.status()).isEqualTo("False");
              assertThat(c.reason()).isEqualTo("TrafficRoutingError");
              assertThat(c.message()).contains("app-app-ingress-canary");
            });
    assertThat(decision.events())
        .anySatisfy(e -> assertThat(e.reason()).isEqualTo("TrafficRoutingError"));
    assertThat(cluster.rollout().status().currentStepIndex())
        .as("the setWeight step does not complete")
        .contains(0);
    assertThat(cluster.routingObjects()).contains(foreign);
  }
}
