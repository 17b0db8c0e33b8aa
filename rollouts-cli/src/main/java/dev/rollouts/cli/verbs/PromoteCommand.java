package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rollouts promote NAME [--full]}. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Promote a rollout.",
      "",
      "Ends the pause a rollout waits in (a canary pause step, a blue-green pre-promotion pause, or"
          + " spec.paused); a canary that is not paused moves on to its next step. With --full,"
          + " skips the remaining steps, pauses and analysis and goes straight to the new version."
    },
    footer = {"", "Examples:", "  rollouts promote web", "  rollouts promote web --full -n shop"})
public final class PromoteCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The rollout.")
  String name;

  @Option(
      names = "--full",
      description = "Promote fully: skip the remaining steps, pauses and analysis.")
  boolean full;

  @Override
  protected int run(KubernetesClient client, String namespace) {
    new RolloutActions(client, namespace).promote(name, full);
    out().println("rollout '" + name + "' " + (full ? "fully promoted" : "promoted"));
    return 0;
  }
}
