package dev.rollouts.cli.verbs;

import dev.rollouts.cli.cluster.RolloutActions;
import picocli.CommandLine.Command;

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
public final class ResumeCommand extends EachRolloutCommand {

  @Override
  protected String change(RolloutActions actions, String name) {
    actions.resume(name);
    return "resumed";
  }
}
