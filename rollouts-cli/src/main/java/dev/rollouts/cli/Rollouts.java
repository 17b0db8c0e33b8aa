package dev.rollouts.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code rollouts} command: Argo Rollouts' canary and blue-green progressive delivery from a
 * shell.
 *
 * <p>A verb is one class annotated with picocli's {@code @Command}, listed in {@code subcommands}
 * below, with {@code mixinStandardHelpOptions = true} so it answers {@code --help}. Exit codes:
 * {@value #OK} done, {@value #BAD_INPUT} bad usage or unreadable input, {@value #INTERNAL_ERROR} an
 * internal error.
 */
@Command(
    name = "rollouts",
    mixinStandardHelpOptions = true,
    versionProvider = Rollouts.Version.class,
    description = "Argo Rollouts' canary and blue-green progressive delivery, from a shell.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {PlanCommand.class, HelpCommand.class})
public final class Rollouts {

  /** The command did its job. */
  public static final int OK = 0;

  /** An internal error: a bug, reported on stderr with its stack trace. */
  public static final int INTERNAL_ERROR = 1;

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
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          PrintWriter err = cl.getErr();
          err.println(
              cl.getCommandSpec().qualifiedName() + ": internal error, please report it: " + e);
          e.printStackTrace(err);
          err.flush();
          return INTERNAL_ERROR;
        });
    return commandLine;
  }

  /** The version from the jar's manifest; {@code development} when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Rollouts.class.getPackage().getImplementationVersion();
      return new String[] {"rollouts " + (version == null ? "development" : version)};
    }
  }
}
