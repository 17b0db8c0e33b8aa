package dev.rollouts.core.spec;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code spec.strategy.blueGreen}: run the new pod template beside the old one behind a preview
 * Service, then switch the active Service to it at once.
 *
 * <p>Defaults, as Argo Rollouts applies them: {@code autoPromotionEnabled} true, {@code
 * scaleDownDelaySeconds} 30, {@code abortScaleDownDelaySeconds} 30.
 */
@Value.Immutable
public interface BlueGreenStrategy {

  /** The default of {@code scaleDownDelaySeconds} and {@code abortScaleDownDelaySeconds}. */
  int DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;

  /** {@code activeService}: required; absent only so that validation can report it. */
  Optional<String> activeService();

  /** {@code previewService}: selects the new ReplicaSet before promotion. */
  Optional<String> previewService();

  /** {@code previewReplicaCount}: pods of the new ReplicaSet before promotion; all when absent. */
  Optional<Integer> previewReplicaCount();

  /**
   * {@code autoPromotionEnabled}: promote as soon as the preview is available; true when absent.
   */
  Optional<Boolean> autoPromotionEnabled();

  /** {@code autoPromotionSeconds}: promote this long after the pause began. */
  Optional<Integer> autoPromotionSeconds();

  /** {@code scaleDownDelaySeconds}: how long the old ReplicaSet keeps its pods after promotion. */
  Optional<Integer> scaleDownDelaySeconds();

  /** {@code scaleDownDelayRevisionLimit}: how many old ReplicaSets may wait out that delay. */
  Optional<Integer> scaleDownDelayRevisionLimit();

  /** {@code abortScaleDownDelaySeconds}: how long an aborted preview keeps its pods. */
  Optional<Integer> abortScaleDownDelaySeconds();

  /** {@code maxUnavailable}. */
  Optional<IntOrPercent> maxUnavailable();

  /** {@code antiAffinity} between the new and the previous ReplicaSet's pods. */
  Optional<AntiAffinity> antiAffinity();

  /** {@code activeMetadata}. */
  Optional<PodMetadata> activeMetadata();

  /** {@code previewMetadata}. */
  Optional<PodMetadata> previewMetadata();

  /** {@code prePromotionAnalysis}, verbatim. */
  Optional<Map<String, Object>> prePromotionAnalysis();

  /** {@code postPromotionAnalysis}, verbatim. */
  Optional<Map<String, Object>> postPromotionAnalysis();

  /** {@code autoPromotionEnabled}, or its default. */
  default boolean effectiveAutoPromotionEnabled() {
    return autoPromotionEnabled().orElse(true);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BlueGreenStrategy}. */
  final class Builder extends ImmutableBlueGreenStrategy.Builder {}
}
