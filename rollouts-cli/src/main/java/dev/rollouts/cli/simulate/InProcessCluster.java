package dev.rollouts.cli.simulate;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's in-process Kubernetes API server in CRUD mode, on a free loopback port, with the
 * Rollout CRD installed (status subresource included), and the clients opened on it.
 *
 * <pre>{@code
 * try (InProcessCluster cluster = InProcessCluster.start()) {
 *   KubernetesClient client = cluster.newClient();
 *   Files.writeString(path, cluster.kubeconfig("default"));   // for a second terminal
 * }
 * }</pre>
 *
 * <p>It stores and watches objects; it runs no controllers: no pods appear for a ReplicaSet unless
 * a {@link PodSimulator} makes them.
 */
public final class InProcessCluster implements AutoCloseable {

  /**
   * The server logs every request through java.util.logging at INFO; a strong reference keeps it
   * quiet.
   */
  private static final Logger SERVER_LOG =
      Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

  private static final String CRD = "/crd/rollouts.argoproj.io.yaml";

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

  private final KubernetesMockServer server;
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();

  private InProcessCluster(KubernetesMockServer server) {
    this.server = server;
  }

  /** Starts a server and installs the Rollout CRD. */
  public static InProcessCluster start() {
    SERVER_LOG.setLevel(Level.WARNING);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    InProcessCluster cluster = new InProcessCluster(server);
    try {
      cluster
          .newClient()
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(rolloutCrd())
          .create();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** A new client of the server (closed with it). Requests are not retried: the server is local. */
  public KubernetesClient newClient() {
    KubernetesClient client =
        server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
    clients.add(client);
    return client;
  }

  /** The server's URL: {@code http://localhost:PORT/}. */
  public String url() {
    return server.url("/");
  }

  /**
   * A kubeconfig for the server, with one context, {@code rollouts-simulate}, whose namespace is
   * {@code namespace}: what {@code rollouts get rollout --kubeconfig FILE} needs to reach it.
   */
  public String kubeconfig(String namespace) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: rollouts-simulate",
        "  cluster:",
        "    server: " + url(),
        "contexts:",
        "- name: rollouts-simulate",
        "  context:",
        "    cluster: rollouts-simulate",
        "    user: rollouts-simulate",
        "    namespace: " + namespace,
        "current-context: rollouts-simulate",
        "users:",
        "- name: rollouts-simulate",
        "  user:",
        "    token: simulated",
        "");
  }

  /** The Rollout CRD of {@code rollouts-kubernetes}. */
  static CustomResourceDefinition rolloutCrd() {
    try (InputStream in = InProcessCluster.class.getResourceAsStream(CRD)) {
      if (in == null) {
        throw new IllegalStateException(CRD + " is not on the class path");
      }
      return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the clients and stops the server. The server's own shutdown can hang (for up to a
   * minute) when a watch connection is torn down mid-event; this waits for it at most {@link
   * #SHUTDOWN_WAIT} and leaves the rest to a daemon thread.
   */
  @Override
  public void close() {
    clients.forEach(KubernetesClient::close);
    Thread shutdown = new Thread(server::destroy, "in-process-cluster-shutdown");
    shutdown.setDaemon(true);
    shutdown.start();
    try {
      shutdown.join(SHUTDOWN_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
