package dev.rollouts.cli.verbs;

import dev.rollouts.cli.ClusterCommand;
import dev.rollouts.cli.CommandFailure;
import dev.rollouts.cli.controller.ControllerEndpoints;
import dev.rollouts.cli.controller.JsonLogStream;
import dev.rollouts.kubernetes.controller.LeaderElection;
import dev.rollouts.kubernetes.controller.MicrometerMetrics;
import dev.rollouts.kubernetes.controller.RolloutController;
import dev.rollouts.kubernetes.notify.NotificationSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
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
      "  rollouts controller -n shop --no-leader-elect",
      "  rollouts controller --instance-id team-a --log-format json --metrics-port 9090"
    })
public final class ControllerCommand extends ClusterCommand {

  @Option(
      names = "--instance-id",
      paramLabel = "ID",
      description =
          "Only Rollouts labelled argo-rollouts.argoproj.io/controller-instance-id=ID; without it,"
              + " only Rollouts without that label (as Argo Rollouts' --instance-id), so that"
              + " Rollouts move between controllers one label at a time.")
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

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "8090",
      description =
          "Serve /metrics (Prometheus text format) on this port; 0 picks a free one, printed at"
              + " start (default: ${DEFAULT-VALUE}, as Argo Rollouts).")
  int metricsPort;

  @Option(
      names = "--healthz-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description =
          "Serve /healthz and /readyz on this port; 0 picks a free one, printed at start"
              + " (default: ${DEFAULT-VALUE}, as Argo Rollouts).")
  int healthzPort;

  @Option(
      names = "--listen-address",
      paramLabel = "HOST",
      defaultValue = "0.0.0.0",
      description = "The address the endpoints listen on (default: ${DEFAULT-VALUE}).")
  String listenAddress;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json: one JSON object per log record on stderr.")
  LogFormat logFormat;

  /** How the controller logs. */
  enum LogFormat {
    text,
    json
  }

  @Override
  protected Config configure(Config config) {
    config.setRequestRetryBackoffLimit(Config.DEFAULT_REQUEST_RETRY_BACKOFFLIMIT);
    return config;
  }

  @Override
  protected int run(KubernetesClient client, String namespace)
      throws InterruptedException, IOException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    RolloutController.Builder builder =
        RolloutController.builder(client).workers(workers).metrics(MicrometerMetrics.of(registry));
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
    RolloutController controller;
    try {
      controller = builder.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    ControllerEndpoints endpoints;
    try {
      endpoints = endpoints(registry, controller);
    } catch (CommandFailure e) {
      controller.close();
      throw e;
    }
    PrintStream originalErr = logFormat == LogFormat.json ? JsonLogStream.install() : null;
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              controller.close();
              endpoints.close();
              stopped.countDown();
            },
            "rollouts-controller-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      controller.start();
      String started =
          "rollouts controller started, watching "
              + cluster.explicitNamespace().map(n -> "namespace " + n).orElse("every namespace")
              + (leaderElect ? ", acting while it holds the Lease " + leaseName : "")
              + ", serving /metrics on port "
              + endpoints.metricsPort()
              + " and /healthz, /readyz on port "
              + endpoints.healthPort()
              + "; Ctrl-C to stop";
      if (originalErr != null) {
        System.err.println(started); // one JSON record, as every log line
        System.err.flush();
      } else {
        err().println(started);
        err().flush();
      }
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      controller.close();
      endpoints.close();
      if (originalErr != null) {
        System.err.flush();
        System.setErr(originalErr);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it closes the controller
      }
    }
    return 0;
  }

  /** The endpoints, serving before the controller starts (/readyz says 503 until it has). */
  private ControllerEndpoints endpoints(
      PrometheusMeterRegistry registry, RolloutController controller) {
    try {
      return ControllerEndpoints.start(
          listenAddress, metricsPort, healthzPort, registry, controller::isReady);
    } catch (IOException e) {
      throw new CommandFailure(
          "cannot serve /metrics on "
              + listenAddress
              + ":"
              + metricsPort
              + " and /healthz on port "
              + healthzPort
              + ": "
              + e.getMessage());
    }
  }

  private static String identity() {
    String host = System.getenv().getOrDefault("HOSTNAME", "rollouts");
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
