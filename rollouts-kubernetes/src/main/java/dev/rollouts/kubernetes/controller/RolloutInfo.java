package dev.rollouts.kubernetes.controller;

import org.immutables.value.Value;

/**
 * A Rollout's state after a reconcile, as {@code rollout_info} and its replica gauges report it.
 */
@Value.Immutable
public interface RolloutInfo {

  /** {@code metadata.namespace}. */
  String namespace();

  /** {@code metadata.name}. */
  String name();

  /** {@code canary} or {@code blueGreen} ({@code invalid} when neither or both). */
  String strategy();

  /** {@code status.phase}, as Argo spells it; {@code Unknown} before the first status. */
  String phase();

  /** {@code spec.replicas}. */
  int desiredReplicas();

  /** {@code status.availableReplicas}. */
  int availableReplicas();

  /** {@code status.updatedReplicas}. */
  int updatedReplicas();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RolloutInfo}. */
  final class Builder extends ImmutableRolloutInfo.Builder {}
}
