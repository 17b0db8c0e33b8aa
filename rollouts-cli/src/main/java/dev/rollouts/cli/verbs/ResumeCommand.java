package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rollouts resume NAME...}: the older Argo verb, kept for scripts that use it. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Resume a paused rollout.",
      "",
      "Clears spec.paused. To end a pause step, use 'promote', which also does this."
    },
    footer = {"", "Examples:", "  rollouts resume web"})
public final class ResumeCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The rollouts.")
  List<String> names;

  @Override
  protected int run(KubernetesClient client, String namespace) {
    RolloutActions actions = new RolloutActions(client, namespace);
    for (String name : names) {
      actions.resume(name);
      out().println("rollout '" + name + "' resumed");
    }
    return 0;
  }
}
