package dev.rollouts.cli.simulate;

import dev.rollouts.cli.live.RolloutWatch;
import dev.rollouts.cli.live.Screen;
import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.RolloutInfos;
import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.cli.view.ViewTime;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.sim.PodSimulator;
import dev.rollouts.kubernetes.sim.SimulatedKubernetes;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of {@code rollouts simulate}: an in-process API server, simulated pods, the controller on
 * a simulated clock, the manifests applied, a {@link Scenario} played, the Rollouts shown live on a
 * {@link Screen} until the scenario ends or the time runs out.
 */
final class Simulation {

  /** Simulated time from a pod's creation to its readiness. */
  static final Duration POD_START = Duration.ofMillis(1500);

  /** Simulated time a pod spends terminating. */
  static final Duration POD_STOP = Duration.ofSeconds(1);

  /**
   * How often the controller looks at every Rollout again, in real time. The controller waits for
   * the end of a timed pause in real time ({@code requeueAfter}); on the faster simulated clock the
   * pause ends sooner, and the resync notices. One second is the shortest resync fabric8 allows.
   */
  private static final Duration RESYNC = Duration.ofSeconds(1);

  /** How long nothing must change before the simulation's watches are closed. */
  private static final Duration QUIET = Duration.ofMillis(150);

  /**
   * After a change, how long to let the changes that follow it (the controller's writes of one
   * sync, the pods of one scale-up) arrive before showing the view, in real time; shorter at high
   * speeds.
   */
  private static final Duration DEBOUNCE = Duration.ofMillis(200);

  /** Real time between looks at the Rollouts when nothing changes. */
  private static final Duration TICK = Duration.ofMillis(100);

  /**
   * What to run.
   *
   * @param files the manifests; empty for the built-in demo
   * @param empty no objects at all (neither files nor the demo)
   * @param scenario what the user does
   * @param speed how much faster than the wall clock the simulation runs
   * @param failingImages images whose pods never become ready
   * @param timeout real time after which the simulation gives up
   */
  record Settings(
      List<Path> files,
      boolean empty,
      Scenario.Options scenario,
      double speed,
      Collection<String> failingImages,
      Duration timeout) {}

  private final Settings settings;
  private final Screen screen;
  private final java.util.function.Consumer<String> firstLine;

  /**
   * A simulation showing its progress on {@code screen}; with {@code --keep-running}, {@code
   * firstLine} first receives {@code export KUBECONFIG=FILE} for kubectl.
   */
  Simulation(Settings settings, Screen screen, java.util.function.Consumer<String> firstLine) {
    this.settings = settings;
    this.screen = screen;
    this.firstLine = firstLine;
  }

