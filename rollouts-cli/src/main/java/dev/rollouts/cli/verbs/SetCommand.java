package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code rollouts set image NAME CONTAINER=IMAGE}. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = "Change a rollout's pod template.",
    subcommands = SetCommand.Image.class)
public final class SetCommand {

  /**
   * {@code set image NAME CONTAINER=IMAGE}: the image of one container, or of all with {@code *}.
   */
  @Command(
      name = "image",
      mixinStandardHelpOptions = true,
      description = {
        "Update the image of a rollout's container.",
        "",
        "Changes spec.template, which starts an update to a new revision. CONTAINER is the"
            + " container's name (init and ephemeral containers included), or * for all of them."
      },
      footer = {
        "",
        "Examples:",
        "  rollouts set image web web=nginx:1.27",
        "  rollouts set image web '*=nginx:1.27'"
      })
  public static final class Image extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The rollout.")
    String name;

    @Parameters(
        index = "1",
        paramLabel = "CONTAINER=IMAGE",
        description = "The container and its new image.")
    String assignment;

    @Override
    protected int run(KubernetesClient client, String namespace) {
      int eq = assignment.indexOf('=');
      if (eq <= 0 || eq == assignment.length() - 1 || assignment.indexOf('=', eq + 1) >= 0) {
        throw new ParameterException(
            spec.commandLine(), "expected CONTAINER=IMAGE, got '" + assignment + "'");
      }
      new RolloutActions(client, namespace)
          .setImage(name, assignment.substring(0, eq), assignment.substring(eq + 1));
      out().println("rollout \"" + name + "\" image updated");
      return 0;
    }
  }
}
