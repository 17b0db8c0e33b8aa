package dev.rollouts.kubernetes.apply;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Applying a Decision stopped part-way: the cause, the step that failed, and what had been written
 * before it. The cluster is left in a state the next decision handles, because every step is a
 * desired state and the steps run in the safe order.
 */
public final class ApplyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String step;
  private final transient AppliedDecision partial;

  ApplyException(String step, AppliedDecision partial, RuntimeException cause) {
    super(step + ": " + describe(cause), cause);
    this.step = step;
    this.partial = partial;
  }

  /** The step that failed, as {@code "scale up ReplicaSet shop/web-6d4f"}. */
  public String step() {
    return step;
  }

  /** The writes made before the failure. */
  public AppliedDecision partial() {
    return partial;
  }

  /** The HTTP status of the failed request, if it was an API error. */
  public Optional<Integer> httpCode() {
    return apiError(getCause()).map(KubernetesClientException::getCode);
  }

  /** The innermost-first API error with an HTTP status in the cause chain of {@code t}. */
  static Optional<KubernetesClientException> apiError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof KubernetesClientException e && e.getCode() > 0) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static String describe(Throwable cause) {
    return apiError(cause)
        .map(
            e ->
                "HTTP "
                    + e.getCode()
                    + (e.getStatus() != null && e.getStatus().getMessage() != null
                        ? " " + e.getStatus().getMessage()
                        : ""))
        .orElseGet(
            () -> String.valueOf(cause.getCause() != null ? cause.getCause() : cause.getMessage()));
  }

  /** Whether the write failed because the object changed since it was read (HTTP 409). */
  public boolean isConflict() {
    return httpCode().filter(c -> c == 409).isPresent();
  }
}
