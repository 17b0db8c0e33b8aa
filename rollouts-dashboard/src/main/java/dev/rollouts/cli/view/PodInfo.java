package dev.rollouts.cli.view;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** A pod as the tree shows it. */
@Value.Immutable
public interface PodInfo {

  /** {@code metadata.name}. */
  String name();

  /**
   * What {@code kubectl get pods} shows in its STATUS column: {@code Running}, {@code
   * ContainerCreating}, {@code CrashLoopBackOff}, {@code Terminating}, …
   */
  String status();

  /** Ready containers of all containers: {@code 1/1}. */
  String ready();

  /** Container restarts. */
  int restarts();

  /** {@code metadata.creationTimestamp}. */
  Optional<Instant> created();

  /** The icon of {@link #status()}. */
  @Value.Derived
  default String icon() {
    return Icons.ofPod(status());
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PodInfo}. */
  final class Builder extends ImmutablePodInfo.Builder {}
}
