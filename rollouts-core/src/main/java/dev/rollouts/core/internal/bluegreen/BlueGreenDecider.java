package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.internal.EphemeralMetadata;
import dev.rollouts.core.internal.StatusCalculator;
import dev.rollouts.core.internal.Strategy;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.status.RolloutStatus;

/**
 * One sync of a blue-green Rollout, in the order of Argo's rolloutBlueGreen:
 *
 * <ol>
 *   <li>find or create the new ReplicaSet (an undo reuses the older ReplicaSet of that template and
 *       moves its revision to the top), and point the preview Service at it;
 *   <li>a changed pod template only resets the status;
 *   <li>otherwise scale the ReplicaSets ({@link BlueGreenReplicaSets}), add or end the pause before
 *       the switch ({@link PauseGate}), switch the active Service ({@link ServiceSelectors}), and
 *       write the status ({@link BlueGreenProgress}), which marks the new ReplicaSet stable once
 *       the active Service selects it.
 * </ol>
 *
 * <p>Example, {@code autoPromotionEnabled: false}, 3 replicas, v1 active, template changed to v2:
 * sync 1 creates v2 at 0 pods, the preview Service selects v2; sync 2 scales v2 to 3; once its 3
 * pods are available a sync adds the {@code BlueGreenPause} condition (phase {@code Paused}); after
 * {@code kubectl argo rollouts promote} the next sync switches the active Service to v2, sets
 * {@code stableRS} to v2 (phase {@code Healthy}); the sync after gives v1 a scale-down deadline 30
 * seconds ahead, and the first sync after that scales v1 to 0.
 */
public final class BlueGreenDecider implements Strategy {

  @Override
  public RolloutStatus decide(Sync sync) {
    BlueGreenStrategy strategy = sync.rollout().spec().strategy().blueGreen().orElseThrow();
    if (StatusCalculator.isFullyPromoted(sync.rollout().status()) && sync.pause().isAborted()) {
      sync.pause().removeAbort();
    }
    if (sync.snapshot().newRS().isEmpty()) {
      EphemeralMetadata.antiAffinity(sync, strategy.antiAffinity()).ifPresent(sync::antiAffinity);
    }
    ObservedReplicaSet newRS = sync.ensureNewReplicaSet();
    BlueGreenSync bg = new BlueGreenSync(sync, strategy, newRS);
    ServiceSelectors services = new ServiceSelectors(bg);
    services.reconcilePreview();
    PauseGate pause = new PauseGate(bg);
    BlueGreenProgress progress = new BlueGreenProgress(bg, services, pause);
    if (bg.podSpecChanged()) {
      return progress.next(true);
    }
    BlueGreenReplicaSets replicaSets = new BlueGreenReplicaSets(bg);
    replicaSets.reconcile();
    pause.reconcile();
    services.reconcileActive(pause);
    EphemeralMetadata.reconcile(sync, strategy.previewMetadata(), strategy.activeMetadata());
    return progress.next(false);
  }
}
