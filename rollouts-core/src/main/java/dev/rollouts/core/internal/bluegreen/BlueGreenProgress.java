package dev.rollouts.core.internal.bluegreen;

import dev.rollouts.core.decision.EventReason;
import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.core.internal.BaseStatus;
import dev.rollouts.core.internal.StatusCalculator;
import dev.rollouts.core.internal.StatusRules;
import dev.rollouts.core.internal.Sync;
import dev.rollouts.core.observe.ObservedReplicaSet;
import dev.rollouts.core.spec.LabelSelector;
import dev.rollouts.core.status.BlueGreenStatus;
import dev.rollouts.core.status.PauseReason;
import dev.rollouts.core.status.RolloutStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The blue-green status of one sync, as Argo's syncRolloutStatusBlueGreen writes it, and the
 * blue-green status rules.
 *
 * <p>{@code status.blueGreen.activeSelector} and {@code previewSelector} are the hashes the
 * Services select once the sync is applied. The new ReplicaSet becomes stable ({@code stableRS})
 * when the active Service selects it, or at once on a first deploy. While another ReplicaSet is
 * active, the available and ready counts and {@code status.selector} are the active ReplicaSet's.
 * The phase message, once pods are updated and available, is {@code active service cutover pending}
 * until the switch, then {@code waiting for analysis to complete} (with a post-promotion analysis)
 * or {@code waiting for post-promotion verification to complete} until the new ReplicaSet is
 * stable.
 */
final class BlueGreenProgress implements StatusRules {

  private final BlueGreenSync bg;
  private final ServiceSelectors services;
  private final PauseGate pause;
  private boolean waitsOnAnalysis;

  BlueGreenProgress(BlueGreenSync bg, ServiceSelectors services, PauseGate pause) {
    this.bg = bg;
    this.services = services;
    this.pause = pause;
  }

  /**
   * The status after this sync; {@code reset} for the sync that notices a new pod template, which
   * clears pause conditions, abort, full promotion and the preview checkpoint and changes nothing
   * else.
   */
  RolloutStatus next(boolean reset) {
    Sync sync = bg.sync();
    RolloutStatus previous = bg.previous();
    RolloutStatus.Builder status = BaseStatus.of(sync);
    if (reset) {
      sync.pause().clearPauseConditions();
      sync.pause().removeAbort();
      status
          .promoteFull(false)
          .restartedAt(sync.rollout().spec().restartAt().or(() -> previous.restartedAt()));
    }
    if (previous.promoteFull()) {
      sync.pause().clearPauseConditions();
      sync.pause().removeAbort();
    }
    Optional<String> active = services.active();
    boolean activeSelectsNew = active.equals(Optional.of(bg.newHash()));
    if (!reset && PromotionAnalysis.waitsBeforeSwitch(bg) && !activeSelectsNew) {
      waitsOnAnalysis = true;
      PromotionAnalysis.report(bg, "prePromotionAnalysis");
    } else if (!reset && PromotionAnalysis.waitsAfterSwitch(bg, activeSelectsNew)) {
      waitsOnAnalysis = true;
      PromotionAnalysis.report(bg, "postPromotionAnalysis");
    }
    boolean checkpoint = false;
    Optional<String> promotion = fullPromotionReason(active);
    if (promotion.isPresent()) {
      promoteStable(status, promotion.get());
    } else if (!reset) {
      checkpoint = scaleUpPreviewCheckPoint();
    }
    status.blueGreen(new BlueGreenStatus(active, services.preview(), checkpoint));
    bg.byHash(active).ifPresent(rs -> countActive(status, rs));
    return new StatusCalculator(sync, this).finish(status.build(), sync.revision(bg.newRS()));
  }

  /** Argo's shouldFullPromote for blue-green; the order of the checks matters. */
  private Optional<String> fullPromotionReason(Optional<String> active) {
    if (bg.sync().snapshot().stableRS().isEmpty() || active.isEmpty()) {
      return Optional.of("Initial deploy");
    }
    if (!active.get().equals(bg.newHash())) {
      return Optional.empty();
    }
    if (bg.previous().promoteFull()) {
      return Optional.of("Full promotion requested");
    }
    if (bg.aborted()) {
      return Optional.empty();
    }
    if (bg.strategy().postPromotionAnalysis().isPresent()) {
      return bg.newRS().scaleDownDeadline().isPresent()
          ? Optional.of(String.format("Rollback to '%s' within scaleDownDelay", bg.newRS().name()))
          : Optional.empty();
    }
    return Optional.of("Completed blue-green update");
  }

