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

  /**
   * Argo's plugin's usage text, which it prints when {@code undo} is given anything but one name
   * (as {@code undo rollout NAME}, which other verbs accept, is).
   */
  static final String ARGO_USAGE =
      String.join(
          "\n",
          "Usage:",
          "  kubectl argo rollouts undo ROLLOUT_NAME [flags]",
          "",
          "Examples:",
          "  # Undo a rollout",
          "  kubectl argo rollouts undo guestbook",
          "",
          "  # Undo a rollout to revision 3",
          "  kubectl argo rollouts undo guestbook --to-revision=3",
          "",
          "Flags:",
          "  -h, --help              help for undo",
          "      --to-revision int   The revision to rollback to. Default to 0 (last revision).",
          "");

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The rollout.")
  java.util.List<String> names;

  @Option(
      names = "--to-revision",
      paramLabel = "N",
      description = "The revision to go back to (default: the previous one).")
  long toRevision;

  @Override
  protected int run(KubernetesClient client, String namespace) {
    if (names.size() != 1) {
      err().print(ARGO_USAGE);
      err().flush();
      return 2;
    }
    String name = names.get(0);
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
