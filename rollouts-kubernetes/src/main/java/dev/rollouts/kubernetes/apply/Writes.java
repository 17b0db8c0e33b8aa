package dev.rollouts.kubernetes.apply;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.apply.ObjectWrite.Operation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The writes of one application of a Decision: each asks the {@link WriteGuard} first, turns an API
 * error into an {@link ApplyException} carrying what was written before it, and is recorded with
 * the {@code resourceVersion}s around it.
 */
final class Writes {

  private final WriteGuard guard;
  private final String namespace;
  private final AppliedDecision.Builder result = AppliedDecision.builder();

  Writes(WriteGuard guard, String namespace) {
    this.guard = guard;
    this.namespace = namespace;
  }

  /**
   * Sends {@code request}, named {@code step} in an error.
   *
   * @throws ApplyException if the API server refuses it
   * @throws WriteGuard.WriteRefusedException if the guard refuses it
   */
  <T> T send(String step, Supplier<T> request) {
    guard.check();
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw failed(step, e);
    }
  }

  /** The exception for {@code step} failing with {@code cause}, with the writes made so far. */
  ApplyException failed(String step, KubernetesClientException cause) {
    return new ApplyException(step, result.build(), cause);
  }

  /** Asks the guard whether this process may still write. */
  void checkGuard() {
    guard.check();
  }

  /**
   * Records a write: {@code after} is what the server answered, {@code before} what it was based
   * on.
   */
  void record(HasMetadata after, Operation operation, HasMetadata before) {
    HasMetadata named = after != null ? after : before;
    result.addWrites(
        new ObjectWrite(
            named.getKind(),
            namespace,
            named.getMetadata().getName(),
            operation,
            Optional.ofNullable(before).map(b -> b.getMetadata().getResourceVersion()),
            operation == Operation.DELETE || after == null
                ? Optional.empty()
                : Optional.ofNullable(after.getMetadata().getResourceVersion())));
  }

  /** Records an event recorded on the Rollout. */
  void event(RolloutEvent event) {
    result.addEvents(event);
  }

  /** Everything written and recorded. */
  AppliedDecision result() {
    return result.build();
  }
}
