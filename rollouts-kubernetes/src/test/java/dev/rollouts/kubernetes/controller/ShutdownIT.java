package dev.rollouts.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rollouts.core.RolloutEngine;
import dev.rollouts.core.decision.Decision;
import dev.rollouts.core.observe.Observed;
import dev.rollouts.core.spec.Rollout;
import dev.rollouts.core.traffic.TrafficPlugin;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.sim.Poll;
import dev.rollouts.kubernetes.sim.TestCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RolloutController#close()}: releases the Lease, stops the workers, and is bounded. */
class ShutdownIT {

  /** How long a test may take before it fails: a deadline for a broken build, not a speed. */
  static final Duration DEADLINE = Duration.ofSeconds(30);

  final TestCluster cluster = TestCluster.start();

  {
    cluster.createNamespace("rollouts-system");
    cluster.createNamespace("shop");
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  static LeaderElection lease(String identity) {
    return LeaderElection.builder()
        .leaseNamespace("rollouts-system")
        .identity(identity)
        .leaseDuration(Duration.ofSeconds(20))
        .renewDeadline(Duration.ofSeconds(15))
        .retryPeriod(Duration.ofMillis(200))
        .build();
  }

  Lease lease() {
    return cluster
        .client()
        .leases()
        .inNamespace("rollouts-system")
        .withName(LeaderElection.DEFAULT_LEASE_NAME)
        .get();
  }

  @Test
  void closeReleasesTheLeaseAndStopsTheWorkersSoAnotherReplicaLeadsAtOnce() {
    DefaultRolloutController a =
        (DefaultRolloutController)
            RolloutController.builder(cluster.newClient("replica-a"))
                .leaderElection(lease("replica-a"))
                .build();
    a.start();
    assertThat(a.isReady()).as("ready once started").isTrue();
    Poll.until("a leads", a::isActive, () -> "lease: " + lease());
    assertThat(a.workersAlive()).isEqualTo(2);

    assertTimeoutPreemptively(DEADLINE, a::close);

    assertThat(a.isActive()).isFalse();
    assertThat(a.isReady()).isFalse();
    assertThat(a.workersAlive()).isZero();
    assertThat(lease().getSpec().getLeaseDurationSeconds())
        .as(
            "released: fabric8 shortens the lease to one second (its JSON merge patch cannot clear"
                + " the holder)")
        .isEqualTo(1);
    try (RolloutController b =
        RolloutController.builder(cluster.newClient("replica-b"))
            .leaderElection(lease("replica-b"))
            .build()) {
      b.start();
      // The lease lasts 20 s: b leads well within it only because a released it.
      Poll.until(
          "b leads before a's lease would have expired",
          Duration.ofSeconds(15),
          b::isActive,
          () -> "lease: " + lease());
    }
  }

  @Test
  void closeFromAnInterruptedThreadStillReleasesTheLeaseAndKeepsTheInterrupt() {
    RolloutController a =
        RolloutController.builder(cluster.newClient("replica-a"))
            .leaderElection(lease("replica-a"))
            .build();
    a.start();
    Poll.until("a leads", a::isActive, () -> "lease: " + lease());

    Thread.currentThread().interrupt();
    a.close();
    boolean stillInterrupted = Thread.interrupted();

    assertThat(stillInterrupted).isTrue();
    assertThat(lease().getSpec().getLeaseDurationSeconds()).as("released").isEqualTo(1);
  }

  @Test
  void closeReturnsWithinItsTimeoutWhileASyncIsStuck() throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    RolloutEngine stuck =
        new RolloutEngine() {
          @Override
          public Decision decide(Rollout rollout, Observed observed, Instant now) {
            entered.countDown();
            while (never.getCount() > 0) {
              try {
                never.await();
              } catch (InterruptedException ignored) {
                // a stuck sync ignores interrupts too
              }
            }
            throw new IllegalStateException("released at the end of the test");
          }

          @Override
          public List<TrafficPlugin> plugins() {
            return List.of();
          }
        };
    DefaultRolloutController controller =
        (DefaultRolloutController)
            RolloutController.builder(cluster.newClient())
                .engine(stuck)
                .closeTimeout(Duration.ofMillis(300))
                .build();
    controller.start();
    cluster
        .client()
        .resources(RolloutResource.class)
        .inNamespace("shop")
        .resource(rollout())
        .create();
    Poll.until("a sync is under way", () -> entered.getCount() == 0, () -> "");

    assertTimeoutPreemptively(DEADLINE, controller::close);

    assertThat(controller.isActive()).isFalse();
    assertThat(controller.workersAlive()).as("the stuck worker, left behind").isEqualTo(1);
    never.countDown();
  }

  static RolloutResource rollout() {
    return RolloutResource.of(
        new ObjectMetaBuilder().withNamespace("shop").withName("web").build(),
        Map.of(
            "replicas", 1,
            "selector", Map.of("matchLabels", Map.of("app", "web")),
            "template",
                Map.of(
                    "metadata",
                    Map.of("labels", Map.of("app", "web")),
                    "spec",
                    Map.of("containers", List.of(Map.of("name", "app", "image", "app:1")))),
            "strategy", Map.of("canary", Map.of("steps", List.of(Map.of("setWeight", 50))))));
  }
}
