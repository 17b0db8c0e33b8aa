package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.GoDuration;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code rollouts restart NAME [--in DURATION]}. */
@Command(
    name = "restart",
    mixinStandardHelpOptions = true,
    description = {
      "Restart the pods of a rollout.",
      "",
      "Sets spec.restartAt: the controller replaces the pods created before that time, a few at a"
          + " time."
    },
    footer = {"", "Examples:", "  rollouts restart web", "  rollouts restart web --in 10m"})
public final class RestartCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The rollout.")
  String name;

  @Option(
      names = {"-i", "--in"},
      paramLabel = "DURATION",
      description = "Restart after this long (30s, 5m, 1h).")
  String in = "0s";

  @Override
  protected int run(KubernetesClient client, String namespace) {
    Duration delay;
    try {
      delay = GoDuration.parse(in);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--in: " + e.getMessage());
    }
    new RolloutActions(client, namespace).restart(name, Instant.now().plus(delay));
    out().println("rollout '" + name + "' restarts in " + in);
    return 0;
  }
}
