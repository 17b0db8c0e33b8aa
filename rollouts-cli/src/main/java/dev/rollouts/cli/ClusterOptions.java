package dev.rollouts.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How to reach the cluster, as {@code kubectl} takes it: {@code --kubeconfig} (default: {@code
 * $KUBECONFIG}, then {@code ~/.kube/config}), {@code --context} (default: the current context),
 * {@code -n/--namespace} (default: the context's namespace, then {@code default}).
 */
public final class ClusterOptions {

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "The kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context (default: the current context).")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "The namespace (default: the context's namespace, then default).")
  String namespace;

  /**
   * The client configuration. A command fails fast: requests are not retried, so an unreachable
   * server is reported at once.
   *
   * @throws CommandFailure if the kubeconfig cannot be read or has no such context
   */
  public Config config() {
    Config config;
    try {
      if (kubeconfig != null) {
        if (!Files.isReadable(kubeconfig)) {
          throw new CommandFailure("cannot read the kubeconfig file " + kubeconfig);
        }
        config = Config.fromKubeconfig(context, kubeconfig.toFile());
      } else {
        config = Config.autoConfigure(context);
      }
    } catch (KubernetesClientException e) {
      throw new CommandFailure("cannot read the kubeconfig: " + e.getMessage(), e);
    }
    if (context != null
        && config.getContexts().stream().noneMatch(c -> context.equals(c.getName()))) {
      throw new CommandFailure("context \"" + context + "\" not found in the kubeconfig");
    }
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  /** A client for the configured cluster. */
  public KubernetesClient connect() {
    return new KubernetesClientBuilder().withConfig(config()).build();
  }

  /** The namespace to act in: {@code -n}, else the context's, else {@code default}. */
  public String namespace(KubernetesClient client) {
    return Optional.ofNullable(namespace)
        .or(() -> Optional.ofNullable(client.getNamespace()))
        .orElse("default");
  }

  /** The namespace given with {@code -n}, if any. */
  public Optional<String> explicitNamespace() {
    return Optional.ofNullable(namespace);
  }
}
