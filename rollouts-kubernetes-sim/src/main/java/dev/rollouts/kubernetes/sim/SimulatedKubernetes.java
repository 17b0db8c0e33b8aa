package dev.rollouts.kubernetes.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A simulated Kubernetes cluster in this process: an API server on a loopback port that fabric8 and
 * the real {@code kubectl} use, with the Rollout and analysis CRDs installed, namespaces, garbage
 * collection, Services' Endpoints and EndpointSlices, and (unless turned off) a {@link
 * PodSimulator} giving ReplicaSets and Jobs their pods.
 *
 * <pre>{@code
 * try (SimulatedKubernetes cluster = SimulatedKubernetes.start()) {
 *   KubernetesClient client = cluster.client();
 *   cluster.createNamespace("shop");
 *   Files.writeString(path, cluster.kubeconfig("shop"));   // for kubectl in a second terminal
 * }
 * }</pre>
 */
public final class SimulatedKubernetes implements AutoCloseable {

  /** The Rollout CRD of rollouts-kubernetes, installed when it is on the class path. */
  public static final String ROLLOUT_CRD = "/crd/rollouts.argoproj.io.yaml";

  /**
   * The CRDs installed when they are on the class path (rollouts-kubernetes ships them): the
   * Rollout and Argo's analysis kinds, as on a cluster where {@code manifests/install.yaml} or
   * Argo's own install was applied, so dashboards and plug-ins that list AnalysisRuns find them.
   */
  public static final List<String> ARGO_CRDS =
      List.of(
          ROLLOUT_CRD,
          "/crd/analysistemplates.argoproj.io.yaml",
          "/crd/clusteranalysistemplates.argoproj.io.yaml",
          "/crd/analysisruns.argoproj.io.yaml");

  private final ApiServer server;
  private final Resources resources;
  private final Faults faults = new Faults();
  private final ScheduledExecutorService controllers;
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();
  private final KubernetesClient admin;
  private final PodSimulator pods;

