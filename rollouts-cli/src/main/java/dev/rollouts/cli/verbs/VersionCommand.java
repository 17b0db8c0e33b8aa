package dev.rollouts.cli.verbs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollouts version [--short]}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the version of this command.")
public final class VersionCommand implements Callable<Integer> {

  @Option(names = "--short", description = "Print the version number only.")
  boolean brief;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.println("rollouts: v" + version());
    if (!brief) {
      out.println(
          "  JavaVersion: "
              + System.getProperty("java.version")
              + " ("
              + System.getProperty("java.vendor")
              + ")");
      out.println(
          "  Platform: " + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
    }
    return 0;
  }

  /** The project version this command was built from. */
  public static String version() {
    try (InputStream in =
        VersionCommand.class.getResourceAsStream("/dev/rollouts/cli/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version for {@code rollouts --version}. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"rollouts v" + version()};
    }
  }
}
