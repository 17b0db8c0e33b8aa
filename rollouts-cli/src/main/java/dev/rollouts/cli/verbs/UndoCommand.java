package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.Undo;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code rollouts undo NAME [--to-revision N]}. */
@Command(
    name = "undo",
    mixinStandardHelpOptions = true,
    description = {
      "Roll back to an earlier revision.",
      "",
      "Copies the pod template of that revision's ReplicaSet back into spec.template, which the"
          + " rollout then rolls out like any other change."
    },
    footer = {"", "Examples:", "  rollouts undo web", "  rollouts undo web --to-revision 3"})
public final class UndoCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The rollout.")
  String name;

  @Option(
      names = "--to-revision",
      paramLabel = "N",
      description = "The revision to go back to (default: the previous one).")
  long toRevision;

  @Override
  protected int run(KubernetesClient client, String namespace) {
    if (toRevision < 0) {
      throw new ParameterException(spec.commandLine(), "--to-revision must not be negative");
    }
    Undo.Result result = new Undo(client, namespace).toRevision(name, toRevision);
    if (result.skipped()) {
      out()
          .println(
              "skipped rollback (current template already matches revision "
                  + result.revision()
                  + ")");
    } else {
      out().println("rollout '" + name + "' undo (to revision " + result.revision() + ")");
    }
    return 0;
  }
}
