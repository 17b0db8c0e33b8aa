package dev.rollouts.core.internal.canary;

import dev.rollouts.core.internal.Limits;
import dev.rollouts.core.internal.StatusCalculator;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.CanaryStrategy;
import dev.rollouts.core.status.RolloutStatus;
import dev.rollouts.core.status.TrafficWeights;
import dev.rollouts.core.status.WeightDestination;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scales down the ReplicaSets that are neither new nor stable, as Argo's
 * scaleDownOldReplicaSetsForCanary does: unavailable pods first, then newest revision first, never
 * below {@code replicas - maxUnavailable} available. With a router an old ReplicaSet keeps its pods
 * for {@code scaleDownDelaySeconds} after the Rollout is fully promoted (the {@code
 * scale-down-deadline} annotation), at most {@code scaleDownDelayRevisionLimit} of them.
 */
final class OtherReplicaSets {

  private final Sync sync;
  private final CanaryStrategy canary;
  private final Limits limits;

  OtherReplicaSets(Sync sync, CanaryStrategy canary, Limits limits) {
    this.sync = sync;
    this.canary = canary;
    this.limits = limits;
  }

  /** Scales the others down as far as the bounds allow; returns whether anything was scaled. */
  boolean scaleDown() {
    List<ObservedReplicaSet> others =
        sync.snapshot().others().stream().filter(rs -> sync.replicas(rs) > 0).toList();
    if (others.isEmpty()) {
      return false;
    }
    boolean scaled = false;
    for (ObservedReplicaSet rs :
        others.stream().sorted(Comparator.comparing(ObservedReplicaSet::creationTime)).toList()) {
      if (rs.specReplicas() > rs.availableReplicas()) {
        scaled |= sync.scale(rs, rs.availableReplicas());
      }
    }
    int available =
        sync.snapshot().all().stream().mapToInt(ObservedReplicaSet::availableReplicas).sum();
    int maxScaleDown = available - (sync.rollout().spec().replicas() - limits.maxUnavailable());
    if (maxScaleDown <= 0) {
      return scaled;
    }
    boolean routed = canary.trafficRouting().isPresent();
    int delayed = 0;
    for (ObservedReplicaSet rs :
        others.stream()
            .sorted(Comparator.comparingLong(ObservedReplicaSet::revision).reversed())
            .toList()) {
      int current = sync.replicas(rs);
      if ((routed && isReferenced(rs)) || current == 0) {
        continue;
      }
      if (maxScaleDown <= 0) {
        break;
      }
      int desired = 0;
      if (!routed) {
        desired = Math.max(0, current - maxScaleDown);
      } else if ((StatusCalculator.isFullyPromoted(sync.rollout().status())
              || rs.scaleDownDeadline().isPresent())
          && !canary.dynamicStableScale()) {
        delayed++;
        desired = delayedScale(rs, current, delayed);
      }
      if (desired != current) {
        scaled |= sync.scale(rs, desired);
        maxScaleDown -= current - desired;
      }
    }
    return scaled;
  }

  /** Keeps {@code rs} up until its scale-down deadline, at most the revision limit of them. */
  private int delayedScale(ObservedReplicaSet rs, int current, int delayedSoFar) {
    int limit = canary.scaleDownDelayRevisionLimit().orElse(Integer.MAX_VALUE);
    if (delayedSoFar > limit) {
      return 0;
    }
    Optional<Instant> deadline = rs.scaleDownDeadline();
    if (deadline.isEmpty()) {
      int delay =
          canary.scaleDownDelaySeconds().orElse(CanaryStrategy.DEFAULT_SCALE_DOWN_DELAY_SECONDS);
      if (delay == 0) {
        return 0;
      }
      sync.deadline(rs, Optional.of(sync.now().plusSeconds(delay)));
      sync.requeueAfter(Duration.ofSeconds(delay));
      return current;
    }
    if (deadline.get().isAfter(sync.now())) {
      sync.requeueAfter(Duration.between(sync.now(), deadline.get()));
      return current;
    }
    return 0;
  }

  /** Whether the status or a Service still points at {@code rs}. */
  private boolean isReferenced(ObservedReplicaSet rs) {
    RolloutStatus status = sync.rollout().status();
    String hash = rs.podTemplateHash();
    Stream<Optional<String>> hashes =
        Stream.of(
            status.stableRS(),
            status.currentPodHash(),
            status
                .canary()
                .weights()
                .map(TrafficWeights::canary)
                .flatMap(WeightDestination::podTemplateHash),
            status
                .canary()
                .weights()
                .map(TrafficWeights::stable)
                .flatMap(WeightDestination::podTemplateHash));
    if (hashes.anyMatch(h -> h.equals(Optional.of(hash)))) {
      return true;
    }
    return Stream.of(canary.canaryService(), canary.stableService())
        .flatMap(Optional::stream)
        .map(name -> sync.observed().services().get(name))
        .anyMatch(svc -> svc != null && hash.equals(svc.selector().get(CanaryTraffic.HASH_LABEL)));
  }
}
