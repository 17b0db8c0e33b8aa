package dev.rollouts.kubernetes.sim;

import dev.rollouts.kubernetes.controller.RolloutCrd;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opentest4j.TestAbortedException;

/**
 * Where an adapter test runs: the simulated cluster of rollouts-kubernetes-sim ({@link
 * SimulatedKubernetes}, without its own pod simulator: a test starts the {@link PodSimulator} it
 * wants), or, where its binaries are present, a real API server ({@link Backend#KUBE_API_TEST}).
 * Either way the Rollout CRD is installed, and the clients a test opens are closed with it.
 *
 * <pre>{@code
 * try (TestCluster cluster = TestCluster.start()) {
 *   KubernetesClient admin = cluster.client();
 *   ...
 * }
 * }</pre>
 */
public final class TestCluster implements AutoCloseable {

  private final Backend backend;
  private final SimulatedKubernetes simulated;
  private final RealApiServer real;
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();
  private final KubernetesClient admin;

  private TestCluster(Backend backend, SimulatedKubernetes simulated, RealApiServer real) {
    this.backend = backend;
    this.simulated = simulated;
    this.real = real;
    this.admin = newClient();
  }

  /** Starts a simulated cluster on a free loopback port. */
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
    TestCluster cluster =
        backend == Backend.IN_PROCESS
            ? new TestCluster(backend, SimulatedKubernetes.builder().withoutPods().start(), null)
            : new TestCluster(backend, null, RealApiServer.start());
    RolloutCrd.installIfAbsent(cluster.admin);
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
    if (simulated != null) {
      return simulated.newClient(customizer);
    }
    KubernetesClientBuilder builder =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(real.kubeConfigYaml()));
    customizer.accept(builder);
    KubernetesClient client = builder.build();
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
  public Faults faults() {
    if (simulated == null) {
      throw new TestAbortedException(
          "fault injection and request counts need the simulated API server");
    }
    return simulated.faults();
  }

  /** Creates a namespace unless it exists (both servers require one). */
  public void createNamespace(String name) {
    if (admin.namespaces().withName(name).get() == null) {
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  /** Closes the clients and stops the server. */
  @Override
  public void close() {
    clients.forEach(KubernetesClient::close);
    if (simulated != null) {
      simulated.close();
    }
    if (real != null) {
      real.close();
    }
  }
}
