package dev.rollouts.kubernetes.apply;

import dev.rollouts.kubernetes.mapping.ClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;
import java.util.Optional;

/** The objects of a {@link ClusterState}, looked up by name in the Rollout's namespace. */
final class Observation {

  private final String namespace;
  private final ClusterState state;

  Observation(ClusterState state) {
    this.state = state;
    this.namespace = state.rollout().getMetadata().getNamespace();
  }

  Optional<ReplicaSet> replicaSet(String name) {
    return find(state.replicaSets(), name);
  }

  Optional<Service> service(String name) {
    return find(state.services(), name);
  }

  Optional<HasMetadata> routingObject(String kind, String name) {
    return kind.equals("Ingress")
        ? find(state.ingresses(), name).map(HasMetadata.class::cast)
        : Optional.empty();
  }

  private <T extends HasMetadata> Optional<T> find(List<T> objects, String name) {
    return objects.stream()
        .filter(
            o ->
                name.equals(o.getMetadata().getName())
                    && namespace.equals(o.getMetadata().getNamespace()))
        .findFirst();
  }
}