  /** Argo's promoteStable: the new ReplicaSet becomes stable. */
  private void promoteStable(RolloutStatus.Builder status, String reason) {
    Sync sync = bg.sync();
    sync.pause().clearPauseConditions();
    sync.pause().removeAbort();
    status.promoteFull(false);
    if (!bg.newIsStable()) {
      status.stableRS(bg.newHash());
      sync.event(
          RolloutEvent.normal(
              EventReason.RolloutCompleted,
              String.format(
                  "Rollout completed update to revision %d (%s): %s",
                  sync.revision(bg.newRS()), bg.newHash(), reason)));
    }
  }

  /**
   * Argo's calculateScaleUpPreviewCheckPoint: with {@code previewReplicaCount}, a one-way switch
   * set once the pause is over and the preview pods are available, so the new ReplicaSet scales to
   * {@code replicas} before the active Service switches. A new template or a full promotion resets
   * it.
   */
  private boolean scaleUpPreviewCheckPoint() {
    Optional<Integer> previewCount = bg.strategy().previewReplicaCount();
    if (previewCount.isEmpty()) {
      return false;
    }
    if (bg.previous().blueGreen().scaleUpPreviewCheckPoint()) {
      return true;
    }
    if (PromotionAnalysis.prePromotionPending(bg) || !pause.completed()) {
      return false;
    }
    return previewCount.get() == bg.newRS().availableReplicas();
  }

  /**
   * While a ReplicaSet is active, the Rollout counts its pods and selects it in {@code
   * status.selector}.
   */
  private void countActive(RolloutStatus.Builder status, ObservedReplicaSet activeRS) {
    LabelSelector selector = bg.sync().rollout().spec().selector();
    Map<String, String> labels = new LinkedHashMap<>(selector.matchLabels());
    labels.put(BlueGreenSync.HASH_LABEL, activeRS.podTemplateHash());
    status
        .selector(BaseStatus.format(new LabelSelector(labels, selector.matchExpressions())))
        .availableReplicas(activeRS.availableReplicas())
        .readyReplicas(activeRS.readyReplicas());
  }

  @Override
  public boolean strategyHealthy(RolloutStatus next) {
    Optional<String> current = next.currentPodHash();
    boolean previewDone =
        bg.previewService().isEmpty() || next.blueGreen().previewSelector().equals(current);
    return next.blueGreen().activeSelector().equals(current) && previewDone && !waitsOnAnalysis;
  }

  @Override
  public boolean strategyProgressed(RolloutStatus previous, RolloutStatus next) {
    return !previous.blueGreen().activeSelector().equals(next.blueGreen().activeSelector())
        || !previous.blueGreen().previewSelector().equals(next.blueGreen().previewSelector());
  }

  /**
   * Waiting for a promote, or on an analysis this engine cannot run, is open-ended: the progress
   * deadline does not run (as in Argo since argo-rollouts#3843, a paused blue-green Rollout no
   * longer cycles into ProgressDeadlineExceeded).
   */
  @Override
  public boolean indefiniteStep() {
    return waitsOnAnalysis
        || bg.previous().pauseConditions().stream()
            .anyMatch(c -> c.reason() == PauseReason.BlueGreenPause);
  }

  @Override
  public boolean available(RolloutStatus next) {
    return bg.byHash(next.blueGreen().activeSelector()).map(bg::saturated).orElse(false);
  }

  @Override
  public Optional<String> progressingMessage(RolloutStatus next) {
    Optional<String> current = next.currentPodHash();
    if (next.blueGreen().activeSelector().isEmpty()
        || !next.blueGreen().activeSelector().equals(current)) {
      return Optional.of("active service cutover pending");
    }
    if (next.stableRS().isEmpty() || !next.stableRS().equals(current)) {
      return Optional.of(
          bg.strategy().postPromotionAnalysis().isPresent()
              ? "waiting for analysis to complete"
              : "waiting for post-promotion verification to complete");
    }
    return Optional.empty();
  }
}
