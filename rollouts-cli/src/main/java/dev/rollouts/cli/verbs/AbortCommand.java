package dev.rollouts.cli.verbs;

import dev.rollouts.cli.cluster.RolloutActions;
import picocli.CommandLine.Command;

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
public final class AbortCommand extends EachRolloutCommand {

  @Override
  protected String change(RolloutActions actions, String name) {
    actions.abort(name);
    return "aborted";
  }
}
