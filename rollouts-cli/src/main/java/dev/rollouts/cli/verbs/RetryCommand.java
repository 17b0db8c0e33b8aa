package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rollouts retry rollout NAME...}. */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    description = "Retry an aborted rollout.",
    subcommands = RetryCommand.Rollout.class)
public final class RetryCommand {

  /** {@code retry rollout NAME...}: clears {@code status.abort}. */
  @Command(
      name = "rollout",
      aliases = {"ro", "rollouts"},
      mixinStandardHelpOptions = true,
      description = "Retry an aborted rollout: it starts the update to the new version again.",
      footer = {"", "Examples:", "  rollouts retry rollout web"})
  public static final class Rollout extends ClusterCommand {

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The rollouts.")
    List<String> names;

    @Override
    protected int run(KubernetesClient client, String namespace) {
      RolloutActions actions = new RolloutActions(client, namespace);
      for (String name : names) {
        actions.retry(name);
        out().println("rollout '" + name + "' retried");
      }
      return 0;
    }
  }
}
