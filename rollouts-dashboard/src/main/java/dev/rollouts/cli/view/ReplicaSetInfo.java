package dev.rollouts.cli.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A ReplicaSet of a Rollout as the tree shows it. */
@Value.Immutable
public interface ReplicaSetInfo {

  /** {@code metadata.name}. */
  String name();

  /** The {@code rollout.argoproj.io/revision} annotation; 0 when absent. */
  int revision();

  /** {@code Healthy}, {@code Progressing}, {@code ScaledDown} or {@code ReplicaFailure}. */
  String status();

  /** Its roles: {@code stable}, {@code canary}, {@code active}, {@code preview}. */
  List<String> tags();

  /** When it may be scaled down, from the {@code scale-down-deadline} annotation. */
  Optional<Instant> scaleDownDeadline();

  /** {@code metadata.creationTimestamp}. */
  Optional<Instant> created();

  /** The images of its containers. */
  List<String> images();

  /** {@code status.replicas}: pods that exist. */
  int replicas();

  /** {@code status.availableReplicas}. */
  int available();

  /** Its pods, oldest first. */
  List<PodInfo> pods();

  /** The icon of {@link #status()}. */
  @Value.Derived
  default String icon() {
    return Icons.ofReplicaSet(status());
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReplicaSetInfo}. */
  final class Builder extends ImmutableReplicaSetInfo.Builder {}
}
