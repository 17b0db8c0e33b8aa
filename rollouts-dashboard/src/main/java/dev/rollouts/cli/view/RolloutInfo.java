package dev.rollouts.cli.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * A Rollout as {@code kubectl argo rollouts get rollout} shows it: the summary above the tree and
 * the tree of revisions, ReplicaSets and pods. Built by {@link RolloutInfos#of}; rendered by the
 * CLI's {@code TreeView} and {@code JsonView}, and by the dashboard.
 *
 * <p>Holds timestamps, not ages: two infos are equal when nothing shown but the ages differs.
 */
@Value.Immutable
public interface RolloutInfo {

  /** {@code metadata.name}. */
  String name();

  /** {@code metadata.namespace}. */
  String namespace();

  /** {@code metadata.creationTimestamp}. */
  Optional<Instant> created();

  /** The phase and its message, as {@link RolloutPhase#of} reads them. */
  RolloutPhase phase();

  /** {@code Canary}, {@code BlueGreen}, or empty when the spec names neither. */
  String strategy();

  /** For a canary with steps whose status has a step index: {@code index/steps}, as {@code 3/6}. */
  Optional<String> step();

  /** For a canary: the weight the current step asks for (Argo's {@code GetCurrentSetWeight}). */
  Optional<Integer> setWeight();

  /** For a canary: the share of traffic the canary receives now. */
  Optional<Integer> actualWeight();

  /** {@code spec.replicas}, 1 when absent. */
  int desired();

  /** {@code status.replicas}. */
  int current();

  /** {@code status.updatedReplicas}. */
  int updated();

  /** {@code status.readyReplicas}. */
  int ready();

  /** {@code status.availableReplicas}. */
  int available();

  /** The Rollout's ReplicaSets, newest revision first. */
  List<ReplicaSetInfo> replicaSets();

  /** The icon of the phase. */
  @Value.Derived
  default String icon() {
    return Icons.ofRollout(phase().phase());
  }

  /** The images of the ReplicaSets that have pods, with their roles, sorted by image. */
  default List<ImageInfo> images() {
    Map<String, TreeSet<String>> tags = new TreeMap<>();
    for (ReplicaSetInfo rs : replicaSets()) {
      if (rs.replicas() > 0) {
        rs.images()
            .forEach(image -> tags.computeIfAbsent(image, i -> new TreeSet<>()).addAll(rs.tags()));
      }
    }
    return tags.entrySet().stream()
        .map(e -> new ImageInfo(e.getKey(), List.copyOf(e.getValue())))
        .toList();
  }

  /** The revisions of {@link #replicaSets()}, newest first. */
  default List<Integer> revisions() {
    return replicaSets().stream()
        .map(ReplicaSetInfo::revision)
        .distinct()
        .sorted((a, b) -> b - a)
        .toList();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RolloutInfo}. */
  final class Builder extends ImmutableRolloutInfo.Builder {}
}
