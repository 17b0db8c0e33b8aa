package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.internal.RevisionHistory;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.status.RolloutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The replicas of a blue-green Rollout's ReplicaSets, as Argo's reconcileBlueGreenReplicaSets sets
 * them, in its order:
 *
 * <ol>
 *   <li>The new and the stable ReplicaSet lose any {@code scale-down-deadline} (a rollback to a
 *       ReplicaSet within its delay keeps it).
 *   <li>The ReplicaSet the active Service selects runs all {@code replicas} pods; so does the
 *       stable one while aborted, so that the active Service can go back to it.
 *   <li>The new ReplicaSet runs {@link BlueGreenSync#desiredNewReplicas()} pods. Once aborted it
 *       keeps them until {@code abortScaleDownDelaySeconds} (30 by default) after the stable
 *       ReplicaSet is whole again, then scales to 0; an explicit 0 keeps them indefinitely.
 *   <li>Every other ReplicaSet that no Service and no status field refers to gets a {@code
 *       scale-down-deadline} {@code scaleDownDelaySeconds} (30 by default) ahead and scales to 0
 *       once it passes; beyond {@code scaleDownDelayRevisionLimit} of them, at once.
 *   <li>Old ReplicaSets beyond {@code revisionHistoryLimit} are deleted.
 * </ol>
 *
 * <p>Example: 3 replicas, v1 active, v2 promoted at 12:00:00 → at the next sync v1 keeps 3 pods
 * with {@code scale-down-deadline: 12:00:30} (asking to be called back then), and the first sync at
 * or after 12:00:30 scales it to 0.
 */
final class BlueGreenReplicaSets {

  private final BlueGreenSync bg;
  private final Sync sync;

  BlueGreenReplicaSets(BlueGreenSync bg) {
    this.bg = bg;
    this.sync = bg.sync();
  }

  /** Scales every ReplicaSet for this sync. */
  void reconcile() {
    ObservedReplicaSet newRS = bg.newRS();
    if (!delayAbortScaleDown()) {
      sync.deadline(newRS, Optional.empty());
    }
    if (sync.snapshot().hasDistinctStable()) {
      sync.deadline(sync.snapshot().stableRS().get(), Optional.empty());
    }
    Optional<ObservedReplicaSet> active = bg.byHash(bg.observedHash(bg.activeService()));
    active.ifPresent(rs -> sync.scale(rs, bg.replicas()));
    if (bg.aborted() && sync.snapshot().hasDistinctStable()) {
      sync.scale(sync.snapshot().stableRS().get(), bg.replicas());
    }
    boolean activeIsNew = active.map(rs -> rs.name().equals(newRS.name())).orElse(false);
    if (!activeIsNew) {
      scaleNew(newRS);
    }
    scaleDownOthers();
    RevisionHistory.prune(sync, sync.snapshot().others());
  }

  /** Argo's shouldDelayScaleDownOnAbort for blue-green. */
  private boolean delayAbortScaleDown() {
    return bg.aborted()
        && sync.snapshot().stableRS().isPresent()
        && !bg.strategy().abortScaleDownDelaySeconds().equals(Optional.of(0));
  }

  private void scaleNew(ObservedReplicaSet newRS) {
    if (!delayAbortScaleDown()) {
      sync.scale(newRS, bg.desiredNewReplicas());
      return;
    }
    Optional<Instant> deadline = newRS.scaleDownDeadline();
    if (deadline.isPresent()) {
      if (deadline.get().isAfter(sync.now())) {
        sync.requeueAfter(Duration.between(sync.now(), deadline.get()));
      } else {
        sync.scale(newRS, 0);
        sync.deadline(newRS, deadline);
      }
      return;
    }
    ObservedReplicaSet stable = sync.snapshot().stableRS().orElseThrow();
    if (stable.availableReplicas() == bg.replicas()) {
      int delay =
          bg.strategy()
              .abortScaleDownDelaySeconds()
              .orElse(BlueGreenStrategy.DEFAULT_SCALE_DOWN_DELAY_SECONDS);
      sync.deadline(newRS, Optional.of(sync.now().plusSeconds(delay)));
      sync.requeueAfter(Duration.ofSeconds(delay));
    }
  }

  /**
   * Argo's scaleDownOldReplicaSetsForBlueGreen over the ReplicaSets that are neither new nor
   * stable.
   */
  private void scaleDownOthers() {
    if (postPromotionAnalysisHoldsOldReplicaSets()) {
      return;
    }
    BlueGreenStrategy strategy = bg.strategy();
    int limit = strategy.scaleDownDelayRevisionLimit().orElse(Integer.MAX_VALUE);
    int delay =
        strategy.scaleDownDelaySeconds().orElse(BlueGreenStrategy.DEFAULT_SCALE_DOWN_DELAY_SECONDS);
    List<ObservedReplicaSet> others =
        sync.snapshot().others().stream()
            .filter(rs -> rs.specReplicas() > 0)
            .sorted(
                Comparator.comparingLong(ObservedReplicaSet::revision)
                    .thenComparing(ObservedReplicaSet::creationTime)
                    .reversed())
            .toList();
    int delayed = 0;
    for (ObservedReplicaSet rs : others) {
      if (isReferenced(rs)) {
        continue;
      }
      int desired = 0;
      Optional<Instant> deadline = rs.scaleDownDeadline();
      if (deadline.isEmpty()) {
        if (delayed < limit && delay > 0) {
          delayed++;
          desired = rs.specReplicas();
          sync.deadline(rs, Optional.of(sync.now().plusSeconds(delay)));
          sync.requeueAfter(Duration.ofSeconds(delay));
        }
      } else {
        delayed++;
        if (delayed <= limit && deadline.get().isAfter(sync.now())) {
          desired = rs.specReplicas();
          sync.requeueAfter(Duration.between(sync.now(), deadline.get()));
        }
      }
      sync.scale(rs, desired);
    }
  }

  /**
   * Argo keeps old ReplicaSets up while a post-promotion analysis runs, unless {@code
   * scaleDownDelaySeconds} is set.
   */
  private boolean postPromotionAnalysisHoldsOldReplicaSets() {
    RolloutStatus previous = bg.previous();
    return bg.strategy().postPromotionAnalysis().isPresent()
        && bg.strategy().scaleDownDelaySeconds().isEmpty()
        && !bg.newIsStable()
        && previous.blueGreen().activeSelector().equals(Optional.of(bg.newHash()))
        && bg.saturated(bg.newRS());
  }

  /** Argo's isReplicaSetReferenced: the status or a Service still points at {@code rs}. */
  private boolean isReferenced(ObservedReplicaSet rs) {
    RolloutStatus status = bg.previous();
    Optional<String> hash = Optional.of(rs.podTemplateHash());
    return Stream.of(
            status.stableRS(),
            status.currentPodHash(),
            status.blueGreen().activeSelector(),
            status.blueGreen().previewSelector(),
            bg.observedHash(bg.activeService()),
            bg.previewService().flatMap(bg::observedHash))
        .anyMatch(hash::equals);
  }
}