  /** Runs the simulation to its end. */
  Scenario.Outcome run() throws InterruptedException {
    SimulatedClock clock = SimulatedClock.startingNow(settings.speed());
    try (SimulatedKubernetes cluster =
        SimulatedKubernetes.builder()
            .podStartDelay(clock.real(POD_START))
            .podStopDelay(clock.real(POD_STOP))
            .failingImages(settings.failingImages())
            .start()) {
      KubernetesClient client = cluster.newClient();
      Path kubeconfig = kubeconfig(cluster);
      if (settings.scenario().keepRunning()) {
        firstLine.accept("export KUBECONFIG=" + kubeconfig);
      }
      Manifests.Loaded manifests =
          settings.empty()
              ? new Manifests.Loaded(List.of(), List.of())
              : settings.files().isEmpty()
                  ? Manifests.demo(client)
                  : Manifests.files(client, settings.files());
      PodSimulator pods = cluster.pods();
      RolloutController controller =
          RolloutController.builder(cluster.newClient())
              .clock(clock, settings.speed())
              .resyncPeriod(RESYNC)
              .build();
      RolloutWatch watch = null;
      try {
        // Objects first, then the controller: its first cache fill then holds every Rollout with
        // the Services it names, rather than racing the informers of the different kinds (a
        // Rollout synced before its Service arrives is InvalidSpec until the Service shows up).
        String created = String.join(", ", Manifests.create(client, manifests.objects()));
        controller.start();
        watch = RolloutWatch.start(client, Optional.empty(), Map.of());
        List<String> events = new ArrayList<>();
        events.add(
            "simulated Kubernetes API server at "
                + cluster.url()
                + "; other commands reach it with --kubeconfig "
                + kubeconfig);
        events.addAll(manifests.notes());
        if (!created.isEmpty()) {
          events.add("created " + created);
        }
        List<String> rollouts =
            manifests.objects().stream()
                .filter(RolloutResource.class::isInstance)
                .map(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
                .toList();
        return play(
            new Scenario(client, settings.scenario(), rollouts),
            watch,
            new Stopwatch(clock),
            events);
      } finally {
        stop(pods, controller, watch);
      }
    }
  }

  /**
   * Stops the writers first, then, once the server has sent what it had to send, the watchers, so
   * that the view shows the last state.
   */
  private static void stop(PodSimulator pods, RolloutController controller, RolloutWatch watch) {
    boolean interrupted = Thread.interrupted();
    try {
      pods.close();
      awaitQuiet(watch);
      controller.close();
      awaitQuiet(watch);
      if (watch != null) {
        watch.close();
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitQuiet(RolloutWatch watch) {
    if (watch == null) {
      return;
    }
    try {
      watch.awaitQuiet(QUIET, QUIET.multipliedBy(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Simulated time since the objects were created: what the screen shows. */
  private record Stopwatch(SimulatedClock clock, Duration origin) {
    Stopwatch(SimulatedClock clock) {
      this(clock, clock.elapsed());
    }

    Duration elapsed() {
      return clock.elapsed().minus(origin);
    }
  }

  private Scenario.Outcome play(
      Scenario scenario, RolloutWatch watch, Stopwatch stopwatch, List<String> events)
      throws InterruptedException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    SimulatedClock clock = stopwatch.clock();
    Duration debounce = min(DEBOUNCE, clock.real(POD_START).dividedBy(4));
    long seen = watch.awaitChange(-1, Duration.ZERO);
    boolean outcomeShown = false;
    while (true) {
      List<RolloutSnapshot> snapshots = watch.snapshots();
      events.addAll(scenario.step(snapshots, clock.instant()));
      Optional<Scenario.Outcome> outcome = scenario.outcome();
      if (outcome.isEmpty() && !settings.scenario().keepRunning() && System.nanoTime() > deadline) {
        outcome = Optional.of(timedOut(snapshots));
      }
      boolean keepRunning = settings.scenario().keepRunning();
      if (keepRunning && outcome.isPresent() && !outcomeShown) {
        events.add(
            settings.empty()
                ? "running (--keep-running), Ctrl-C to stop"
                : outcome.get().message() + "; still running (--keep-running), Ctrl-C to stop");
        outcomeShown = true;
      } else if (!keepRunning && outcome.isPresent() && outcome.get().exitCode() == 0) {
        events.add(outcome.get().message());
      }
      screen.show(
          infos(snapshots),
          new ViewTime(Instant.now(), clock.instant()),
          stopwatch.elapsed(),
          events);
      events.clear();
      if (outcome.isPresent() && !keepRunning) {
        return outcome.get();
      }
      long latest = watch.awaitChange(seen, TICK);
      if (latest != seen) {
        Thread.sleep(debounce.toMillis());
        latest = watch.awaitChange(-1, Duration.ZERO);
      }
      seen = latest;
    }
  }

  private Scenario.Outcome timedOut(List<RolloutSnapshot> snapshots) {
    List<String> phases =
        infos(snapshots).stream()
            .map(i -> "rollout '" + i.namespace() + "/" + i.name() + "' is " + i.phase())
            .toList();
    return new Scenario.Outcome(
        1,
        "the simulation did not end within "
            + settings.timeout().toSeconds()
            + "s (--timeout): "
            + String.join("; ", phases));
  }

  private static List<RolloutInfo> infos(List<RolloutSnapshot> snapshots) {
    return snapshots.stream().map(RolloutInfos::of).toList();
  }

  private static Path kubeconfig(SimulatedKubernetes cluster) {
    try {
      Path file = Files.createTempFile("rollouts-simulate-", ".kubeconfig");
      file.toFile().deleteOnExit();
      Files.writeString(file, cluster.kubeconfig("default"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
