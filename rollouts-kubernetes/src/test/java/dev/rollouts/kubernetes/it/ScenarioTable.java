package dev.rollouts.kubernetes.it;

import static dev.rollouts.kubernetes.it.Fixture.NS;
import static dev.rollouts.kubernetes.it.Manifests.pause;
import static dev.rollouts.kubernetes.it.Manifests.setWeight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollouts.kubernetes.controller.ControllerMetrics;
import dev.rollouts.kubernetes.sim.Faults;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The scenarios every way of running the engine against a cluster must pass: {@link
 * dev.rollouts.kubernetes.controller.RolloutController} ({@code ControllerScenariosIT}) and the
 * java-operator-sdk reconciler ({@code rollouts-operator-sdk}'s {@code OperatorSdkScenariosIT}).
 * Each scenario is the user's story end to end, asserted on the cluster's objects.
 */
public final class ScenarioTable {

  private ScenarioTable() {}

  /** What runs the Rollouts of a scenario. */
  public interface Runner {

    /**
     * Starts reconciling Rollouts through {@code client}, taking {@code now} from {@code clock}
     * (which runs {@code rate} times as fast as real time) and reporting each sync to {@code
     * syncs}; returns once it acts. Closing the result stops it.
     */
    AutoCloseable start(KubernetesClient client, Clock clock, double rate, ControllerMetrics syncs)
        throws Exception;
  }

  /** The scenarios. */
  public enum Scenario {
    /** A canary with timed pauses walks every step and completes on the new version. */
    CANARY_COMPLETES(ScenarioTable::canaryCompletes),
    /** Blue-green pauses before promotion with the preview beside the active, then switches. */
    BLUE_GREEN_PROMOTE(ScenarioTable::blueGreenPromote),
    /** Abort goes back to stable; retry walks the steps again; promote completes it. */
    ABORT_AND_RETRY(ScenarioTable::abortAndRetry),
    /** An indefinite pause holds the canary, even through a sync, until promoted. */
    PROMOTE_INDEFINITE_PAUSE(ScenarioTable::promoteIndefinitePause),
    /** A new template during an update starts again from step 0 with a new ReplicaSet. */
    NEW_TEMPLATE_MID_UPDATE(ScenarioTable::newTemplateMidUpdate);

    private final Consumer<Fixture> story;

    Scenario(Consumer<Fixture> story) {
      this.story = story;
    }

    /** Runs the scenario on a new in-process cluster with {@code runner}. */
    public void runWith(Runner runner) {
      runAndListRequests(runner);
    }

    /** Runs the scenario as {@link #runWith} does; returns every request the runner made. */
    public List<Faults.Served> runAndListRequests(Runner runner) {
      try (Fixture fixture = new Fixture()) {
        fixture.run(RUNNER_AGENT, runner);
        story.accept(fixture);
        return fixture.cluster.faults().served().stream()
            .filter(r -> r.userAgent().equals(RUNNER_AGENT))
            .toList();
      }
    }
  }

  /** The user agent of the runner's client: {@link Fixture#syncs} counts its syncs under it. */
  static final String RUNNER_AGENT = "runner";

  static void canaryCompletes(Fixture fixture) {
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of(
                "steps",
                List.of(setWeight(33), pause("5s"), setWeight(66), pause("5s"), setWeight(100)))));
    fixture.awaitHealthyOn("web", "app:1");
    try (Watcher watcher = new Watcher(fixture.admin, NS, "web")) {
      watcher.arm();
      fixture.setImage("web", "app:2");
      fixture.awaitHealthyOn("web", "app:2");

      watcher.catchUp(fixture.admin, NS);
      assertThat(watcher.stepIndices()).containsExactly(5, 0, 1, 2, 3, 4, 5);
      assertThat(watcher.maxPods()).as("replicas + maxSurge").isLessThanOrEqualTo(4);
      assertThat(watcher.minAvailable()).as("replicas - maxUnavailable").isGreaterThanOrEqualTo(3);
    }
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isZero();
    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isEqualTo(3);
  }

  static void blueGreenPromote(Fixture fixture) {
    fixture.create(Manifests.service(NS, "web-active", "web"));
    fixture.create(Manifests.service(NS, "web-preview", "web"));
    fixture.create(
        Manifests.blueGreen(
            NS,
            "web",
            2,
            "app:1",
            Map.of(
                "activeService",
                "web-active",
                "previewService",
                "web-preview",
                "autoPromotionEnabled",
                false,
                "scaleDownDelaySeconds",
                5)));
    fixture.awaitHealthyOn("web", "app:1");
    fixture.setImage("web", "app:2");
    fixture.awaitStatus(
        "web",
        "pauses before promotion",
        s -> "Paused".equals(s.get("phase")) && s.containsKey("pauseConditions"));
    assertThat(selector(fixture, "web-preview")).isEqualTo(hash(fixture, "app:2"));
    assertThat(selector(fixture, "web-active")).isEqualTo(hash(fixture, "app:1"));

    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");
    fixture.awaitStatus(
        "web",
        "has scaled the old version down after the delay",
        s -> fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas() == 0);
    assertThat(selector(fixture, "web-active")).isEqualTo(hash(fixture, "app:2"));
  }

  static void abortAndRetry(Fixture fixture) {
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of("steps", List.of(setWeight(33), pause(), setWeight(66)))));
    fixture.awaitHealthyOn("web", "app:1");
    fixture.setImage("web", "app:2");
    awaitPausedAt(fixture, 1);

    fixture.abort("web");
    fixture.awaitStatus("web", "is aborted", s -> "Degraded".equals(s.get("phase")));
    fixture.awaitStatus(
        "web",
        "has scaled the canary away",
        s -> fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas() == 0);
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isEqualTo(3);
    assertThat(fixture.events("web")).anyMatch(e -> e.getReason().equals("RolloutAborted"));

    fixture.retry("web");
    awaitPausedAt(fixture, 1);
    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isEqualTo(1);
    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");
  }

  static void promoteIndefinitePause(Fixture fixture) {
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of("steps", List.of(setWeight(33), pause(), setWeight(100)))));
    fixture.awaitHealthyOn("web", "app:1");
    fixture.setImage("web", "app:2");
    awaitPausedAt(fixture, 1);

    fixture.touchAndAwaitSync(RUNNER_AGENT, NS, "web");
    assertThat(fixture.status("web"))
        .containsEntry("phase", "Paused")
        .containsEntry("currentStepIndex", 1);
    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isEqualTo(1);
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isEqualTo(2);

    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:2");
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isZero();
  }

  static void newTemplateMidUpdate(Fixture fixture) {
    fixture.create(
        Manifests.canary(
            NS,
            "web",
            3,
            "app:1",
            Map.of("steps", List.of(setWeight(33), pause(), setWeight(66)))));
    fixture.awaitHealthyOn("web", "app:1");
    fixture.setImage("web", "app:2");
    awaitPausedAt(fixture, 1);

    fixture.setImage("web", "app:3");
    fixture.awaitStatus(
        "web",
        "is paused at step 1 on the newest template",
        s ->
            Integer.valueOf(1).equals(s.get("currentStepIndex"))
                && s.containsKey("pauseConditions")
                && fixture.findReplicaSetRunning("web", "app:3").isPresent()
                && fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas() == 0);
    assertThat(fixture.replicaSetRunning("web", "app:3").getSpec().getReplicas()).isEqualTo(1);
    assertThat(fixture.replicaSetRunning("web", "app:1").getSpec().getReplicas()).isEqualTo(2);

    fixture.promote("web");
    fixture.awaitHealthyOn("web", "app:3");
    assertThat(fixture.replicaSetRunning("web", "app:2").getSpec().getReplicas()).isZero();
  }

  private static void awaitPausedAt(Fixture fixture, int step) {
    fixture.awaitStatus(
        "web",
        "is paused at step " + step,
        s ->
            Integer.valueOf(step).equals(s.get("currentStepIndex"))
                && s.containsKey("pauseConditions"));
  }

  private static String selector(Fixture fixture, String service) {
    return fixture
        .admin
        .services()
        .inNamespace(NS)
        .withName(service)
        .get()
        .getSpec()
        .getSelector()
        .get("rollouts-pod-template-hash");
  }

  private static String hash(Fixture fixture, String image) {
    return fixture
        .replicaSetRunning("web", image)
        .getMetadata()
        .getLabels()
        .get("rollouts-pod-template-hash");
  }
}
