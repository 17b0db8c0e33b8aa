package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.kubernetes.controller.LeaderElection;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.notify.NotificationSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rollouts controller}: the reconciler, until interrupted. */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description = {
      "Run the rollouts controller against the cluster until interrupted (Ctrl-C, SIGTERM).",
      "",
      "Watches Rollouts and the ReplicaSets, Services and Ingresses around them, and drives each"
          + " Rollout through its canary or blue-green strategy. Without -n it watches every"
          + " namespace. Leader election is on: of several replicas only the one holding the Lease"
          + " acts (Argo's lock name, so it never acts at once with an Argo Rollouts controller"
          + " that uses the same Lease). --no-leader-elect turns it off, for a single replica."
    },
    footer = {
      "",
      "Examples:",
      "  rollouts controller",
      "  rollouts controller -n shop --no-leader-elect"
    })
public final class ControllerCommand extends ClusterCommand {

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      description = "Only Rollouts labelled argo-rollouts.argoproj.io/controller-instance-id=ID.")
  String instanceId;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "2",
      description = "Rollouts synced in parallel (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--leader-elect",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Act only while holding the Lease (default: on; --no-leader-elect to turn off).")
  boolean leaderElect;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NAMESPACE",
      description = "The Lease's namespace (default: the namespace).")
  String leaseNamespace;

  @Option(
      names = "--lease-name",
      paramLabel = "NAME",
      defaultValue = LeaderElection.DEFAULT_LEASE_NAME,
      description = "The Lease's name (default: ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(
      names = "--notifications",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Send notifications configured by argo-rollouts-notification-configmap and -secret in"
              + " the controller's namespace (-n, else argo-rollouts) (default: on).")
  boolean notifications;

  @Option(
      names = "--self-service-notifications",
      description =
          "Also read each Rollout namespace's own notification ConfigMap and Secret (Argo's"
              + " --self-service-notification-enabled).")
  boolean selfServiceNotifications;

  @Override
  protected Config configure(Config config) {
    config.setRequestRetryBackoffLimit(Config.DEFAULT_REQUEST_RETRY_BACKOFFLIMIT);
    return config;
  }

  @Override
  protected int run(KubernetesClient client, String namespace) throws InterruptedException {
    RolloutController.Builder builder = RolloutController.builder(client).workers(workers);
    cluster.explicitNamespace().ifPresent(builder::namespace);
    if (instanceId != null) {
      builder.instanceId(instanceId);
    }
    if (leaderElect) {
      builder.leaderElection(
          LeaderElection.builder()
              .leaseNamespace(leaseNamespace == null ? namespace : leaseNamespace)
              .leaseName(leaseName)
              .identity(identity())
              .build());
    }
    if (notifications) {
      builder.notifications(
          NotificationSettings.defaults()
              .controllerNamespace(
                  cluster.explicitNamespace().orElse(NotificationSettings.DEFAULT_NAMESPACE))
              .selfService(selfServiceNotifications));
    }
    RolloutController controller = builder.build();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              controller.close();
              stopped.countDown();
            },
            "rollouts-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      controller.start();
      err()
          .println(
              "rollouts controller started, watching "
                  + cluster.explicitNamespace().map(n -> "namespace " + n).orElse("every namespace")
                  + (leaderElect ? ", acting while it holds the Lease " + leaseName : "")
                  + "; Ctrl-C to stop");
      err().flush();
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      controller.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it closes the controller
      }
    }
    return 0;
  }

  private static String identity() {
    String host = System.getenv().getOrDefault("HOSTNAME", "rollouts");
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
