package dev.rollouts.kubernetes.controller;

import dev.rollouts.kubernetes.crd.RolloutResource;
import dev.rollouts.kubernetes.mapping.ClusterState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's view of the cluster: one shared informer (one watch) per kind — Rollouts,
 * ReplicaSets, Services, Ingresses — optionally limited to one namespace and, for Rollouts, to one
 * controller instance; and the mapping of every event back to the key ({@code namespace/name}) of
 * the Rollout it concerns: through the controller owner reference, then through selectors and the
 * names a Rollout's strategy refers to.
 */
final class ClusterCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterCache.class);

  /** Argo's label that assigns a Rollout to one controller instance. */
  static final String INSTANCE_ID_LABEL = "argo-rollouts.argoproj.io/controller-instance-id";

  private static final String BY_OWNER = "byOwner";
  private static final String BY_REFERENCE = "byReference";
  private static final String ORPHAN = "<no controller>";

  private final Optional<String> instanceId;
  private final SharedIndexInformer<RolloutResource> rollouts;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Ingress> ingresses;

  ClusterCache(
      KubernetesClient client,
      Optional<String> namespace,
      Optional<String> instanceId,
      Duration resync,
      Consumer<String> enqueue) {
    this.instanceId = instanceId;
    long resyncMillis = resync.toMillis();

    var rolloutOps = scope(client.resources(RolloutResource.class), namespace);
    var selected =
        instanceId.isPresent()
            ? rolloutOps.withLabel(INSTANCE_ID_LABEL, instanceId.get())
            : rolloutOps.withoutLabel(INSTANCE_ID_LABEL);
    rollouts = informer(selected, resyncMillis);
    rollouts.addIndexers(Map.of(BY_REFERENCE, ClusterCache::referencedNames));
    replicaSets = informer(scope(client.apps().replicaSets(), namespace), resyncMillis);
    replicaSets.addIndexers(Map.of(BY_OWNER, ClusterCache::ownerKey));
    services = informer(scope(client.services(), namespace), resyncMillis);
    ingresses = informer(scope(client.network().v1().ingresses(), namespace), resyncMillis);

    rollouts.addEventHandler(
        handler(
            r -> {
              if (selects(r)) {
                enqueue.accept(key(r));
              }
            }));
    replicaSets.addEventHandler(handler(rs -> rolloutsOf(rs, true).forEach(enqueue)));
    services.addEventHandler(handler(s -> rolloutsOf(s, false).forEach(enqueue)));
    ingresses.addEventHandler(handler(i -> rolloutsOf(i, false).forEach(enqueue)));
  }

  private static <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
      FilterWatchListDeletable<T, L, R> scope(
          MixedOperation<T, L, R> ops, Optional<String> namespace) {
    return namespace.isPresent() ? ops.inNamespace(namespace.get()) : ops.inAnyNamespace();
  }

  private static <T> SharedIndexInformer<T> informer(Informable<T> ops, long resyncMillis) {
    SharedIndexInformer<T> informer = ops.runnableInformer(resyncMillis);
    informer.exceptionHandler(
        (started, t) -> {
          LOG.warn(
              "watch of {} failed, retrying: {}",
              informer.getApiTypeClass().getSimpleName(),
              t.toString());
          return true;
        });
    return informer;
  }

  /** Starts the four watches and waits until each has listed what exists. */
  void start(Duration timeout) throws Exception {
    CompletableFuture.allOf(
            rollouts.start().toCompletableFuture(),
            replicaSets.start().toCompletableFuture(),
            services.start().toCompletableFuture(),
            ingresses.start().toCompletableFuture())
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether every informer has listed once. */
  boolean hasSynced() {
    return rollouts.hasSynced()
        && replicaSets.hasSynced()
        && services.hasSynced()
        && ingresses.hasSynced();
  }

  /** The keys of every Rollout this controller manages. */
  List<String> rolloutKeys() {
    return rollouts.getStore().list().stream()
        .filter(this::selects)
        .map(ClusterCache::key)
        .toList();
  }

  /** The Rollout of this key, if this controller manages it. */
  Optional<RolloutResource> rollout(String key) {
    return Optional.ofNullable(rollouts.getStore().getByKey(key)).filter(this::selects);
  }

  /**
   * The Rollout and the objects around it, from the caches: its ReplicaSets (and the orphans of its
   * namespace, which it may adopt), the Services its strategy names, the Ingresses of its
   * namespace.
   */
  ClusterState stateOf(RolloutResource rollout) {
    String namespace = rollout.getMetadata().getNamespace();
    List<ReplicaSet> rs = new ArrayList<>(replicaSets.getIndexer().byIndex(BY_OWNER, key(rollout)));
    rs.addAll(replicaSets.getIndexer().byIndex(BY_OWNER, namespace + "/" + ORPHAN));
    Set<String> names = Set.copyOf(referencedNames(rollout));
    List<Service> svc =
        services.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
            .filter(s -> names.contains(key(s)))
            .toList();
    return ClusterState.builder()
        .rollout(rollout)
        .replicaSets(rs)
        .services(svc)
        .ingresses(ingresses.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace))
        .build();
  }

  /** The {@code resourceVersion} the cache holds for {@code kind namespace/name}, if any. */
  Optional<String> resourceVersion(String kind, String key) {
    SharedIndexInformer<? extends HasMetadata> informer =
        switch (kind) {
          case RolloutResource.KIND -> rollouts;
          case "ReplicaSet" -> replicaSets;
          case "Service" -> services;
          case "Ingress" -> ingresses;
          default -> null;
        };
    if (informer == null) {
      // A kind without a cache here (an Event): never wait for it to show.
      return Optional.of("untracked");
    }
    return Optional.ofNullable(informer.getStore().getByKey(key))
        .map(o -> o.getMetadata().getResourceVersion());
  }

  /** Whether this controller manages {@code rollout}: the label selector, checked again in code. */
  boolean selects(RolloutResource rollout) {
    Map<String, String> labels =
        Optional.ofNullable(rollout.getMetadata().getLabels()).orElse(Map.of());
    return instanceId
        .map(id -> id.equals(labels.get(INSTANCE_ID_LABEL)))
        .orElse(!labels.containsKey(INSTANCE_ID_LABEL));
  }

  /** The keys of the Rollouts an event on {@code object} concerns. */
  private Collection<String> rolloutsOf(HasMetadata object, boolean adoptable) {
    String namespace = object.getMetadata().getNamespace();
    Set<String> keys = new LinkedHashSet<>();
    controllerOf(object).ifPresent(owner -> keys.add(namespace + "/" + owner.getName()));
    if (keys.isEmpty() && adoptable && object instanceof ReplicaSet rs) {
      Map<String, String> labels =
          Optional.ofNullable(rs.getMetadata().getLabels()).orElse(Map.of());
      rollouts.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
          .filter(r -> Selectors.matches(r.getSpec().get("selector"), labels))
          .forEach(r -> keys.add(key(r)));
    }
    rollouts.getIndexer().byIndex(BY_REFERENCE, key(object)).forEach(r -> keys.add(key(r)));
    return keys;
  }

  private static Optional<OwnerReference> controllerOf(HasMetadata object) {
    return object.getMetadata().getOwnerReferences().stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .filter(
            o ->
                RolloutResource.KIND.equals(o.getKind())
                    && Objects.toString(o.getApiVersion(), "")
                        .startsWith(RolloutResource.GROUP + "/"))
        .findFirst();
  }

  /** Index of ReplicaSets: the key of the Rollout that controls it, or the namespace's orphans. */
  private static List<String> ownerKey(ReplicaSet rs) {
    String namespace = rs.getMetadata().getNamespace();
    boolean hasController =
        rs.getMetadata().getOwnerReferences().stream()
            .anyMatch(o -> Boolean.TRUE.equals(o.getController()));
    return controllerOf(rs)
        .map(o -> List.of(namespace + "/" + o.getName()))
        .orElse(hasController ? List.of() : List.of(namespace + "/" + ORPHAN));
  }

  /**
   * Index of Rollouts: {@code namespace/name} for every string in {@code spec.strategy}, so that
   * the Services and Ingresses a strategy names map back to it. Broader than needed, which only
   * costs a sync.
   */
  private static List<String> referencedNames(RolloutResource rollout) {
    Set<String> names = new LinkedHashSet<>();
    collectStrings(rollout.getSpec().get("strategy"), names);
    String namespace = rollout.getMetadata().getNamespace();
    return names.stream().map(n -> namespace + "/" + n).toList();
  }

  private static void collectStrings(Object tree, Set<String> into) {
    if (tree instanceof String s) {
      into.add(s);
    } else if (tree instanceof Map<?, ?> map) {
      map.values().forEach(v -> collectStrings(v, into));
    } else if (tree instanceof List<?> list) {
      list.forEach(v -> collectStrings(v, into));
    }
  }

  static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onChange.accept(obj);
      }
    };
  }

  @Override
  public void close() {
    rollouts.close();
    replicaSets.close();
    services.close();
    ingresses.close();
  }
}
