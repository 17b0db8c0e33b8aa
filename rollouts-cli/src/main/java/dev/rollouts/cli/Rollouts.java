package dev.rollouts.cli;

import dev.rollouts.cli.simulate.SimulateCommand;
import dev.rollouts.cli.verbs.AbortCommand;
import dev.rollouts.cli.verbs.ControllerCommand;
import dev.rollouts.cli.verbs.DashboardCommand;
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
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code rollouts} command: Argo Rollouts' canary and blue-green progressive delivery from a
 * shell.
 *
 * <p>A verb is one class annotated with picocli's {@code @Command}, listed in {@code subcommands}
 * below, with {@code mixinStandardHelpOptions = true} so it answers {@code --help} (and {@code
 * --version}: the root's attributes are inherited). Exit codes: {@value #OK} done, {@value
 * #FAILURE} failed at run time (a rollout not found, a cluster not reached, a Degraded rollout for
 * {@code status}, an internal error), {@value #BAD_INPUT} bad usage or unreadable input.
 */
@Command(
    name = "rollouts",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Argo Rollouts' canary and blue-green progressive delivery, from a shell.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      SimulateCommand.class,
      PlanCommand.class,
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
      DashboardCommand.class,
      VersionCommand.class,
      AutoComplete.GenerateCompletion.class,
      HelpCommand.class
    })
public final class Rollouts {

  /** The command did its job. */
  public static final int OK = 0;

  /**
   * The command failed at run time: a message on stderr ({@link CommandFailure}), or an internal
   * error with its stack trace.
   */
  public static final int FAILURE = 1;

  /** An internal error: a bug, reported on stderr with its stack trace. */
  public static final int INTERNAL_ERROR = FAILURE;

  /** Bad usage or unreadable input, explained on stderr. */
  public static final int BAD_INPUT = 2;

  Rollouts() {}

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line, ready to {@link CommandLine#execute execute}. */
  public static CommandLine newCommandLine() {
    return newCommandLine(CommandLine.defaultFactory());
  }

  /** The command line, its verbs created by {@code factory}: how tests give a verb its engine. */
  static CommandLine newCommandLine(CommandLine.IFactory factory) {
    CommandLine commandLine = new CommandLine(new Rollouts(), factory);
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setParameterExceptionHandler(Rollouts::badUsage);
    commandLine
        .getSubcommands()
        .get("generate-completion")
        .getCommandSpec()
        .usageMessage()
        .hidden(true);
    return commandLine;
  }

  /**
   * Bad usage: {@code error: <what>}, suggestions for a mistyped option or command, and where the
   * help is; exit code {@value #BAD_INPUT}.
   */
  private static int badUsage(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return BAD_INPUT;
  }
}
