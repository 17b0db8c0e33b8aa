package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.CommandFailure;
import dev.rollouts.cli.GoDuration;
import dev.rollouts.cli.cluster.RolloutReader;
import dev.rollouts.cli.live.RolloutWatch;
import dev.rollouts.cli.view.RolloutPhase;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rollouts status NAME [--watch] [--timeout DURATION]}: for CI pipelines. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the status of a rollout, and wait until it is done.",
      "",
      "Prints the status (and its message) each time it changes, until the rollout is Healthy (exit"
          + " code 0) or Degraded (exit code 1), or --timeout passes (exit code 1). With"
          + " --watch=false, prints the status once; the exit code is 1 if it is Degraded."
    },
    footer = {
      "",
      "Examples:",
      "  rollouts status web                 # wait until done",
      "  rollouts status web --timeout 10m   # fail after 10 minutes",
      "  rollouts status web --watch=false   # print once"
    })
public final class StatusCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The rollout.")
  String name;

  @Option(
      names = {"-w", "--watch"},
      negatable = true,
      arity = "0..1",
      defaultValue = "true",
      fallbackValue = "true",
      description = "Wait until the rollout is Healthy or Degraded (default: true).")
  boolean watch;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "DURATION",
      converter = GoDuration.class,
      defaultValue = "0",
      description = "With --watch: give up after this long (30s, 10m); 0 waits forever.")
  Duration timeout;

  @Override
  protected int run(KubernetesClient client, String namespace) throws InterruptedException {
    RolloutReader reader = new RolloutReader(client, namespace);
    RolloutResource rollout = reader.get(name);
    if (!watch) {
      RolloutPhase phase = phaseOf(rollout);
      out().println(phase.isFinal() ? phase.phase() : phase.toString());
      return verdict(phase);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    RolloutPhase printed = null;
    try (RolloutWatch rollouts = RolloutWatch.rolloutsOnly(client, Optional.of(namespace))) {
      long seen = -1;
      while (true) {
        rollout =
            rollouts
                .snapshot(namespace, name)
                .orElseThrow(() -> RolloutReader.notFound(name, namespace))
                .rollout();
        RolloutPhase phase = phaseOf(rollout);
        if (!phase.equals(printed)) {
          out().println(phase);
          out().flush();
          printed = phase;
        }
        if (phase.isFinal()) {
          return verdict(phase);
        }
        if (!timeout.isZero() && System.nanoTime() >= deadline) {
          throw new CommandFailure(
              "rollout \""
                  + name
                  + "\" is not Healthy after "
                  + timeout.toSeconds()
                  + "s: "
                  + phase);
        }
        long wait =
            timeout.isZero()
                ? 1_000_000_000L
                : Math.min(1_000_000_000L, Math.max(1, deadline - System.nanoTime()));
        seen = rollouts.awaitChange(seen, Duration.ofNanos(wait));
      }
    }
  }

  private int verdict(RolloutPhase phase) {
    if (phase.phase().equals("Degraded")) {
      throw new CommandFailure("rollout \"" + name + "\" is Degraded: " + phase.message());
    }
    return 0;
  }

  private static RolloutPhase phaseOf(RolloutResource rollout) {
    return RolloutPhase.of(
        rollout.getMetadata().getGeneration(), rollout.getSpec(), rollout.getStatus());
  }
}
