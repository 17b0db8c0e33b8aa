package dev.rollouts.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Optional;

/**
 * The cluster objects a Decision was made from, as they were read: the applier writes only what
 * differs from them, with their {@code resourceVersion}s.
 *
 * @param replicaSets the Rollout's ReplicaSets
 * @param services the Services its strategy names that exist
 * @param routingObjects the routing objects its traffic router may own (Ingresses)
 */
public record ClusterObjects(
    List<ReplicaSet> replicaSets, List<Service> services, List<? extends HasMetadata> routingObjects) {

  /** Copies the lists. */
  public ClusterObjects {
    replicaSets = List.copyOf(replicaSets);
    services = List.copyOf(services);
    routingObjects = List.copyOf(routingObjects);
  }

  /** The ReplicaSet of this name, if observed. */
  public Optional<ReplicaSet> replicaSet(String name) {
    return replicaSets.stream().filter(rs -> rs.getMetadata().getName().equals(name)).findFirst();
  }

  /** The Service of this name, if observed. */
  public Optional<Service> service(String name) {
    return services.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
  }

  /** The routing object of this kind and name, if observed. */
  public Optional<HasMetadata> routingObject(String kind, String name) {
    return routingObjects.stream()
        .filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
        .map(HasMetadata.class::cast)
        .findFirst();
  }
}
