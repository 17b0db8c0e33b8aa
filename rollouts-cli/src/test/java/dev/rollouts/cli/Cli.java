package dev.rollouts.cli;

import dev.rollouts.core.RolloutEngine;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs the command in-process and captures what it prints. */
final class Cli {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private Cli() {}

  /** The result of one run. */
  record Result(int exitCode, String out, String err) {

    /** Each line of stdout parsed as a JSON object. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> plans() {
      return out.lines()
          .map(line -> (Map<String, Object>) JSON.unmarshal(line, Map.class))
          .toList();
    }

    /** The only plan printed. */
    Map<String, Object> plan() {
      List<Map<String, Object>> plans = plans();
      if (plans.size() != 1) {
        throw new AssertionError("expected one plan, got " + plans.size() + ": " + out + err);
      }
      return plans.get(0);
    }
  }

  /** Runs {@code rollouts args…} with the engine of the installed plug-ins. */
  static Result run(String... args) {
    return run(RolloutEngine::withInstalledPlugins, args);
  }

  /** Runs {@code rollouts args…}, {@code plan} deciding with {@code engine}. */
  static Result run(Supplier<RolloutEngine> engine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        Rollouts.newCommandLine(
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == PlanCommand.class) {
                  return type.cast(new PlanCommand(engine));
                }
                return CommandLine.defaultFactory().create(type);
              }
            });
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** An example state file of the repository. */
  static Path example(String name) {
    Path path = Path.of("..", "examples", name);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no example " + path.toAbsolutePath());
    }
    return path;
  }

  /** {@code content} written to {@code name} in {@code dir}. */
  static Path file(Path dir, String name, String content) throws java.io.IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
