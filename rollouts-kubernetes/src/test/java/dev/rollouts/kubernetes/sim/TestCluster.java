package dev.rollouts.kubernetes.sim;

import dev.rollouts.kubernetes.controller.RolloutCrd;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's in-process Kubernetes API server in CRUD mode, with the Rollout CRD installed, a
 * {@link FaultInjectingDispatcher} in front, and the clients a test opens closed with it.
 *
 * <pre>{@code
 * try (TestCluster cluster = TestCluster.start()) {
 *   KubernetesClient admin = cluster.client();
 *   ...
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {

  /** The mock server logs every request at INFO through java.util.logging; keep it quiet. */
  private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  static {
    MOCK_SERVER_LOG.setLevel(Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final FaultInjectingDispatcher dispatcher;
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();
  private final KubernetesClient admin;

  private TestCluster(KubernetesMockServer server, FaultInjectingDispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.admin = newClient();
  }

  /** Starts a server on a free loopback port and installs the Rollout CRD. */
  public static TestCluster start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    FaultInjectingDispatcher dispatcher = new FaultInjectingDispatcher(responses);
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
    TestCluster cluster = new TestCluster(server, dispatcher);
    cluster.installRolloutCrd();
    return cluster;
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
    KubernetesClient client = server.createClient(customizer);
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
    return newClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).withUserAgent(userAgent).endConfig());
  }

  /** Faults to inject, and counts of requests served. */
  public FaultInjectingDispatcher faults() {
    return dispatcher;
  }

  /** Creates a namespace (the CRUD server does not require one, a real one does). */
  public void createNamespace(String name) {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
  }

  private void installRolloutCrd() {
    RolloutCrd.installIfAbsent(admin);
  }

  @Override
  public void close() {
    clients.forEach(KubernetesClient::close);
    server.destroy();
  }
}
