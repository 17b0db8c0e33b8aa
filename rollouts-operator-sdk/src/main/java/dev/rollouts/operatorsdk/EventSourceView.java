package dev.rollouts.operatorsdk;

import dev.rollouts.kubernetes.controller.ClusterView;
import dev.rollouts.kubernetes.controller.RolloutReferences;
import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;

/**
 * The {@link ClusterView} of a JOSDK controller: the primary cache of Rollouts and the informer
 * event sources of ReplicaSets, Services and Ingresses, read with the same {@link
 * RolloutReferences} as {@code RolloutController}'s informers.
 */
final class EventSourceView implements ClusterView {

  private final IndexedResourceCache<RolloutResource> rollouts;
  private final InformerEventSource<ReplicaSet, RolloutResource> replicaSets;
  private final InformerEventSource<Service, RolloutResource> services;
  private final InformerEventSource<Ingress, RolloutResource> ingresses;
  private final Optional<String> instanceId;

  EventSourceView(
      IndexedResourceCache<RolloutResource> rollouts,
      InformerEventSource<ReplicaSet, RolloutResource> replicaSets,
      InformerEventSource<Service, RolloutResource> services,
      InformerEventSource<Ingress, RolloutResource> ingresses,
      Optional<String> instanceId) {
    this.rollouts = rollouts;
    this.replicaSets = replicaSets;
    this.services = services;
    this.ingresses = ingresses;
    this.instanceId = instanceId;
  }

  @Override
  public Optional<RolloutResource> rollout(String key) {
    return rollouts.get(id(key)).filter(r -> RolloutReferences.selects(instanceId, r));
  }

  @Override
  public ClusterState stateOf(RolloutResource rollout) {
    return RolloutReferences.stateOf(
        rollout,
        owner -> replicaSets.byIndex(RolloutReferences.BY_OWNER, owner),
        namespace -> services.list(namespace, s -> true).toList(),
        namespace -> ingresses.list(namespace, i -> true).toList());
  }

  @Override
  public Optional<String> resourceVersion(String kind, String key) {
    Optional<? extends HasMetadata> cached =
        switch (kind) {
          case RolloutResource.KIND -> rollouts.get(id(key));
          case "ReplicaSet" -> replicaSets.get(id(key));
          case "Service" -> services.get(id(key));
          case "Ingress" -> ingresses.get(id(key));
          default -> Optional.empty();
        };
    return switch (kind) {
      case RolloutResource.KIND, "ReplicaSet", "Service", "Ingress" ->
          cached.map(o -> o.getMetadata().getResourceVersion());
      default -> Optional.of("untracked");
    };
  }

  private static ResourceID id(String key) {
    int slash = key.indexOf('/');
    return new ResourceID(key.substring(slash + 1), key.substring(0, slash));
  }
}
