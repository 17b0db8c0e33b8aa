package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.pause;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.controller.LeaderElection;
import dev.rollouts.kubernetes.controller.RolloutReferences;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.sim.Faults.RequestMatch;
import dev.rollouts.operatorsdk.RolloutReconciler;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** What the JOSDK reconciler adds to the shared scenarios: conflicts, leader election, scope. */
class RolloutReconcilerIT {

  final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  /** A runner of an Operator with the reconciler {@code customize} builds, and its own settings. */
  static ScenarioTable.Runner operator(
      UnaryOperator<RolloutReconciler.Builder> customize, LeaderElection lease) {
    return (client, clock, rate, syncs) -> {
      RolloutReconciler reconciler =
          customize
              .apply(
                  RolloutReconciler.builder()
                      .clock(clock, rate)
                      .metrics(syncs)
                      .expectationTimeout(Duration.ofSeconds(5))
                      .conflictDelay(Duration.ofMillis(10)))
              .build();
      Operator operator =
          new Operator(
              o -> {
                o.withKubernetesClient(client).withCloseClientOnStop(false);
                if (lease != null) {
                  o.withLeaderElectionConfiguration(reconciler.leaderElection(lease));
                }
              });
      reconciler.registerWith(operator);
      operator.start();
      return operator::stop;
    };
  }

  @Test
  void aConflictIsReadAgainAndDecidedAgainUntilTheRolloutCompletes() {
    fixture.run("josdk", operator(b -> b, null));
    fixture.create(
        Manifests.canary(
            NS, "web", 3, "app:1", Map.of("steps", List.of(setWeight(33), pause("2s")))));
    fixture.awaitHealthyOn("web", "app:1");

    fixture
        .cluster
        .faults()
        .fail(RequestMatch.of("josdk", "PATCH", "/rollouts/web/status"), 409, 4);
    fixture.setImage("web", "app:2");
    fixture.awaitHealthyOn("web", "app:2");

    assertThat(fixture.cluster.faults().pendingFaults()).as("every conflict was met").isZero();
    assertThat(fixture.replicaSets("web")).hasSize(2);
  }

  @Test
  @Disabled(
      "JOSDK checks a SelfSubjectRulesReview before it elects a leader, and the simulated API"
          + " server (rollouts-kubernetes-sim) does not serve that API yet; it passed on the"
          + " previous in-process server, which could be told to answer it")
  void withTheOperatorsLeaderElectionItActsOnceItHoldsTheLease() {
    fixture.cluster.createNamespace("rollouts-system");
    LeaderElection lease =
        LeaderElection.builder()
            .leaseNamespace("rollouts-system")
            .identity("josdk-replica")
            .leaseDuration(Duration.ofSeconds(4))
            .renewDeadline(Duration.ofSeconds(3))
            .retryPeriod(Duration.ofMillis(200))
            .build();
    fixture.run("josdk", operator(b -> b, lease));
    fixture.create(
        Manifests.canary(NS, "web", 2, "app:1", Map.of("steps", List.of(setWeight(50)))));

    fixture.awaitHealthyOn("web", "app:1");
    assertThat(
            fixture
                .admin
                .leases()
                .inNamespace("rollouts-system")
                .withName(LeaderElection.DEFAULT_LEASE_NAME)
                .get()
                .getSpec()
                .getHolderIdentity())
        .isEqualTo("josdk-replica");
  }

  @Test
  void eachOperatorReconcilesOnlyTheRolloutsOfItsInstanceId() {
    fixture.run("team-a", operator(b -> b.instanceId("team-a"), null));
    fixture.run("default", operator(b -> b, null));
    RolloutResource labelled =
        Manifests.canary(NS, "checkout", 2, "app:1", Map.of("steps", List.of(setWeight(50))));
    labelled.getMetadata().setLabels(Map.of(RolloutReferences.INSTANCE_ID_LABEL, "team-a"));
    fixture.create(labelled);
    fixture.create(
        Manifests.canary(NS, "search", 2, "app:1", Map.of("steps", List.of(setWeight(50)))));

    fixture.awaitHealthyOn("checkout", "app:1");
    fixture.awaitHealthyOn("search", "app:1");
    fixture.touchAndAwaitSync("team-a", NS, "checkout");
    fixture.touchAndAwaitSync("default", NS, "search");

    assertThat(writes("team-a", "/rollouts/checkout")).isPositive();
    assertThat(writes("team-a", "/rollouts/search")).isZero();
    assertThat(writes("default", "/rollouts/search")).isPositive();
    assertThat(writes("default", "/rollouts/checkout")).isZero();
  }

  long writes(String userAgent, String fragment) {
    return fixture
        .cluster
        .faults()
        .count(r -> r.userAgent().equals(userAgent) && r.isWrite() && r.path().contains(fragment));
  }
}
