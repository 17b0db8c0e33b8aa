package dev.rollouts.core.spec;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code spec.strategy.canary}: move to the new pod template step by step.
 *
 * <p>Defaults, as Argo Rollouts applies them: {@code maxSurge} and {@code maxUnavailable} 25%,
 * {@code scaleDownDelaySeconds} 30 (only with a traffic router), {@code abortScaleDownDelaySeconds}
 * 30, {@code maxTrafficWeight} 100.
 */
@Value.Immutable
public interface CanaryStrategy {

  /** The default of {@code maxSurge} and {@code maxUnavailable}. */
  IntOrPercent DEFAULT_MAX_SURGE_OR_UNAVAILABLE = IntOrPercent.ofPercent(25);

  /** The default of {@code scaleDownDelaySeconds} and {@code abortScaleDownDelaySeconds}. */
  int DEFAULT_SCALE_DOWN_DELAY_SECONDS = 30;

  /** {@code canaryService}: the Service whose selector the engine points at the canary. */
  Optional<String> canaryService();

  /** {@code stableService}: the Service whose selector the engine points at the stable pods. */
  Optional<String> stableService();

  /**
   * {@code steps} as written: absent and empty are told apart because {@code
   * status.currentStepHash} hashes them differently ({@code null} versus {@code []}).
   */
  Optional<List<CanaryStep>> steps();

  /** {@code maxSurge}: pods above {@code replicas} allowed while scaling up. */
  Optional<IntOrPercent> maxSurge();

  /** {@code maxUnavailable}: pods below {@code replicas} allowed to be unavailable. */
  Optional<IntOrPercent> maxUnavailable();

  /** {@code trafficRouting}: absent for Argo's basic canary, weighted by replica counts. */
  Optional<TrafficRouting> trafficRouting();

  /** {@code dynamicStableScale}: scale stable down as traffic leaves it (routers only). */
  @Value.Default
  default boolean dynamicStableScale() {
    return false;
  }

  /** {@code minPodsPerReplicaSet}: fewest pods a weighted ReplicaSet gets (routers only). */
  Optional<Integer> minPodsPerReplicaSet();

  /** {@code scaleDownDelaySeconds}: how long an old ReplicaSet keeps its pods once traffic left. */
  Optional<Integer> scaleDownDelaySeconds();

  /** {@code scaleDownDelayRevisionLimit}: how many old ReplicaSets may wait out that delay. */
  Optional<Integer> scaleDownDelayRevisionLimit();

  /** {@code abortScaleDownDelaySeconds}: how long an aborted canary keeps its pods. */
  Optional<Integer> abortScaleDownDelaySeconds();

  /** {@code replicaProgressThreshold}: fewer available canary pods that still complete a step. */
  Optional<ReplicaProgressThreshold> replicaProgressThreshold();

  /** {@code antiAffinity} between the canary's and the stable's pods. */
  Optional<AntiAffinity> antiAffinity();

  /**
   * {@code canaryMetadata}: labels and annotations the canary's pods carry while they are canary.
   */
  Optional<PodMetadata> canaryMetadata();

  /** {@code stableMetadata}: labels and annotations the stable pods carry. */
  Optional<PodMetadata> stableMetadata();

  /** The steps, in order; none means the update goes to 100% at once. */
  /**
   * Argo's {@code status.currentStepHash} of these steps ({@code conditions.ComputeStepHash}): Go's
   * {@code json.Marshal} of {@code steps}, 32-bit FNV-1a, {@code rand.SafeEncodeString}. Derived
   * once per value and kept: {@code [{pause: {}}]} gives {@code 6b9b86fbd5}, absent steps {@code
   * 5ffbfbbd64}.
   */
  @Value.Lazy
  default String stepHash() {
    return dev.rollouts.core.internal.StepHash.of(steps());
  }

  default List<CanaryStep> effectiveSteps() {
    return steps().orElse(List.of());
  }

  /** {@code maxSurge}, or its default. */
  default IntOrPercent effectiveMaxSurge() {
    return maxSurge().orElse(DEFAULT_MAX_SURGE_OR_UNAVAILABLE);
  }

  /** {@code maxUnavailable}, or its default. */
  default IntOrPercent effectiveMaxUnavailable() {
    return maxUnavailable().orElse(DEFAULT_MAX_SURGE_OR_UNAVAILABLE);
  }

  /** The total a weight is out of: {@code trafficRouting.maxTrafficWeight}, or 100. */
  default int effectiveMaxTrafficWeight() {
    return trafficRouting().map(TrafficRouting::effectiveMaxTrafficWeight).orElse(100);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CanaryStrategy}. */
  final class Builder extends ImmutableCanaryStrategy.Builder {}
}
