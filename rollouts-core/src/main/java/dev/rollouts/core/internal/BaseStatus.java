package dev.rollouts.core.internal;

import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.status.RolloutStatus;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The status fields both strategies compute the same way (Argo's calculateBaseStatus): pod counts
 * from the observed ReplicaSets, the current pod hash, the selector, and what carries over.
 */
public final class BaseStatus {

  private BaseStatus() {}

  /** A status builder with the common fields of {@code sync} filled in. */
  public static RolloutStatus.Builder of(Sync sync) {
    RolloutStatus previous = sync.rollout().status();
    ReplicaSetSnapshot snapshot = sync.snapshot();
    String currentPodHash =
        snapshot
            .newRS()
            .map(ObservedReplicaSet::podTemplateHash)
            .orElse(sync.rollout().spec().template().hash());
    int replicas = 0;
    int ready = 0;
    int available = 0;
    for (ObservedReplicaSet rs : snapshot.all()) {
      replicas += rs.statusReplicas();
      ready += rs.readyReplicas();
      available += rs.availableReplicas();
    }
    RolloutStatus.Builder status =
        RolloutStatus.builder()
            .currentPodHash(currentPodHash)
            .replicas(replicas)
            .updatedReplicas(snapshot.newRS().map(ObservedReplicaSet::statusReplicas).orElse(0))
            .readyReplicas(ready)
            .availableReplicas(available)
            .selector(sync.rollout().spec().formattedSelector())
            .stableRS(previous.stableRS())
            .restartedAt(restartedAt(sync))
            .promoteFull(
                previous.promoteFull() && !previous.stableRS().equals(Optional.of(currentPodHash)));
    return status;
  }

  /** {@code spec.restartAt} once it has passed, else the previous {@code restartedAt}. */
  static Optional<java.time.Instant> restartedAt(Sync sync) {
    Optional<java.time.Instant> restartAt = sync.rollout().spec().restartAt();
    if (restartAt.isPresent() && !restartAt.get().isAfter(sync.now())) {
      return restartAt;
    }
    return sync.rollout().status().restartedAt();
  }

  /**
   * The selector as Kubernetes formats it for {@code status.selector}: {@code app=demo,tier=web}.
   */
  public static String format(LabelSelector selector) {
    String labels =
        new TreeMap<>(selector.matchLabels())
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    String expressions =
        selector.matchExpressions().stream()
            .map(
                r ->
                    switch (r.operator()) {
                      case IN -> r.key() + " in (" + String.join(",", r.values()) + ")";
                      case NOT_IN -> r.key() + " notin (" + String.join(",", r.values()) + ")";
                      case EXISTS -> r.key();
                      case DOES_NOT_EXIST -> "!" + r.key();
                    })
            .collect(Collectors.joining(","));
    if (labels.isEmpty()) {
      return expressions;
    }
    return expressions.isEmpty() ? labels : labels + "," + expressions;
  }
}
