package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * A verb that makes one change to each Rollout it names, in order, printing {@code rollout 'NAME'
 * <done>} after each (abort, pause, resume, retry). It stops at the first Rollout it cannot change.
 */
abstract class EachRolloutCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The rollouts.")
  List<String> names;

  /** Makes the change to {@code name}; returns what was done, in the past tense ("aborted"). */
  protected abstract String change(RolloutActions actions, String name);

  @Override
  protected final int run(KubernetesClient client, String namespace) {
    RolloutActions actions = new RolloutActions(client, namespace);
    for (String name : names) {
      out().println("rollout '" + name + "' " + change(actions, name));
    }
    return 0;
  }
}
