package dev.rollouts.cli;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.sim.SimulatedKubernetes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The simulated cluster (rollouts-kubernetes-sim, without its pod simulator: a test makes the pods
 * it wants) with a kubeconfig file pointing at it (namespace {@value #NAMESPACE}), and a way to run
 * {@code rollouts} against it and see what it printed.
 */
public final class CliCluster implements AutoCloseable {

  /** The kubeconfig context's namespace. */
  public static final String NAMESPACE = "shop";

  /** What a run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private final SimulatedKubernetes cluster;
  private final KubernetesClient client;
  private final Path kubeconfig;

  private CliCluster(SimulatedKubernetes cluster, Path kubeconfig) {
    this.cluster = cluster;
    this.client = cluster.newClient();
    this.kubeconfig = kubeconfig;
  }

  /** A started server and its kubeconfig. */
  public static CliCluster start() {
    SimulatedKubernetes cluster = SimulatedKubernetes.builder().withoutPods().start();
    cluster.createNamespace(NAMESPACE);
    try {
      Path kubeconfig = Files.createTempFile("cli-test-", ".kubeconfig");
      Files.writeString(kubeconfig, cluster.kubeconfig(NAMESPACE));
      return new CliCluster(cluster, kubeconfig);
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException(e);
    }
  }

  /** The server. */
  public SimulatedKubernetes server() {
    return cluster;
  }

  /** A client for set-up and assertions. */
  public KubernetesClient client() {
    return client;
  }

  /** The kubeconfig file. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** Runs {@code rollouts ARGS --kubeconfig FILE}. */
  public Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig");
    all.add(kubeconfig.toString());
    return runBare(all.toArray(String[]::new));
  }

  /** Runs {@code rollouts ARGS} as given. */
  public static Result runBare(String... args) {
    return new Running(args).run();
  }

  /** Starts {@code rollouts ARGS --kubeconfig FILE} on another thread. */
  public Running start(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig");
    all.add(kubeconfig.toString());
    return startBare(all.toArray(String[]::new));
  }

  /** Starts {@code rollouts ARGS}, as given, on another thread. */
  public static Running startBare(String... args) {
    Running running = new Running(args);
    running.thread.start();
    return running;
  }

  /** A run of the command, whose output can be read while it runs. */
  public static final class Running {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final String[] args;
    private final Thread thread;
    private volatile Result result;

    Running(String[] args) {
      this.args = args;
      this.thread = new Thread(() -> result = run(), "rollouts " + String.join(" ", args));
    }

    Result run() {
      CommandLine commandLine = Rollouts.newCommandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int code = commandLine.execute(args);
      return new Result(code, out.toString(), err.toString());
    }

    /** What it printed on standard output so far. */
    public String out() {
      return out.toString();
    }

    /** What it printed on standard error so far. */
    public String err() {
      return err.toString();
    }

    /** Waits until standard output contains {@code text}, or the run ends. */
    public void awaitOutput(String text) throws InterruptedException {
      while (!out().contains(text) && thread.isAlive()) {
        Thread.sleep(10);
      }
    }

    /** Interrupts it (as Ctrl-C would stop it). */
    public void interrupt() {
      thread.interrupt();
    }

    /** Waits for the end of the run. */
    public Result join() throws InterruptedException {
      thread.join();
      return result;
    }
  }

  /** Creates a Rollout; with {@code status}, writes it through the status subresource. */
  public RolloutResource create(RolloutResource rollout, Map<String, Object> status) {
    var rollouts =
        client.resources(RolloutResource.class).inNamespace(rollout.getMetadata().getNamespace());
    RolloutResource created = rollouts.resource(rollout).create();
    if (status.isEmpty()) {
      return created;
    }
    created.setStatus(status);
    return rollouts.resource(created).updateStatus();
  }

  /**
   * Creates any other object; a ReplicaSet's status, which the API server leaves out of a create,
   * is then written through its status subresource, as a ReplicaSet controller would.
   */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> T create(T object) {
    T created = client.resource(object).create();
    if (object instanceof ReplicaSet rs && rs.getStatus() != null) {
      ReplicaSet withStatus = (ReplicaSet) created;
      withStatus.setStatus(rs.getStatus());
      return (T) client.resource(withStatus).updateStatus();
    }
    return created;
  }

  /** The Rollout as stored now. */
  public RolloutResource get(String namespace, String name) {
    return client.resources(RolloutResource.class).inNamespace(namespace).withName(name).get();
  }

  @Override
  public void close() {
    cluster.close();
    try {
      Files.deleteIfExists(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
