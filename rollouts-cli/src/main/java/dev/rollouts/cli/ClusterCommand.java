package dev.rollouts.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a cluster: it takes the {@link ClusterOptions}, opens a client, runs,
 * closes the client, and turns an API error into a {@link CommandFailure} that names the server.
 */
public abstract class ClusterCommand implements Callable<Integer> {

  @Mixin protected ClusterOptions cluster;

  @Spec protected CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(configure(cluster.config())).build()) {
      try {
        return run(client, cluster.namespace(client));
      } catch (KubernetesClientException e) {
        throw new CommandFailure(ClusterErrors.describe(e, client.getMasterUrl().toString()), e);
      }
    }
  }

  /**
   * Adjusts the client configuration before connecting. By default requests are not retried, so
   * that a one-shot command reports an unreachable server at once.
   */
  protected Config configure(Config config) {
    return config;
  }

  /**
   * Does the work.
   *
   * @param client a client of the cluster, closed afterwards
   * @param namespace the namespace to act in
   * @return the exit code
   */
  protected abstract int run(KubernetesClient client, String namespace) throws Exception;

  /** Standard output. */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Standard error. */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
