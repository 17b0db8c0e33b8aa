package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutReader;
import dev.rollouts.cli.live.RolloutWatch;
import dev.rollouts.cli.live.Screen;
import dev.rollouts.cli.view.JsonView;
import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.RolloutInfos;
import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.cli.view.TreeView;
import dev.rollouts.cli.view.ViewTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rollouts get rollout NAME [--watch]}. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Show details of a rollout.",
    subcommands = GetCommand.Rollout.class)
public final class GetCommand {

  /** The output formats of {@code get rollout}. */
  public enum Output {
    /** The summary and tree. */
    text,
    /** One JSON object (per change, with --watch). */
    json
  }

  /** {@code get rollout NAME}: the summary and the tree of revisions, ReplicaSets and pods. */
  @Command(
      name = "rollout",
      aliases = {"ro", "rollouts"},
      mixinStandardHelpOptions = true,
      description = {
        "Show a rollout: status, strategy, step and weights, images with their roles, replica"
            + " counts, and the tree of revisions, ReplicaSets and pods.",
        "",
        "With --watch the view follows the rollout: redrawn in place on a terminal, printed again"
            + " on each change otherwise, until Ctrl-C or --timeout-seconds."
      },
      footer = {
        "",
        "Examples:",
        "  rollouts get rollout web",
        "  rollouts get rollout web --watch -n shop"
      })
  public static final class Rollout extends ClusterCommand {

    @Parameters(paramLabel = "NAME", description = "The rollout.")
    String name;

    @Option(
        names = {"-w", "--watch"},
        description = "Follow the rollout as it changes.")
    boolean watch;

    @Option(names = "--no-color", description = "Do not colour the output.")
    boolean noColor;

    @Option(
        names = "--timeout-seconds",
        paramLabel = "N",
        description = "With --watch: stop after N seconds (default: never).")
    int timeoutSeconds;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "text (default) or json.")
    Output output = Output.text;

    @Override
    protected int run(KubernetesClient client, String namespace) throws InterruptedException {
      RolloutReader reader = new RolloutReader(client, namespace);
      if (!watch) {
        RolloutInfo info = RolloutInfos.of(reader.snapshot(name));
        if (output == Output.json) {
          out().println(JsonView.render(info));
        } else {
          boolean colour = !noColor && Screen.detect(false) == Screen.Mode.TERMINAL;
          out()
              .print(
                  (colour ? TreeView.coloured() : TreeView.plain())
                      .render(info, ViewTime.at(Instant.now())));
        }
        out().flush();
        return 0;
      }
      return follow(client, namespace, reader);
    }

    private int follow(KubernetesClient client, String namespace, RolloutReader reader)
        throws InterruptedException {
      var selector = RolloutReader.matchLabels(reader.get(name));
      Screen.Mode mode = Screen.detect(output == Output.json);
      Screen screen = Screen.of(mode, out(), false, !noColor);
      long start = System.nanoTime();
      try (RolloutWatch rollouts = RolloutWatch.start(client, Optional.of(namespace), selector)) {
        long seen = -1;
        while (timeoutSeconds <= 0
            || System.nanoTime() - start < Duration.ofSeconds(timeoutSeconds).toNanos()) {
          Optional<RolloutSnapshot> snapshot = rollouts.snapshot(namespace, name);
          if (snapshot.isEmpty()) {
            throw RolloutReader.notFound(name, namespace);
          }
          screen.show(
              List.of(RolloutInfos.of(snapshot.get())),
              ViewTime.at(Instant.now()),
              Duration.ofNanos(System.nanoTime() - start),
              List.of());
          seen = rollouts.awaitChange(seen, Duration.ofSeconds(1));
        }
      }
      return 0;
    }
  }
}
