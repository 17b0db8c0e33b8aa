package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.pause;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.sim.Faults;
import dev.rollouts.kubernetes.sim.Faults.RequestMatch;
import dev.rollouts.kubernetes.sim.Poll;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conflicts, server errors and dropped watches in the middle of a rollout: the controller reads
 * again, backs off, watches again, and the rollout completes with its invariants kept.
 */
class FaultsIT {

  static final String AGENT = "controller";

  final Fixture fixture = new Fixture();
  final Faults faults = fixture.cluster.faults();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aRolloutCompletesThroughConflictsServerErrorsAndDroppedWatches() {
    fixture.controller(
        fixture.cluster.newClientWithoutRetries(AGENT), b -> b.clock(java.time.Clock.systemUTC()));
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of(
                "steps",
                List.of(setWeight(33), pause("1s"), setWeight(66), pause("1s"), setWeight(100)))));
    fixture.awaitHealthyOn("web", "app:1");

    try (Watcher watcher = new Watcher(fixture.admin, NS, "web")) {
      watcher.arm();
      faults.fail(RequestMatch.of(AGENT, "POST", "/replicasets"), 500, 2);
      faults.fail(RequestMatch.of(AGENT, "PATCH", "/rollouts/web/status"), 409, 3);
      faults.fail(RequestMatch.of(AGENT, "PATCH", "/replicasets/"), 503, 3);
      int watches = faults.openWatches();
      fixture.setImage("web", "app:2");

      fixture.awaitStatus(
          "web", "reaches step 1", s -> s.get("currentStepIndex") instanceof Integer i && i >= 1);
      assertThat(faults.dropWatches()).isPositive();
      faults.fail(RequestMatch.of(AGENT, "PATCH", "/replicasets/"), 500, 2);
      faults.fail(RequestMatch.of(AGENT, "PATCH", "/rollouts/web/status"), 409, 2);
      fixture.awaitStatus(
          "web", "reaches step 3", s -> s.get("currentStepIndex") instanceof Integer i && i >= 3);
      Poll.until(
          "every watch is open again",
          () -> faults.openWatches() >= watches,
          faults::requestsByMethod);
      assertThat(faults.dropWatches()).isPositive();

      fixture.awaitHealthyOn("web", "app:2");

      assertThat(faults.pendingFaults()).as("every injected fault was met").isZero();
      watcher.catchUp(fixture.admin, NS);
      assertThat(watcher.stepIndices()).containsExactly(5, 0, 1, 2, 3, 4, 5);
      assertThat(watcher.replicaSetNames()).as("no second new ReplicaSet").hasSize(2);
      assertThat(watcher.maxPods()).isLessThanOrEqualTo(4);
      assertThat(watcher.minAvailable()).isGreaterThanOrEqualTo(3);
    }
  }
}
