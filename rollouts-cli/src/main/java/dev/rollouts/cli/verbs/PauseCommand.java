package dev.rollouts.cli.verbs;

import dev.rollouts.cli.cluster.RolloutActions;
import picocli.CommandLine.Command;

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
public final class PauseCommand extends EachRolloutCommand {

  @Override
  protected String change(RolloutActions actions, String name) {
    actions.pause(name);
    return "paused";
  }
}
