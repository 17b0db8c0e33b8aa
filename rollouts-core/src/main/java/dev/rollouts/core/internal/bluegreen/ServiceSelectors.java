package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.observe.ObservedService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which ReplicaSet the preview and the active Service select, as Argo's reconcilePreviewService and
 * reconcileActiveService decide it. Each desired selector is the observed Service's selector with
 * {@code rollouts-pod-template-hash} set.
 *
 * <ul>
 *   <li>The preview Service selects the new ReplicaSet as soon as it exists.
 *   <li>The active Service switches to the new ReplicaSet only once it runs all {@code replicas}
 *       pods, all available, and the pause before the switch is over (or the update is
 *       fast-tracked: first deploy, rollback within the scale-down delay, full promotion).
 *   <li>On abort the active Service goes back to the stable ReplicaSet, once that has all its pods
 *       available.
 *   <li>While {@code spec.paused}, neither Service changes.
 * </ul>
 */
final class ServiceSelectors {

  private final BlueGreenSync bg;
  private Optional<String> active;
  private Optional<String> preview;

  ServiceSelectors(BlueGreenSync bg) {
    this.bg = bg;
    this.active = bg.observedHash(bg.activeService());
    this.preview = bg.previewService().flatMap(bg::observedHash);
  }

  /** The hash the active Service selects once this sync is applied, if any. */
  Optional<String> active() {
    return active;
  }

  /** The hash the preview Service selects once this sync is applied, if any. */
  Optional<String> preview() {
    return preview;
  }

  /** Points the preview Service at the new ReplicaSet. */
  void reconcilePreview() {
    if (bg.halted()) {
      return;
    }
    bg.previewService().ifPresent(name -> preview = select(name, bg.newHash()));
  }

  /** Points the active Service where it belongs after this sync's pause decision. */
  void reconcileActive(PauseGate pause) {
    if (bg.halted()) {
      return;
    }
    Optional<String> target = active;
    if (bg.aborted()) {
      Optional<ObservedReplicaSet> stable = bg.sync().snapshot().stableRS();
      if (stable.isPresent() && stable.get().availableReplicas() >= bg.replicas()) {
        target = Optional.of(stable.get().podTemplateHash());
      }
    } else if (bg.readyForPause() && bg.saturated(bg.newRS())) {
      if (bg.fastTracked() || (pause.completed() && !PromotionAnalysis.prePromotionPending(bg))) {
        target = Optional.of(bg.newHash());
      }
    }
    target.ifPresent(hash -> active = select(bg.activeService(), hash));
  }

  private Optional<String> select(String service, String hash) {
    ObservedService observed = bg.sync().observed().services().get(service);
    if (observed == null) {
      return Optional.empty();
    }
    Map<String, String> selector = new LinkedHashMap<>(observed.selector());
    String before = selector.put(BlueGreenSync.HASH_LABEL, hash);
    bg.sync().selector(service, selector);
    if (!hash.equals(before)) {
      bg.sync()
          .event(
              RolloutEvent.normal(
                  EventReason.SwitchService,
                  String.format(
                      "Switched selector for service '%s' from '%s' to '%s'",
                      service, before == null ? "" : before, hash)));
    }
    return Optional.of(hash);
  }
}
