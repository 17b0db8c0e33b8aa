package dev.rollouts.core.internal;

import dev.rollouts.core.decision.AntiAffinityRule;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.AntiAffinity;
import dev.rollouts.core.spec.PodMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * The pod metadata and anti-affinity a strategy gives the new and the stable ReplicaSet, the same
 * for both strategies: blue-green's {@code previewMetadata}/{@code activeMetadata} and canary's
 * {@code canaryMetadata}/{@code stableMetadata} (Argo's reconcileEphemeralMetadata), and either
 * strategy's {@code antiAffinity} (Argo's GenerateReplicaSetAffinity).
 */
public final class EphemeralMetadata {

  private static final PodMetadata NONE = new PodMetadata(Map.of(), Map.of());

  private EphemeralMetadata() {}

  /**
   * While an update is in progress the new ReplicaSet's pods carry {@code updating} and the stable
   * ones {@code stable}; once fully promoted (or before any stable exists) the new ReplicaSet
   * carries {@code stable}; every other ReplicaSet carries none. Nothing is asked when neither is
   * set.
   */
  public static void reconcile(
      Sync sync, Optional<PodMetadata> updating, Optional<PodMetadata> stable) {
    Optional<ObservedReplicaSet> newRS = sync.snapshot().newRS();
    if ((updating.isEmpty() && stable.isEmpty()) || newRS.isEmpty()) {
      return;
    }
    Optional<String> stableHash = sync.rollout().status().stableRS().filter(h -> !h.isEmpty());
    boolean fullyPromoted =
        stableHash.isEmpty() || stableHash.get().equals(newRS.get().podTemplateHash());
    for (ObservedReplicaSet rs : sync.snapshot().all()) {
      if (rs.name().equals(newRS.get().name())) {
        sync.podMetadata(rs, (fullyPromoted ? stable : updating).orElse(NONE));
      } else if (!fullyPromoted && stableHash.get().equals(rs.podTemplateHash())) {
        sync.podMetadata(rs, stable.orElse(NONE));
      } else {
        sync.podMetadata(rs, NONE);
      }
    }
  }

  /**
   * Argo's GenerateReplicaSetAffinity: a new ReplicaSet created while another is stable keeps its
   * pods off the stable pods' nodes, preferably (with the weight) or as a requirement.
   */
  public static Optional<AntiAffinityRule> antiAffinity(
      Sync sync, Optional<AntiAffinity> antiAffinity) {
    Optional<String> stable = sync.rollout().status().stableRS().filter(hash -> !hash.isEmpty());
    String current = sync.rollout().spec().template().hash();
    if (antiAffinity.isEmpty() || stable.isEmpty() || stable.get().equals(current)) {
      return Optional.empty();
    }
    return Optional.of(new AntiAffinityRule(stable.get(), antiAffinity.get()));
  }
}
