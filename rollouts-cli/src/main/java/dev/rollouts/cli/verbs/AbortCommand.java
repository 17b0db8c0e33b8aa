package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rollouts abort NAME...}. */
@Command(
    name = "abort",
    mixinStandardHelpOptions = true,
    description = {
      "Abort a rollout.",
      "",
      "Stops the update in progress and sends traffic and pods back to the stable version."
          + " spec.template still holds the new version: 'retry rollout' tries it again, 'undo' or"
          + " a new template replaces it."
    },
    footer = {"", "Examples:", "  rollouts abort web"})
public final class AbortCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The rollouts.")
  List<String> names;

  @Override
  protected int run(KubernetesClient client, String namespace) {
    RolloutActions actions = new RolloutActions(client, namespace);
    for (String name : names) {
      actions.abort(name);
      out().println("rollout '" + name + "' aborted");
    }
    return 0;
  }
}
