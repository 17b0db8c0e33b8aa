package dev.rollouts.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.Optional;

/** One-line descriptions of what went wrong talking to the API server. */
public final class ClusterErrors {

  private ClusterErrors() {}

  /**
   * What went wrong, for a person: the server cannot be reached, it refused the credentials, it
   * does not serve Rollouts, or what it said.
   *
   * @param server the API server's URL, to name it; empty if unknown
   */
  public static String describe(KubernetesClientException e, String server) {
    String at = server.isEmpty() ? "" : " at " + server;
    Optional<IOException> io = ioCause(e);
    if (io.isPresent() && e.getCode() <= 0) {
      return "cannot reach the Kubernetes API server"
          + at
          + ": "
          + Optional.ofNullable(io.get().getMessage()).orElse(io.get().toString());
    }
    String said =
        Optional.ofNullable(e.getStatus())
            .map(s -> s.getMessage())
            .filter(m -> m != null && !m.isEmpty())
            .orElse(e.getMessage());
    return switch (e.getCode()) {
      case 401 -> "the Kubernetes API server" + at + " did not accept the credentials: " + said;
      case 403 -> "the Kubernetes API server" + at + " forbids it: " + said;
      case 404 ->
          "not found"
              + at
              + ": "
              + said
              + " (is the Rollout CRD, rollouts.argoproj.io, installed?)";
      default -> said;
    };
  }

  private static Optional<IOException> ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return Optional.of(io);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
