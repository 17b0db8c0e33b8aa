package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.cluster.RolloutReader;
import dev.rollouts.cli.view.RolloutInfo;
import dev.rollouts.cli.view.RolloutInfos;
import dev.rollouts.cli.view.RolloutSnapshot;
import dev.rollouts.cli.view.RolloutTable;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rollouts list rollouts [-A]}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List rollouts.",
    subcommands = ListCommand.Rollouts.class)
public final class ListCommand {

  /** {@code list rollouts}: one line per rollout. */
  @Command(
      name = "rollouts",
      aliases = {"ro", "rollout"},
      mixinStandardHelpOptions = true,
      description =
          "List the rollouts of a namespace (or of all, with -A): strategy, status, step, weight,"
              + " replicas.",
      footer = {"", "Examples:", "  rollouts list rollouts", "  rollouts list rollouts -A"})
  public static final class Rollouts extends ClusterCommand {

    @Option(
        names = {"-A", "--all-namespaces"},
        description = "List the rollouts of every namespace.")
    boolean allNamespaces;

    @Option(names = "--name", paramLabel = "NAME", description = "Only the rollout with this name.")
    String name;

    @Override
    protected int run(KubernetesClient client, String namespace) {
      var rollouts = RolloutReader.rollouts(client);
      List<RolloutResource> items =
          (allNamespaces
                  ? rollouts.inAnyNamespace().list()
                  : rollouts.inNamespace(namespace).list())
              .getItems().stream()
                  .filter(r -> name == null || name.equals(r.getMetadata().getName()))
                  .sorted(
                      Comparator.comparing((RolloutResource r) -> r.getMetadata().getNamespace())
                          .thenComparing(r -> r.getMetadata().getName()))
                  .toList();
      if (items.isEmpty()) {
        err()
            .println(
                allNamespaces
                    ? "No resources found."
                    : "No resources found in namespace \"" + namespace + "\".");
        return 0;
      }
      List<RolloutInfo> infos =
          items.stream()
              .map(r -> RolloutInfos.of(new RolloutSnapshot(r, List.of(), List.of())))
              .toList();
      out().print(RolloutTable.render(infos, allNamespaces));
      return 0;
    }
  }
}
