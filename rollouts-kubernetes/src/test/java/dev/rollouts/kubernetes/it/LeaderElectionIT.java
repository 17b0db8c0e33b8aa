package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.controller.LeaderElection;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.sim.Faults.RequestMatch;
import dev.rollouts.kubernetes.sim.Faults.Served;
import dev.rollouts.kubernetes.sim.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas of a controller with leader election: only the one holding the lease acts. */
class LeaderElectionIT {

  final Fixture fixture = new Fixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  static LeaderElection lease(String identity) {
    return LeaderElection.builder()
        .leaseNamespace("rollouts-system")
        .identity(identity)
        .leaseDuration(Duration.ofSeconds(2))
        .renewDeadline(Duration.ofMillis(1_500))
        .retryPeriod(Duration.ofMillis(200))
        .build();
  }

  /** Writes other than to the Lease: acting on Rollouts. */
  long actingWrites(String userAgent) {
    return fixture
        .cluster
        .faults()
        .count(
            r -> r.userAgent().equals(userAgent) && r.isWrite() && !r.path().contains("/leases"));
  }

  @BeforeEach
  void createTheLeaseNamespace() {
    fixture.cluster.createNamespace("rollouts-system");
  }

  @Test
  void onlyTheLeaderActsAndTheOtherTakesOverWhenItStops() {
    RolloutController a =
        fixture.controller("replica-a", b -> b.leaderElection(lease("replica-a")));
    RolloutController b =
        fixture.controller("replica-b", c -> c.leaderElection(lease("replica-b")));
    Poll.until(
        "one replica leads",
        () -> a.isActive() || b.isActive(),
        () -> fixture.cluster.faults().requestsByMethod());
    fixture.create(
        Manifests.canary(NS, "web", 3, "app:1", Map.of("steps", List.of(setWeight(50)))));
    fixture.awaitHealthyOn("web", "app:1");
    fixture.setImage("web", "app:2");
    fixture.awaitHealthyOn("web", "app:2");

    RolloutController leader = a.isActive() ? a : b;
    RolloutController follower = leader == a ? b : a;
    String leaderAgent = leader == a ? "replica-a" : "replica-b";
    String followerAgent = leader == a ? "replica-b" : "replica-a";
    assertThat(follower.isActive()).isFalse();
    assertThat(actingWrites(leaderAgent)).isPositive();
    assertThat(actingWrites(followerAgent))
        .as("writes of the follower: %s", writes(followerAgent))
        .isZero();

    leader.close();
    Poll.until("the follower leads", follower::isActive, () -> "lease holder unknown");
    fixture.setImage("web", "app:3");
    fixture.awaitHealthyOn("web", "app:3");

    assertThat(actingWrites(followerAgent)).isPositive();
  }

  @Test
  void aLeaderThatCannotRenewItsLeaseStopsActingAndLeadsAgainOnceItCan() {
    RolloutController a =
        fixture.controller(
            fixture.cluster.newClientWithoutRetries("replica-a"),
            c -> c.leaderElection(lease("replica-a")));
    Poll.until("a leads", a::isActive, () -> "");
    fixture.create(
        Manifests.canary(NS, "web", 3, "app:1", Map.of("steps", List.of(setWeight(50)))));
    fixture.awaitHealthyOn("web", "app:1");

    fixture
        .cluster
        .faults()
        .fail(RequestMatch.of("replica-a", "PUT", "/leases/"), 500, Integer.MAX_VALUE);
    fixture
        .cluster
        .faults()
        .fail(RequestMatch.of("replica-a", "PATCH", "/leases/"), 500, Integer.MAX_VALUE);
    Poll.until("a gives up leading", () -> !a.isActive(), () -> "");
    long writesWhenItStopped = actingWrites("replica-a");
    fixture.setImage("web", "app:2");
    long leaseRequests = leaseRequests("replica-a");
    Poll.until(
        "a has tried to get the lease back five times since the change",
        () -> leaseRequests("replica-a") >= leaseRequests + 5,
        () -> fixture.cluster.faults().requestsByMethod());

    assertThat(actingWrites("replica-a"))
        .as("no write after losing the lease")
        .isEqualTo(writesWhenItStopped);
    assertThat(fixture.replicaSets("web")).hasSize(1);

    fixture.cluster.faults().clearFaults();
    fixture.awaitHealthyOn("web", "app:2");
    assertThat(a.isActive()).isTrue();
  }

  /** Requests of {@code userAgent} to the Lease: a candidate's heartbeat. */
  long leaseRequests(String userAgent) {
    return fixture
        .cluster
        .faults()
        .count(r -> r.userAgent().equals(userAgent) && r.path().contains("/leases"));
  }

  List<Served> writes(String userAgent) {
    return fixture.cluster.faults().served().stream()
        .filter(r -> r.userAgent().equals(userAgent) && r.isWrite())
        .toList();
  }
}
