package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import dev.rollouts.core.spec.BlueGreenStrategy;
import dev.rollouts.core.status.RolloutStatus;
import java.util.Optional;

/**
 * One blue-green sync and the facts Argo's blue-green functions share: which ReplicaSet each
 * Service selects, how many pods the new ReplicaSet should have, whether it is ready for the pause
 * and saturated, and whether the update is fast-tracked past the pause.
 *
 * <p>Facts about ReplicaSets read what was observed (as Argo reads its informer cache), not what
 * this sync asks for; facts about the previous status read {@code rollout.status}.
 */
final class BlueGreenSync {

  /** The label that ties a Service selector, a ReplicaSet and its pods to one pod template. */
  static final String HASH_LABEL = ObservedReplicaSet.POD_TEMPLATE_HASH_LABEL;

  private final Sync sync;
  private final BlueGreenStrategy blueGreen;
  private final ObservedReplicaSet newRS;

  BlueGreenSync(Sync sync, BlueGreenStrategy blueGreen, ObservedReplicaSet newRS) {
    this.sync = sync;
    this.blueGreen = blueGreen;
    this.newRS = newRS;
  }

  Sync sync() {
    return sync;
  }

  BlueGreenStrategy strategy() {
    return blueGreen;
  }

  /** The ReplicaSet of the current pod template (created by this sync if it did not exist). */
  ObservedReplicaSet newRS() {
    return newRS;
  }

  String newHash() {
    return newRS.podTemplateHash();
  }

  RolloutStatus previous() {
    return sync.rollout().status();
  }

  /** {@code spec.replicas}. */
  int replicas() {
    return sync.rollout().spec().replicas();
  }

  String activeService() {
    return blueGreen.activeService().orElseThrow();
  }

  /** {@code previewService}, if named (an empty name counts as none, as in Argo). */
  Optional<String> previewService() {
    return blueGreen.previewService().filter(name -> !name.isEmpty());
  }

  /** The pod-template hash the named Service selects as observed, if it selects one. */
  Optional<String> observedHash(String service) {
    return Optional.ofNullable(sync.observed().services().get(service))
        .map(ObservedService::selector)
        .map(selector -> selector.get(HASH_LABEL))
        .filter(hash -> !hash.isEmpty());
  }

  /** The ReplicaSet labelled with {@code hash}, if any. */
  Optional<ObservedReplicaSet> byHash(Optional<String> hash) {
    return hash.flatMap(
        h ->
            sync.snapshot().all().stream()
                .filter(rs -> rs.podTemplateHash().equals(h))
                .findFirst());
  }

  /** Whether the user paused the Rollout ({@code spec.paused}): Argo's haltProgress. */
  boolean halted() {
    return sync.rollout().spec().paused();
  }

  /** Whether the update is aborted (and not already fully promoted). */
  boolean aborted() {
    return sync.pause().isAborted();
  }

  /**
   * Argo's NewRSNewReplicas for blue-green: {@code previewReplicaCount} while the new ReplicaSet is
   * a preview, {@code replicas} once it is active, fully promoted, or past the preview checkpoint.
   */
  int desiredNewReplicas() {
    if (blueGreen.previewReplicaCount().isEmpty()) {
      return replicas();
    }
    RolloutStatus previous = previous();
    Optional<ObservedReplicaSet> active = byHash(previous.blueGreen().activeSelector());
    if (active.isEmpty() || active.get().name().equals(newRS.name()) || previous.promoteFull()) {
      return replicas();
    }
    int preview = blueGreen.previewReplicaCount().get();
    if (!previous.currentPodHash().equals(Optional.of(newHash()))) {
      return preview;
    }
    boolean notPaused = !halted() && previous.pauseConditions().isEmpty();
    return notPaused && previous.blueGreen().scaleUpPreviewCheckPoint() ? replicas() : preview;
  }

  /** Argo's ReadyForPause: the new ReplicaSet has, and has available, the pods it should have. */
  boolean readyForPause() {
    int desired = desiredNewReplicas();
    return newRS.specReplicas() == desired && newRS.availableReplicas() == desired;
  }

  /** Argo's IsSaturated: {@code rs} runs all {@code replicas} pods, all of them available. */
  boolean saturated(ObservedReplicaSet rs) {
    return rs.specReplicas() == replicas() && rs.availableReplicas() == replicas();
  }

  /**
   * Argo's isBlueGreenFastTracked: no pause before the switch when rolling back to a ReplicaSet
   * still within its scale-down delay, on a full promotion, when the active Service selects no
   * ReplicaSet yet (first deploy), or when it already selects the new one.
   */
  boolean fastTracked() {
    Optional<String> active = observedHash(activeService());
    return newRS.scaleDownDeadline().isPresent()
        || previous().promoteFull()
        || active.isEmpty()
        || active.get().equals(newHash());
  }

  /** Argo's needsBlueGreenControllerPause: the controller pauses before the switch. */
  boolean needsControllerPause() {
    return !blueGreen.effectiveAutoPromotionEnabled()
        || blueGreen.autoPromotionSeconds().orElse(0) > 0;
  }

  /** Argo's CheckPodSpecChange: the template differs from the one the status was written for. */
  boolean podSpecChanged() {
    Optional<String> current = previous().currentPodHash().filter(h -> !h.isEmpty());
    return current.isPresent() && !current.get().equals(newHash());
  }

  /** Whether the new ReplicaSet is the stable one: the Rollout is fully promoted. */
  boolean newIsStable() {
    return previous().stableRS().equals(Optional.of(newHash()));
  }
}
