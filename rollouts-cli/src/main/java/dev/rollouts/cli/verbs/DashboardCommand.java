package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.CommandFailure;
import dev.rollouts.dashboard.DashboardServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code rollouts dashboard}: Argo Rollouts' dashboard, served until interrupted. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the Rollouts dashboard: a live web UI with Argo's dashboard API.",
      "",
      "Shows the namespace's rollouts and lets you promote, abort, retry, restart, roll back and"
          + " set images, as the verbs do. Listens on 127.0.0.1 unless --address says otherwise;"
          + " without -A it serves only the namespace of -n (or of the context)."
    },
    footer = {
      "",
      "Examples:",
      "  rollouts dashboard",
      "  rollouts dashboard -n shop --read-only",
      "  rollouts dashboard -A --port 8080 --root-path ui",
      "  rollouts simulate --keep-running   # then: rollouts dashboard --kubeconfig <the file it"
          + " prints>"
    })
public final class DashboardCommand extends ClusterCommand {

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "3100",
      description = "The port (default: ${DEFAULT-VALUE}; 0 for a free one).")
  int port;

  @Option(
      names = "--address",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, with"
              + " no authentication).")
  String address;

  @Option(
      names = "--root-path",
      paramLabel = "PATH",
      defaultValue = DashboardServer.DEFAULT_ROOT_PATH,
      description = "The path of the UI and API (default: ${DEFAULT-VALUE}).")
  String rootPath;

  @Option(
      names = "--read-only",
      description = "Refuse every action (HTTP 403) and show no action buttons.")
  boolean readOnly;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Serve every namespace; the picker lists those that have rollouts.")
  boolean allNamespaces;

  @Override
  protected Config configure(Config config) {
    config.setRequestRetryBackoffLimit(Config.DEFAULT_REQUEST_RETRY_BACKOFFLIMIT);
    return config;
  }

  @Override
  protected int run(KubernetesClient client, String namespace) throws InterruptedException {
    DashboardServer.Builder builder;
    try {
      builder =
          DashboardServer.builder(client)
              .port(port)
              .address(address)
              .rootPath(rootPath)
              .readOnly(readOnly)
              .namespace(namespace)
              .allNamespaces(allNamespaces)
              .version(VersionCommand.version());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    DashboardServer dashboard;
    try {
      dashboard = builder.start();
    } catch (UncheckedIOException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              dashboard.close();
              stopped.countDown();
            },
            "rollouts-dashboard-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out().println("Argo Rollouts Dashboard is now available at " + dashboard.url());
      out()
          .println(
              (readOnly ? "read-only; " : "")
                  + (allNamespaces ? "every namespace" : "namespace " + namespace)
                  + "; Ctrl-C to stop");
      out().flush();
      stopped.await();
    } finally {
      dashboard.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it closes the dashboard
      }
    }
    return 0;
  }
}
