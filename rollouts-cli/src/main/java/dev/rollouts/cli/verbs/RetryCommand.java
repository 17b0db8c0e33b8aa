package dev.rollouts.cli.verbs;

import dev.rollouts.cli.cluster.RolloutActions;
import picocli.CommandLine.Command;

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
  public static final class Rollout extends EachRolloutCommand {

    @Override
    protected String change(RolloutActions actions, String name) {
      actions.retry(name);
      return "retried";
    }
  }
}
