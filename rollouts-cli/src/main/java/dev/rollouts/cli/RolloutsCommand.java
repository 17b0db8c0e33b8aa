package dev.rollouts.cli;

import dev.rollouts.cli.simulate.SimulateCommand;
import dev.rollouts.cli.verbs.AbortCommand;
import dev.rollouts.cli.verbs.ControllerCommand;
import dev.rollouts.cli.verbs.GetCommand;
import dev.rollouts.cli.verbs.ListCommand;
import dev.rollouts.cli.verbs.PauseCommand;
import dev.rollouts.cli.verbs.PromoteCommand;
import dev.rollouts.cli.verbs.RestartCommand;
import dev.rollouts.cli.verbs.ResumeCommand;
import dev.rollouts.cli.verbs.RetryCommand;
import dev.rollouts.cli.verbs.SetCommand;
import dev.rollouts.cli.verbs.StatusCommand;
import dev.rollouts.cli.verbs.UndoCommand;
import dev.rollouts.cli.verbs.VersionCommand;
import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code rollouts} command: the engine from a shell. Exit codes: 0 done, 1 failed at run time
 * (not found, unreachable cluster, a Degraded rollout for {@code status}), 2 bad usage.
 */
@Command(
    name = "rollouts",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Argo Rollouts' canary and blue-green progressive delivery, from a shell.",
    subcommands = {
      SimulateCommand.class,
      ControllerCommand.class,
      GetCommand.class,
      ListCommand.class,
      StatusCommand.class,
      PromoteCommand.class,
      AbortCommand.class,
      RetryCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      RestartCommand.class,
      SetCommand.class,
      UndoCommand.class,
      VersionCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    })
public final class RolloutsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  /** The command line, with its error handling: what {@link #main} runs and tests drive. */
  public static CommandLine commandLine() {
    CommandLine commandLine =
        new CommandLine(new RolloutsCommand())
            .setExecutionExceptionHandler(new ErrorHandler())
            .setParameterExceptionHandler(RolloutsCommand::badUsage);
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    return commandLine;
  }

  /**
   * Bad usage: {@code error: <what>}, suggestions for a mistyped option or command, and where the
   * help is; exit code 2.
   */
  private static int badUsage(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Runs {@code rollouts} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