  private SimulatedKubernetes(Builder b) {
    Registry registry = new Registry();
    Store store = new Store();
    resources = new Resources(store, registry);
    controllers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-controllers");
              t.setDaemon(true);
              return t;
            });
    new Garbage(resources, controllers);
    new EndpointsController(resources, controllers);
    new Terminations(resources, controllers, b.podStopDelay);
    for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
      createNamespace(ns);
    }
    node();
    for (String crd : b.crds) {
      installCrd(crd, b.crdsRequired);
    }
    server = new ApiServer(resources, faults, b.port);
    admin = newClient("simulated-admin");
    pods =
        b.pods
            ? PodSimulator.builder(newClientWithoutRetries("simulated-kubelet"))
                .startDelay(b.podStartDelay)
                .failingImages(b.failingImages)
                .build()
                .start()
            : null;
  }

  /** Starts a cluster with the defaults: pods ready 30 ms after they are made, gone at once. */
  public static SimulatedKubernetes start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How the cluster behaves. */
  public static final class Builder {
    private int port;
    private boolean pods = true;
    private Duration podStartDelay = Duration.ofMillis(30);
    private Duration podStopDelay = Duration.ZERO;
    private Collection<String> failingImages = List.of();
    private final List<String> crds = new ArrayList<>(ARGO_CRDS);
    private boolean crdsRequired;

    private Builder() {}

    /** The loopback port to listen on (default: a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Real time from a pod's creation to its readiness (default 30 ms). */
    public Builder podStartDelay(Duration delay) {
      this.podStartDelay = delay;
      return this;
    }

    /** Real time a deleted pod spends {@code Terminating} (default none). */
    public Builder podStopDelay(Duration delay) {
      this.podStopDelay = delay;
      return this;
    }

    /** Images whose pods never become ready (crash-loop; a Job's pod fails). */
    public Builder failingImages(Collection<String> images) {
      this.failingImages = List.copyOf(images);
      return this;
    }

    /** No pod simulator: ReplicaSets and Jobs get no pods and no status. */
    public Builder withoutPods() {
      this.pods = false;
      return this;
    }

    /**
     * Also installs the CRD in this class-path resource (YAML), which must exist. The CRDs of
     * {@link #ARGO_CRDS} are installed whenever they are on the class path.
     */
    public Builder crd(String classpathResource) {
      crds.add(classpathResource);
      crdsRequired = true;
      return this;
    }

    public SimulatedKubernetes start() {
      return new SimulatedKubernetes(this);
    }
  }

  private void installCrd(String resource, boolean required) {
    try (InputStream in = SimulatedKubernetes.class.getResourceAsStream(resource)) {
      if (in == null) {
        if (required && !ARGO_CRDS.contains(resource)) {
          throw new IllegalArgumentException(resource + " is not on the class path");
        }
        return;
      }
      ObjectNode crd = (ObjectNode) new YAMLMapper().readTree(in);
      ResourceType crds =
          resources
              .registry()
              .find("apiextensions.k8s.io/v1", "customresourcedefinitions")
              .orElseThrow();
      if (resources.store().get(crds, null, crd.path("metadata").path("name").asText()) == null) {
        resources.create(crds, null, crd);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void node() {
    ObjectNode node = Resources.emptyObject();
    Resources.metadata(node).put("name", SimPod.NODE);
    Resources.metadata(node).putObject("labels").put("kubernetes.io/hostname", SimPod.NODE);
    resources.create(resources.registry().find("v1", "nodes").orElseThrow(), null, node);
  }

  /** The client for set-up and assertions (User-Agent {@code simulated-admin}). */
  public KubernetesClient client() {
    return admin;
  }

  /** A new client of its own (its own connections), closed with the cluster. */
  public KubernetesClient newClient() {
    return newClient(b -> {});
  }

  /**
   * A new client whose requests carry {@code userAgent}, to tell them apart in {@link #faults()}.
   */
  public KubernetesClient newClient(String userAgent) {
    return newClient(b -> b.editOrNewConfig().withUserAgent(userAgent).endConfig());
  }

  /** A new client that does not retry failed requests itself. */
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

  /** A new client, customised, closed with the cluster. */
  public KubernetesClient newClient(Consumer<KubernetesClientBuilder> customizer) {
    KubernetesClientBuilder builder =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig("default")));
    customizer.accept(builder);
    KubernetesClient client = builder.build();
    clients.add(client);
    return client;
  }

  /** The server's URL: {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  /**
   * A kubeconfig for the server, with one context, {@code rollouts-simulate}, whose namespace is
   * {@code namespace}: what kubectl and {@code rollouts … --kubeconfig FILE} need to reach it.
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

  /** Writes {@link #kubeconfig(String)} to {@code file} and returns it. */
  public Path writeKubeconfig(Path file, String namespace) {
    try {
      return Files.writeString(file, kubeconfig(namespace));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Faults to inject, and the requests served. */
  public Faults faults() {
    return faults;
  }

  /**
   * The pod simulator.
   *
   * @throws IllegalStateException when the cluster was built {@link Builder#withoutPods()}
   */
  public PodSimulator pods() {
    if (pods == null) {
      throw new IllegalStateException("this cluster was built withoutPods()");
    }
    return pods;
  }

  /**
   * Creates a namespace unless it exists (a namespace must exist before anything is made in it).
   */
  public void createNamespace(String name) {
    ResourceType ns = resources.namespaces();
    if (resources.store().get(ns, null, name) == null) {
      ObjectNode o = Resources.emptyObject();
      Resources.metadata(o).put("name", name);
      resources.create(ns, null, o);
    }
  }

  /**
   * How many objects of each resource ({@code pods}, {@code rollouts.argoproj.io} …) are stored.
   */
  public Map<String, Integer> objectCounts() {
    return resources.store().counts();
  }

  /** Stops the pod simulator, closes the clients and stops the server. */
  @Override
  public void close() {
    if (pods != null) {
      pods.close();
    }
    clients.forEach(KubernetesClient::close);
    server.close();
    controllers.shutdownNow();
  }
}
