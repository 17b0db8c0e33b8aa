package dev.rollouts.cli.simulate;

import dev.rollouts.cli.CommandFailure;
import dev.rollouts.cli.GoDuration;
import dev.rollouts.cli.live.Screen;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rollouts simulate [FILE...]}: a rollout, live, on a laptop with no cluster. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a rollout on a simulated cluster, live.",
      "",
      "Starts a simulated Kubernetes cluster (an API server kubectl can use), simulated pods (ready 1.5 s after they start)"
          + " and the rollouts controller; creates the objects of FILE... (Rollouts, Services,"
          + " Ingresses, ...) and waits until every Rollout is Healthy; with --set-image, starts an"
          + " update and shows it progressing until the new revision is stable. Without FILE, runs"
          + " the built-in demo: a canary behind Ingress NGINX (setWeight 20, pause 2s, setWeight"
          + " 50, pause, setWeight 80, pause 2s) updated to a new image and promoted at its pause.",
      "",
      "The exit code is 0 when the rollouts end Healthy (or wait for a promote that was not asked"
          + " for), 1 when one ends Degraded or --timeout passes."
    },
    footer = {
      "",
      "Examples:",
      "  rollouts simulate",
      "  rollouts simulate --speed 5",
      "  rollouts simulate canary.yaml --set-image app=nginx:1.27 --promote-at-pause",
      "  rollouts simulate canary.yaml --set-image app=nginx:1.27 --abort-at-step 2",
      "  rollouts simulate canary.yaml --set-image app=nginx:bad --fail-image nginx:bad",
      "  rollouts simulate --keep-running --empty   # then, in another terminal:",
      "  export KUBECONFIG=/tmp/rollouts-simulate-….kubeconfig; kubectl apply -f rollout.yaml",
      "  rollouts simulate --keep-running      # then, in another terminal:",
      "  rollouts promote demo --kubeconfig /tmp/rollouts-simulate-….kubeconfig",
      "  rollouts simulate --output json | jq -c '{status, step, actualWeight}'"
    })
public final class SimulateCommand implements Callable<Integer> {

  /** The container and image of the built-in demo's update. */
  static final Scenario.ImageChange DEMO_UPDATE =
      new Scenario.ImageChange("demo", "argoproj/rollouts-demo:yellow");

  /** Exit code when stopped from outside (as a shell reports Ctrl-C: 128 + SIGINT). */
  static final int INTERRUPTED = 130;

  /** Simulated time between seeing a pause without end and promoting it. */
  static final Duration THINK_TIME = Duration.ofSeconds(1);

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Manifests to run (default: the built-in demo).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--set-image",
      paramLabel = "CONTAINER=IMAGE",
      description =
          "Once deployed, set this image in every rollout with this container (* for all), which"
              + " starts an update.")
  String setImage;

  @Option(
      names = "--promote-at-pause",
      description = "Promote a rollout that waits in a pause without end (the demo always does).")
  boolean promoteAtPause;

  @Option(
      names = "--keep-running",
      description =
          "Do not end: keep the simulated cluster and the view until Ctrl-C, so that other commands"
              + " (promote, abort, undo, ...) can act on it with the --kubeconfig it prints; a"
              + " pause without end waits for them.")
  boolean keepRunning;

  @Option(
      names = "--empty",
      description =
          "Start the simulated cluster with no objects (not the demo), for kubectl and kubectl argo"
              + " rollouts to use; implies --keep-running. The first line printed is export"
              + " KUBECONFIG=FILE.")
  boolean empty;

  @Option(
      names = "--abort-at-step",
      paramLabel = "N",
      description = "Abort a canary update once it reaches step N (0 is the first).")
  Integer abortAtStep;

  @Option(
      names = "--fail-image",
      paramLabel = "IMAGE",
      description = "Pods with this image never become ready (repeatable).")
  List<String> failImages = new ArrayList<>();

  @Option(
      names = "--speed",
      paramLabel = "FACTOR",
      defaultValue = "1",
      description =
          "Run this many times faster: every delay, pause and deadline shrinks (default:"
              + " ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description =
          "text (default: redrawn on a terminal, snapshots otherwise) or json (one object per"
              + " change).")
  String output = "text";

  @Option(names = "--no-color", description = "Do not colour the output.")
  boolean noColor;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = GoDuration.class,
      defaultValue = "10m",
      description = "Give up after this long, in real time (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Simulation.Settings settings = settings();
    quietController();
    Screen screen =
        Screen.of(
            Screen.detect(output.equals("json")), spec.commandLine().getOut(), true, !noColor);
    Scenario.Outcome outcome;
    try {
      java.io.PrintWriter out = spec.commandLine().getOut();
      outcome =
          new Simulation(
                  settings,
                  screen,
                  line -> {
                    out.println(line);
                    out.flush();
                  })
              .run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return INTERRUPTED;
    }
    if (outcome.exitCode() != 0) {
      throw new CommandFailure(outcome.message());
    }
    return 0;
  }

  /**
   * The controller's warnings (a write retried after a conflict, a request cut short at the end)
   * are noise under a live view: only its errors are shown. slf4j-simple reads this when a logger
   * is first made, which in a {@code rollouts simulate} process is after this point.
   */
  private static void quietController() {
    System.setProperty(
        "org.slf4j.simpleLogger.log.dev.rollouts.kubernetes",
        System.getProperty("org.slf4j.simpleLogger.log.dev.rollouts.kubernetes", "error"));
    // Vert.x's warning that a client's event loop was slow (a loaded machine) is noise here too.
    System.setProperty(
        "org.slf4j.simpleLogger.log.io.vertx.core.impl.BlockedThreadChecker",
        System.getProperty(
            "org.slf4j.simpleLogger.log.io.vertx.core.impl.BlockedThreadChecker", "error"));
  }

  private Simulation.Settings settings() {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new ParameterException(
          spec.commandLine(), "--speed must be a positive number, was " + speed);
    }
    if (abortAtStep != null && abortAtStep < 0) {
      throw new ParameterException(spec.commandLine(), "--abort-at-step must not be negative");
    }
    if (!output.equals("text") && !output.equals("json")) {
      throw new ParameterException(
          spec.commandLine(), "--output must be text or json, was " + output);
    }
    if (empty && !files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--empty takes no FILE");
    }
    boolean keepRunning = this.keepRunning || empty;
    boolean demo = files.isEmpty() && !empty;
    Optional<Scenario.ImageChange> update = Optional.ofNullable(setImage).map(this::imageChange);
    if (demo && update.isEmpty()) {
      update = Optional.of(DEMO_UPDATE);
    }
    Scenario.Options scenario =
        new Scenario.Options(
            update,
            promoteAtPause || (demo && !keepRunning),
            Optional.ofNullable(abortAtStep),
            THINK_TIME,
            keepRunning);
    return new Simulation.Settings(files, empty, scenario, speed, failImages, timeout);
  }

  private Scenario.ImageChange imageChange(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0 || eq == assignment.length() - 1) {
      throw new ParameterException(
          spec.commandLine(), "--set-image: expected CONTAINER=IMAGE, got '" + assignment + "'");
    }
    return new Scenario.ImageChange(assignment.substring(0, eq), assignment.substring(eq + 1));
  }
}
