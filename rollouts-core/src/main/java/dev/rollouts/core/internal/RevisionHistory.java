package dev.rollouts.core.internal;

import dev.rollouts.core.observe.ObservedReplicaSet;
import java.util.Comparator;
import java.util.List;

/**
 * Deletes old ReplicaSets beyond {@code revisionHistoryLimit}, oldest first, as Argo's
 * reconcileRevisionHistoryLimit does: only the {@code count - limit} oldest are candidates, and a
 * candidate that still has pods is kept.
 */
public final class RevisionHistory {

  private RevisionHistory() {}

  /** Marks for deletion the ReplicaSets among {@code others} beyond the limit. */
  public static void prune(Sync sync, List<ObservedReplicaSet> others) {
    int excess = others.size() - sync.rollout().spec().revisionHistoryLimit();
    if (excess <= 0) {
      return;
    }
    others.stream()
        .sorted(
            Comparator.comparing(ObservedReplicaSet::creationTime)
                .thenComparing(ObservedReplicaSet::name))
        .limit(excess)
        .filter(rs -> rs.statusReplicas() == 0 && rs.specReplicas() == 0)
        .forEach(sync::delete);
  }
}
