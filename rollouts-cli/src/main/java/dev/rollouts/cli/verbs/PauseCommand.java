package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rollouts pause NAME...}. */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = {
      "Pause a rollout.",
      "",
      "Sets spec.paused: the rollout stays where it is until 'promote' or 'resume'."
    },
    footer = {"", "Examples:", "  rollouts pause web"})
public final class PauseCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The rollouts.")
  List<String> names;

  @Override
  protected int run(KubernetesClient client, String namespace) {
    RolloutActions actions = new RolloutActions(client, namespace);
    for (String name : names) {
      actions.pause(name);
      out().println("rollout '" + name + "' paused");
    }
    return 0;
  }
}
