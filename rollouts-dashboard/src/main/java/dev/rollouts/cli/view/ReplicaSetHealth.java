package dev.rollouts.cli.view;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import java.util.Objects;

/**
 * The health of a ReplicaSet as Argo's plug-in reports it.
 *
 * <ul>
 *   <li>{@code Progressing}: its status does not yet reflect its latest spec ({@code
 *       metadata.generation} above {@code status.observedGeneration}), or fewer pods are available
 *       than it wants;
 *   <li>{@code ReplicaFailure}: the {@code ReplicaFailure} condition is true (pods cannot be
 *       created);
 *   <li>{@code ScaledDown}: it wants no pods;
 *   <li>{@code Healthy}: otherwise.
 * </ul>
 */
final class ReplicaSetHealth {

  private ReplicaSetHealth() {}

  static String of(ReplicaSet rs) {
    ReplicaSetStatus status = Objects.requireNonNullElseGet(rs.getStatus(), ReplicaSetStatus::new);
    long generation = Objects.requireNonNullElse(rs.getMetadata().getGeneration(), 0L);
    long observed = Objects.requireNonNullElse(status.getObservedGeneration(), 0L);
    Integer wanted = rs.getSpec() == null ? null : rs.getSpec().getReplicas();
    if (generation > observed) {
      return "Progressing";
    }
    boolean failure =
        status.getConditions().stream()
            .anyMatch(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()));
    if (failure) {
      return "ReplicaFailure";
    }
    if (wanted != null && RolloutInfos.orZero(status.getAvailableReplicas()) < wanted) {
      return "Progressing";
    }
    if (wanted != null && wanted == 0) {
      return "ScaledDown";
    }
    return "Healthy";
  }
}
