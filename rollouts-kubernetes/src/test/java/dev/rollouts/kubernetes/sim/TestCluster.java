package dev.rollouts.kubernetes.sim;

import dev.rollouts.kubernetes.controller.RolloutCrd;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opentest4j.TestAbortedException;

/**
 * fabric8's in-process Kubernetes API server in CRUD mode, with the Rollout CRD installed, a {@link
 * FaultInjectingDispatcher} in front, and the clients a test opens closed with it; or, where its
 * binaries are present, a real API server ({@link Backend#KUBE_API_TEST}).
 *
 * <pre>{@code
 * try (TestCluster cluster = TestCluster.start()) {
 *   KubernetesClient admin = cluster.client();
 *   ...
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  /** The mock server logs every request at INFO through java.util.logging; keep it quiet. */
  private static final Logger MOCK_SERVER_LOG =
      Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  static {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
  }

  private final Backend backend;
  private final KubernetesMockServer server;
  private final FaultInjectingDispatcher dispatcher;
  private final RealApiServer real;
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();
  private final KubernetesClient admin;

  private TestCluster(
      Backend backend,
      KubernetesMockServer server,
      FaultInjectingDispatcher dispatcher,
      RealApiServer real) {
    this.backend = backend;
    this.server = server;
    this.dispatcher = dispatcher;
    this.real = real;
    this.admin = newClient();
  }

  /** Starts an in-process server on a free loopback port and installs the Rollout CRD. */
  public static TestCluster start() {
    return start(Backend.IN_PROCESS);
  }

  /**
   * Starts a server of {@code backend} and installs the Rollout CRD.
   *
   * @throws IllegalStateException if the backend is {@linkplain Backend#unavailable() unavailable}
   */
  public static TestCluster start(Backend backend) {
    backend
        .unavailable()
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
    TestCluster cluster;
    if (backend == Backend.IN_PROCESS) {
      Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
      FaultInjectingDispatcher dispatcher = new FaultInjectingDispatcher(responses);
      KubernetesMockServer server =
          new KubernetesMockServer(
              new Context(), new MockWebServer(), responses, dispatcher, false);
      server.init();
      cluster = new TestCluster(backend, server, dispatcher, null);
    } else {
      cluster = new TestCluster(backend, null, null, RealApiServer.start());
    }
    cluster.installRolloutCrd();
    return cluster;
  }

  /** Where this cluster runs. */
  public Backend backend() {
    return backend;
  }

  /** The client for test set-up and assertions. */
  public KubernetesClient client() {
    return admin;
  }

  /** A new client of its own (its own connections), closed with the cluster. */
  public KubernetesClient newClient() {
    return newClient(b -> {});
  }

  /** A new client, customised, closed with the cluster. */
  public KubernetesClient newClient(Consumer<KubernetesClientBuilder> customizer) {
    KubernetesClient client;
    if (server != null) {
      client = server.createClient(customizer);
    } else {
      KubernetesClientBuilder builder =
          new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(real.kubeConfigYaml()));
      customizer.accept(builder);
      client = builder.build();
    }
    clients.add(client);
    return client;
  }

  /** A new client whose requests carry {@code userAgent}, to tell them apart on the server. */
  public KubernetesClient newClient(String userAgent) {
    return newClient(b -> b.editOrNewConfig().withUserAgent(userAgent).endConfig());
  }

  /**
   * A new client that does not retry failed requests itself, so that the caller's own retries are
   * what a test exercises.
   */
  public KubernetesClient newClientWithoutRetries() {
    return newClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
  }

  /** A new client without retries of its own, whose requests carry {@code userAgent}. */
  public KubernetesClient newClientWithoutRetries(String userAgent) {
    return newClient(
        b ->
            b.editOrNewConfig()
                .withRequestRetryBackoffLimit(0)
                .withUserAgent(userAgent)
                .endConfig());
  }

  /**
   * Faults to inject, and counts of requests served.
   *
   * @throws TestAbortedException on a real API server, which has neither
   */
  public FaultInjectingDispatcher faults() {
    if (dispatcher == null) {
      throw new TestAbortedException(
          "fault injection and request counts need the in-process API server");
    }
    return dispatcher;
  }

  /**
   * Creates a namespace unless it exists (the CRUD server does not require one, a real one does).
   */
  public void createNamespace(String name) {
    if (admin.namespaces().withName(name).get() == null) {
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  private void installRolloutCrd() {
    RolloutCrd.installIfAbsent(admin);
  }

  /**
   * Closes the clients and stops the server. The in-process server's own shutdown can stall (up to
   * a minute, then "Unable to close MockWebServer") when a watch connection is torn down mid-event;
   * a test's end state is already asserted by then, so this waits for the shutdown at most a few
   * seconds, on a daemon thread, and does not fail the test because of it (as rollouts-cli's
   * InProcessCluster does).
   */
  @Override
  public void close() {
    clients.forEach(KubernetesClient::close);
    if (server != null) {
      Thread shutdown =
          new Thread(
              () -> {
                try {
                  server.destroy();
                } catch (IllegalStateException stalled) {
                  // the stall described above; nothing is left to check
                }
              },
              "test-cluster-shutdown");
      shutdown.setDaemon(true);
      shutdown.start();
      try {
        shutdown.join(SHUTDOWN_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (real != null) {
      real.close();
    }
  }
}
