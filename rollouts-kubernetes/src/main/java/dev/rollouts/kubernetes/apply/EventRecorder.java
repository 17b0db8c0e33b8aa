package dev.rollouts.kubernetes.apply;

import dev.rollouts.core.decision.RolloutEvent;
import dev.rollouts.kubernetes.crd.RolloutResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Records what the controller did as Kubernetes Events on the Rollout, with Argo's reasons ({@code
 * RolloutUpdated}, {@code ScalingReplicaSet}, {@code RolloutPaused} …), so that {@code kubectl
 * describe rollout} tells the story.
 *
 * <p>Recording is best effort: a failure to record is logged and never fails a sync.
 */
@FunctionalInterface
public interface EventRecorder {

  /** Records {@code event} on {@code rollout}. */
  void record(RolloutResource rollout, RolloutEvent event);

  /** Records nothing. */
  EventRecorder NONE = (rollout, event) -> {};

  /**
   * Records {@code core/v1} Events through {@code client}, as from {@code component} (the {@code
   * source.component} and {@code reportingComponent} of each Event).
   */
  static EventRecorder kubernetes(KubernetesClient client, String component) {
    return new KubernetesEventRecorder(client, component);
  }
}
