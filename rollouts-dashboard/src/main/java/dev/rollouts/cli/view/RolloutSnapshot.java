package dev.rollouts.cli.view;

import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/**
 * A Rollout and the objects a view shows with it, read at one moment.
 *
 * @param rollout the Rollout
 * @param replicaSets ReplicaSets of its namespace; those the Rollout does not own are ignored
 * @param pods pods of its namespace; those its ReplicaSets do not own are ignored
 */
public record RolloutSnapshot(
    RolloutResource rollout, List<ReplicaSet> replicaSets, List<Pod> pods) {

  /** Copies the lists. */
  public RolloutSnapshot {
    replicaSets = List.copyOf(replicaSets);
    pods = List.copyOf(pods);
  }
}
